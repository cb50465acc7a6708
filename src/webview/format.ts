/** Small display formatters for table cells, axes and badges (pure, locale-independent). */
import type { CellValue, StatusClass } from '../shared/protocol';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `yyyy-MM-dd HH:mm:ss.SSS` in UTC or local time; '' for a missing time. */
export function formatTime(ms: number, utc: boolean, withMillis = false): string {
  if (!Number.isFinite(ms)) return '';
  const d = new Date(ms);
  const [y, mo, da, h, mi, s, milli] = utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()];
  const base = `${y}-${pad(mo)}-${pad(da)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
  return withMillis ? `${base}.${pad(milli, 3)}` : base;
}

/** A duration: `43 ms`, `1.25 s`, `2.0 min`. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  if (Math.abs(ms) < 1000) return `${Math.round(ms)} ms`;
  if (Math.abs(ms) < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/** A byte size: `512 B`, `1.5 KB`, `2.0 MB`. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n)) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** A count with thousands separators: `1,234,567`. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A compact count for chart axes: `950`, `12.3k`, `4.5M`. */
export function formatCompact(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e9) return `${(n / 1e9).toFixed(1)}G`;
  if (a >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (a >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return String(Math.round(n));
}

/** A ratio as a percentage: `99.5%`. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  const p = ratio * 100;
  return `${p >= 99.95 || p === 0 ? p.toFixed(0) : p.toFixed(p < 1 ? 2 : 1)}%`;
}

/** The status class of an HTTP status (number or string). */
export function statusClassOf(status: CellValue): StatusClass {
  const n = typeof status === 'number' ? status : Number.parseInt(status ?? '', 10);
  if (n >= 200 && n < 300) return '2xx';
  if (n >= 300 && n < 400) return '3xx';
  if (n >= 400 && n < 500) return '4xx';
  if (n >= 500 && n < 600) return '5xx';
  return 'other';
}

/** How slow a latency is, for colouring: under 500 ms ok, under 3 s slow, else very slow. */
export function latencyLevel(ms: CellValue): 'ok' | 'slow' | 'very-slow' | 'none' {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'none';
  if (ms < 500) return 'ok';
  return ms < 3000 ? 'slow' : 'very-slow';
}

/** Picks a "nice" histogram bucket width (ms) so `span` splits into at most `maxBuckets`. */
export function niceBucketMs(span: number, maxBuckets: number): number {
  const steps = [1e3, 5e3, 1e4, 3e4, 6e4, 3e5, 6e5, 18e5, 36e5, 108e5, 216e5, 864e5, 6048e5];
  const raw = span / Math.max(1, maxBuckets);
  return steps.find((s) => s >= raw) ?? Math.ceil(raw / 864e5) * 864e5;
}

/** Powers of ten from `min` to `max`: the only grid lines of a log axis. */
export function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let v = 10 ** Math.floor(Math.log10(Math.max(1, min))); v <= max * 1.0001; v *= 10) out.push(v);
  return out;
}
