/** Times in logs (epoch s / ms, ISO-8601) as UTC, local and relative text. */
import { formatDistanceStrict } from 'date-fns';
import { zhCN } from 'date-fns/locale';
import type { Lang } from '../fields/lang';
import { parseIsoTime } from './isoTime';
import { valueText } from './valueText';

/** The unit a time value was read in. */
export type TimeUnit = 's' | 'ms' | 'us' | 'ns' | 'iso';

/** Options for decodeTime: the reference "now", the time zone of the local text, the language. */
export interface TimeOptions {
  readonly now?: Date | number;
  /** IANA zone for the local text, e.g. Asia/Shanghai; default: the host's zone. */
  readonly timeZone?: string;
  readonly lang?: Lang;
}

/** A decoded time value. */
export type TimeInfo =
  | { readonly valid: true; readonly raw: string; readonly epochMs: number; readonly unit: TimeUnit;
      readonly utc: string; readonly local: string; readonly timeZone: string; readonly relative: string }
  | { readonly valid: false; readonly raw: string };

const MAX_DATE_MS = 8.64e15;

/** The unit of an epoch number, guessed from its magnitude (seconds until year 5138, then ms, µs, ns). */
export function detectEpochUnit(n: number): 's' | 'ms' | 'us' | 'ns' {
  const a = Math.abs(n);
  if (a < 1e11) return 's';
  if (a < 1e14) return 'ms';
  if (a < 1e17) return 'us';
  return 'ns';
}

const FACTOR: Record<'s' | 'ms' | 'us' | 'ns', number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };

/** Reads an epoch number (or numeric string) or ISO-8601 text as epoch ms; undefined when it is neither. */
export function parseTime(value: unknown): { epochMs: number; unit: TimeUnit } | undefined {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
  else if (typeof value === 'string') {
    const iso = parseIsoTime(value);
    return iso === undefined ? undefined : { epochMs: iso, unit: 'iso' };
  }
  if (n === undefined || !Number.isFinite(n)) return undefined;
  const unit = detectEpochUnit(n);
  const epochMs = Math.round(n * FACTOR[unit] * 1000) / 1000;
  return Math.abs(epochMs) <= MAX_DATE_MS ? { epochMs, unit } : undefined;
}

/** Decodes a time value to UTC, local and relative text; never throws. */
export function decodeTime(value: unknown, options: TimeOptions = {}): TimeInfo {
  const raw = valueText(value);
  const parsed = parseTime(value);
  if (!parsed) return { valid: false, raw };
  const now = options.now === undefined ? Date.now() : Number(options.now);
  const zone = validZone(options.timeZone);
  return {
    valid: true, raw, epochMs: parsed.epochMs, unit: parsed.unit,
    utc: utcText(parsed.epochMs), local: localText(parsed.epochMs, zone), timeZone: zone,
    relative: relativeText(parsed.epochMs, Number.isFinite(now) ? now : Date.now(), options.lang ?? 'en'),
  };
}

/** ISO-8601 UTC text; milliseconds only when not zero ("2022-10-29T03:59:59Z"). */
export function utcText(epochMs: number): string {
  return new Date(Math.floor(epochMs)).toISOString().replace('.000Z', 'Z');
}

/** "3 hours ago" / "in 2 days" (or Chinese) relative to now. */
export function relativeText(epochMs: number, now: number, lang: Lang): string {
  return formatDistanceStrict(epochMs, now, { addSuffix: true, locale: lang === 'zh' ? zhCN : undefined });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached formatter of wall-clock parts in a zone, or undefined when the zone is unknown. */
function zoneFormatter(timeZone: string): Intl.DateTimeFormat | undefined {
  let fmt = formatters.get(timeZone);
  if (fmt) return fmt;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
  } catch {
    return undefined;
  }
  if (formatters.size > 64) formatters.clear();
  formatters.set(timeZone, fmt);
  return fmt;
}

function validZone(zone: string | undefined): string {
  const fallback = Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  return (zone && zoneFormatter(zone)?.resolvedOptions().timeZone) || fallback;
}

/** "2022-10-29 11:59:59 UTC+08:00" in the given IANA zone. */
export function localText(epochMs: number, timeZone: string): string {
  const ms = Math.floor(epochMs);
  const fmt = zoneFormatter(timeZone) ?? zoneFormatter('UTC')!;
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const frac = ((ms % 1000) + 1000) % 1000;
  const offsetMin = Math.round((wall - (ms - frac)) / 60_000);
  const millis = frac ? `.${String(frac).padStart(3, '0')}` : '';
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}${millis} ${offsetText(offsetMin)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
