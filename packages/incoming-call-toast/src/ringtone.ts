/**
 * The ringtone: an audio file (`ringtone` URL) or a built-in ring synthesised with Web Audio. Loaded
 * lazily by the toast on the first ring, so pages that never ring never pay for it.
 *
 * Browsers may refuse to play sound before the agent has interacted with the page (autoplay policy).
 * `play()` then resolves `false` and the toast offers a one-click "enable sound" button whose click,
 * a user gesture, calls `unlock()`.
 */

/** How long a suspended audio context may take to start before the ring counts as blocked. */
export const BLOCKED_AFTER_MS = 250;

/** The ring cadence in seconds: [tone on, tone off, …] repeated every `period`. */
const RING = { period: 3, bursts: [0, 0.4, 0.6, 1], frequencies: [440, 480] } as const;
/** Call waiting: two short, quieter beeps every six seconds. */
const WAITING = { period: 6, bursts: [0, 0.2, 0.4, 0.6], frequencies: [440] } as const;

export interface RingOptions {
  /** An audio file; empty for the built-in ring. */
  readonly url: string;
  /** 0 to 1. */
  readonly volume: number;
  /** Call waiting: the quieter, sparser tone. */
  readonly quiet: boolean;
}

/** One audio context for every toast on the page (browsers limit how many a page should open). */
let sharedContext: AudioContext | undefined;

const isBlocked = (error: unknown) =>
  (error as { name?: string } | null)?.name === 'NotAllowedError';

export class Ringtone {
  #options: RingOptions | undefined;
  #audio: HTMLAudioElement | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;
  #voice: { gain: GainNode; oscillators: OscillatorNode[] } | undefined;
  #generation = 0;

  /** Whether the ring is wanted (between `play()` and `stop()`), blocked or not. */
  get active(): boolean {
    return this.#options !== undefined;
  }

  /**
   * Starts ringing (stopping any ring first). Resolves `true` once sound plays, `false` when the browser
   * blocked it (call `unlock()` from a user gesture) or `stop()` came first.
   */
  async play(options: RingOptions): Promise<boolean> {
    this.stop();
    this.#options = options;
    return this.#start(++this.#generation);
  }

  /** Retries a blocked ring from a user gesture (a click). Resolves whether sound now plays. */
  unlock(): Promise<boolean> {
    return this.#options ? this.#start(++this.#generation, true) : Promise.resolve(false);
  }

  /** Stops at once. */
  stop(): void {
    this.#generation++;
    this.#options = undefined;
    this.#silence();
  }

  #silence(): void {
    const audio = this.#audio;
    this.#audio = undefined;
    if (audio) {
      audio.pause();
      audio.removeAttribute('src');
      audio.load();
    }
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const oscillator of this.#voice?.oscillators ?? []) oscillator.stop();
    this.#voice?.gain.disconnect();
    this.#voice = undefined;
  }

  async #start(generation: number, gesture = false): Promise<boolean> {
    const options = this.#options;
    if (!options) return false;
    this.#silence();
    const volume = options.quiet ? options.volume * 0.4 : options.volume;
    if (options.url) {
      const audio = new Audio(options.url);
      audio.loop = true;
      audio.volume = volume;
      this.#audio = audio;
      try {
        await audio.play();
        return generation === this.#generation;
      } catch (error) {
        if (generation !== this.#generation) return false;
        this.#audio = undefined;
        // A file that cannot be played (404, unsupported) falls back to the built-in ring.
        if (isBlocked(error)) return false;
      }
    }
    return this.#synth(generation, volume, options.quiet, gesture);
  }

  async #synth(
    generation: number,
    volume: number,
    quiet: boolean,
    gesture: boolean,
  ): Promise<boolean> {
    const Context = globalThis.AudioContext as typeof AudioContext | undefined;
    try {
      sharedContext ??= Context ? new Context() : undefined;
    } catch {
      sharedContext = undefined;
    }
    const context = sharedContext;
    if (!context) return false;
    if (context.state !== 'running') {
      const resumed = context.resume().then(
        () => true,
        () => false,
      );
      // From a gesture the resume is allowed; otherwise a context that does not start soon is blocked.
      const running = gesture
        ? await resumed
        : await Promise.race([
            resumed,
            new Promise<boolean>((resolve) => setTimeout(() => resolve(false), BLOCKED_AFTER_MS)),
          ]);
      if (!running || (context.state as string) !== 'running') return false;
    }
    if (generation !== this.#generation) return false;
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(context.destination);
    const pattern = quiet ? WAITING : RING;
    const oscillators = pattern.frequencies.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start();
      return oscillator;
    });
    this.#voice = { gain, oscillators };
    const level = Math.min(1, Math.max(0, volume)) / pattern.frequencies.length / 2;
    const cycle = () => {
      const at = context.currentTime + 0.02;
      const { bursts } = pattern;
      for (let i = 0; i + 1 < bursts.length; i += 2) {
        const on = at + (bursts[i] ?? 0);
        const off = at + (bursts[i + 1] ?? 0);
        gain.gain.setTargetAtTime(level, on, 0.01);
        gain.gain.setTargetAtTime(0, off, 0.01);
      }
    };
    cycle();
    this.#timer = setInterval(cycle, pattern.period * 1000);
    return true;
  }
}
