/** Durations in milliseconds, written for people: "845 ms", "1.35 s", "2 min 5 s". */

/** Reads a millisecond value given as a number or numeric string; undefined when it is not one. */
export function parseMs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** A duration in milliseconds as short human text; "—" when not a finite number. */
export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0) return '-' + formatLatency(-ms);
  if (ms < 999.5) return `${ms < 9.95 && !Number.isInteger(ms) ? Math.round(ms * 10) / 10 : Math.round(ms)} ms`;
  if (ms < 9995) return `${Math.round(ms / 10) / 100} s`;
  if (ms < 59_950) return `${Math.round(ms / 100) / 10} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 3600) return pair(Math.floor(seconds / 60), 'min', seconds % 60, 's');
  const minutes = Math.round(ms / 60_000);
  return pair(Math.floor(minutes / 60), 'h', minutes % 60, 'min');
}

function pair(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor > 0 ? `${major} ${majorUnit} ${minor} ${minorUnit}` : `${major} ${majorUnit}`;
}
