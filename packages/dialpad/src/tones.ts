/** The standard DTMF frequency pairs (ITU-T Q.23) in hertz: [row, column]. */
export const DTMF_FREQUENCIES: Readonly<Record<string, readonly [number, number]>> = {
  '1': [697, 1209],
  '2': [697, 1336],
  '3': [697, 1477],
  '4': [770, 1209],
  '5': [770, 1336],
  '6': [770, 1477],
  '7': [852, 1209],
  '8': [852, 1336],
  '9': [852, 1477],
  '*': [941, 1209],
  '0': [941, 1336],
  '#': [941, 1477],
};

/** The shortest tone, in seconds, even for a very quick tap (Q.24 asks for at least 40 ms). */
export const MIN_TONE_SECONDS = 0.07;
const RAMP = 0.005;

interface Voice {
  readonly gain: GainNode;
  readonly oscillators: readonly OscillatorNode[];
  readonly startedAt: number;
  readonly level: number;
}

/**
 * Local DTMF feedback with Web Audio: two sine oscillators per key through one gain node, with short
 * ramps so tones do not click. The `AudioContext` is created on the first `start()`, which the dialpad
 * calls from a user gesture (pointer down, key down), so browsers raise no autoplay warnings; without Web
 * Audio every call is a no-op.
 */
export class DtmfTones {
  #context: AudioContext | undefined;
  #voice: Voice | undefined;

  /** Starts the key's tone at `volume` (0–1); stops the one playing. Returns whether a tone started. */
  start(key: string, volume: number): boolean {
    this.stop();
    const pair = DTMF_FREQUENCIES[key];
    const level = Math.min(1, Math.max(0, Number.isFinite(volume) ? volume : 0)) / 2;
    if (!pair || level === 0) return false;
    const context = this.#ensureContext();
    if (!context) return false;
    if (context.state === 'suspended') context.resume().catch(() => undefined);
    const now = context.currentTime;
    const gain = context.createGain();
    gain.gain.setValueAtTime(0, now);
    gain.gain.linearRampToValueAtTime(level, now + RAMP);
    gain.connect(context.destination);
    const oscillators = pair.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(now);
      return oscillator;
    });
    this.#voice = { gain, oscillators, startedAt: now, level };
    return true;
  }

  /**
   * Stops the tone playing, no earlier than `seconds` after it started (at least {@link MIN_TONE_SECONDS}).
   * The stop is scheduled on the audio clock, so it is exact even when the main thread is busy.
   */
  stop(seconds = MIN_TONE_SECONDS): void {
    const voice = this.#voice;
    const context = this.#context;
    this.#voice = undefined;
    if (!voice || !context) return;
    const end = Math.max(
      context.currentTime,
      voice.startedAt + Math.max(seconds, MIN_TONE_SECONDS),
    );
    voice.gain.gain.setValueAtTime(voice.level, end);
    voice.gain.gain.linearRampToValueAtTime(0, end + RAMP);
    for (const oscillator of voice.oscillators) oscillator.stop(end + 2 * RAMP);
  }

  /** Plays the key's tone for `seconds` (keyboard presses, which have no pointer up). */
  play(key: string, volume: number, seconds: number): void {
    if (this.start(key, volume)) this.stop(seconds);
  }

  /** Stops any tone and closes the audio context; the next `start()` creates a new one. */
  close(): void {
    this.stop();
    const context = this.#context;
    this.#context = undefined;
    context?.close().catch(() => undefined);
  }

  #ensureContext(): AudioContext | undefined {
    if (!this.#context) {
      const Context = globalThis.AudioContext as typeof AudioContext | undefined;
      try {
        this.#context = Context ? new Context({ latencyHint: 'interactive' }) : undefined;
      } catch {
        this.#context = undefined;
      }
    }
    return this.#context;
  }
}
