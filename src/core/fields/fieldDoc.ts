/** The shape of one field's documentation in the catalog data files. */
import { lt, type LocalizedText } from './lang';

/** What kind of value a field holds; decides how it is decoded and displayed. */
export type FieldKind =
  | 'id' | 'enum' | 'status' | 'errorCode' | 'ms' | 'bytes' | 'epochMs' | 'epochS' | 'isoTime'
  | 'ip' | 'json' | 'headers' | 'text';

/** Every FieldKind, in display order. */
export const FIELD_KINDS: readonly FieldKind[] = [
  'id', 'enum', 'status', 'errorCode', 'ms', 'bytes', 'epochMs', 'epochS', 'isoTime', 'ip', 'json', 'headers', 'text',
];

/** A field's kind and its short and long descriptions in both languages. */
export interface FieldDoc {
  readonly kind: FieldKind;
  readonly short: LocalizedText;
  readonly long: LocalizedText;
}

/** Builds a FieldDoc from [short, long] pairs in English and Chinese. */
export function doc(kind: FieldKind, en: [string, string], zh: [string, string]): FieldDoc {
  return { kind, short: lt(en[0], zh[0]), long: lt(en[1], zh[1]) };
}
