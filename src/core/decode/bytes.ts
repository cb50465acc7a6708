/** Byte counts: human size ("1.5 KB", "12.3 MB", or binary "1.5 KiB") and exact count ("1,487 bytes"). */

/** Options for formatBytes. */
export interface ByteFormatOptions {
  /** Use 1024-based KiB/MiB/GiB instead of 1000-based KB/MB/GB. */
  readonly binary?: boolean;
}

const DECIMAL_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** A byte count as a short human size; "—" when not a finite number. */
export function formatBytes(bytes: number, options: ByteFormatOptions = {}): string {
  if (!Number.isFinite(bytes)) return '—';
  if (bytes < 0) return '-' + formatBytes(-bytes, options);
  const base = options.binary ? 1024 : 1000;
  const units = options.binary ? BINARY_UNITS : DECIMAL_UNITS;
  let value = bytes;
  let unit = 0;
  while (value >= base && unit < units.length - 1) {
    value /= base;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const shown = value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  if (shown >= base && unit < units.length - 1) return `1 ${units[unit + 1]}`;
  return `${shown} ${units[unit]}`;
}

/** An integer with thousands separators: 1234567 → "1,234,567". */
export function formatThousands(n: number): string {
  if (!Number.isFinite(n)) return '—';
  const sign = n < 0 ? '-' : '';
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (frac ? '.' + frac : '');
}

/** The exact count with separators and unit: "1,487 bytes" ("1 byte" for one). */
export function formatExactBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '—';
  return `${formatThousands(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

/** A decoded byte-size value. */
export interface ByteSize {
  readonly bytes: number | undefined;
  readonly human: string;
  readonly binary: string;
  readonly exact: string;
}

/** Decodes a size given as a number or numeric string; never throws. */
export function decodeBytes(value: unknown): ByteSize {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return { bytes: undefined, human: '—', binary: '—', exact: '—' };
  return { bytes: n, human: formatBytes(n), binary: formatBytes(n, { binary: true }), exact: formatExactBytes(n) };
}
