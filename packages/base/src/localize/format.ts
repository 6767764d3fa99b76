/**
 * Locale-aware formatting through `Intl`, as plain functions so that a component pays only for what it
 * uses. Pass the element's resolved language (`this.localize.lang`).
 */

/** `Intl.NumberFormat`. */
export function formatNumber(
  lang: string,
  value: number,
  options?: Intl.NumberFormatOptions,
): string {
  return new Intl.NumberFormat(lang, options).format(value);
}

/** `Intl.DateTimeFormat`. */
export function formatDate(
  lang: string,
  value: Date | number,
  options?: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat(lang, options).format(value);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/**
 * A relative time ("3 minutes ago", "yesterday") with `Intl.RelativeTimeFormat`, choosing the unit.
 * @param now the reference time (pass a fixed one in stories and tests).
 */
export function formatRelativeTime(
  lang: string,
  value: Date | number,
  now: Date | number = Date.now(),
): string {
  const seconds = Math.round((Number(value) - Number(now)) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(seconds, 'second');
}

interface DurationFormatLike {
  format(duration: Record<string, number>): string;
}
type DurationFormatConstructor = new (
  lang: string,
  options: Record<string, string>,
) => DurationFormatLike;

/**
 * The digital clock of `Intl.DurationFormat`: `mm:ss`, then `h:mm:ss` (minutes and seconds are
 * two-digit by default), in the locale's digits and separators.
 */
const DIGITAL = { style: 'digital', hoursDisplay: 'auto' };

/**
 * A duration. `timer` gives `mm:ss`, then `h:mm:ss`, with the locale's digits and time separator
 * (`01.05` in Finnish) through `Intl.DurationFormat`'s digital style; `long` gives words ("2 minutes,
 * 5 seconds"). Where the browser lacks `Intl.DurationFormat`, `Intl.NumberFormat` builds the same.
 */
export function formatDuration(
  lang: string,
  totalSeconds: number,
  style: 'timer' | 'long' = 'timer',
): string {
  const safe = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const hours = Math.floor(safe / 3600);
  const minutes = Math.floor((safe % 3600) / 60);
  const seconds = safe % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor })
    .DurationFormat;
  if (style === 'long') {
    const parts: Record<string, number> = hours
      ? { hours, minutes, seconds }
      : minutes
        ? { minutes, seconds }
        : { seconds };
    if (DurationFormat) return new DurationFormat(lang, { style: 'long' }).format(parts);
    return Object.entries(parts)
      .map(([unit, value]) =>
        new Intl.NumberFormat(lang, {
          style: 'unit',
          unit: unit.slice(0, -1),
          unitDisplay: 'long',
        }).format(value),
      )
      .join(' ');
  }
  if (DurationFormat) return new DurationFormat(lang, DIGITAL).format({ hours, minutes, seconds });
  const two = new Intl.NumberFormat(lang, { minimumIntegerDigits: 2, useGrouping: false });
  const one = new Intl.NumberFormat(lang, { useGrouping: false });
  return hours > 0
    ? `${one.format(hours)}:${two.format(minutes)}:${two.format(seconds)}`
    : `${two.format(minutes)}:${two.format(seconds)}`;
}
