/** Time range presets, relative to the newest record in the file (logs are looked at after the fact). */
import type { TimeRange } from '../shared/protocol';
import { formatTime } from './format';

/** A preset: id, label, and its span in ms (0 = everything). */
export interface RangePreset {
  readonly id: string;
  readonly label: string;
  readonly spanMs: number;
}

/** The presets offered, "all" first. */
export const RANGE_PRESETS: readonly RangePreset[] = [
  { id: 'all', label: 'All time', spanMs: 0 },
  { id: '5m', label: 'Last 5 minutes', spanMs: 5 * 60e3 },
  { id: '15m', label: 'Last 15 minutes', spanMs: 15 * 60e3 },
  { id: '1h', label: 'Last hour', spanMs: 3600e3 },
  { id: '6h', label: 'Last 6 hours', spanMs: 6 * 3600e3 },
  { id: '24h', label: 'Last 24 hours', spanMs: 24 * 3600e3 },
  { id: '7d', label: 'Last 7 days', spanMs: 7 * 24 * 3600e3 },
];

/** The range of preset `id` ending at the file's newest record `maxTime`; undefined for "all" or unknown. */
export function presetRange(id: string, maxTime: number | undefined): TimeRange | undefined {
  const preset = RANGE_PRESETS.find((p) => p.id === id);
  if (!preset || preset.spanMs === 0 || maxTime === undefined || !Number.isFinite(maxTime)) return undefined;
  const to = maxTime + 1;
  return { from: to - preset.spanMs, to };
}

/** A short description of a custom range. */
export function describeRange(range: TimeRange | undefined, utc: boolean): string {
  if (!range) return 'All time';
  return `${formatTime(range.from, utc)} → ${formatTime(range.to, utc)}`;
}
