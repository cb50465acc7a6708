/**
 * Predicates evaluated once per dictionary value, giving a lookup table by code; the per-row work is
 * then one table read. Lower-cased values and their tokens are cached per dictionary (dictionaries
 * only grow, so the cache extends itself).
 */
import type { LogIndex } from '../index/store';
import { matchSubject, type SubjectMatcher } from './textMatch';

/** A dictionary column as the index exposes it. */
export type Dictionary = ReturnType<LogIndex['dict']>;

/** Lower-cased values and joined tokens by code, kept as two flat arrays to stay small. */
interface Subjects {
  lower: string[];
  joined: (string | undefined)[];
}

const subjectCache = new WeakMap<Dictionary, Subjects>();

/** The match subjects of every dictionary value, by code (cached; extended as the dictionary grows). */
export function dictSubjects(dict: Dictionary): Subjects {
  let subjects = subjectCache.get(dict);
  if (subjects === undefined) {
    subjects = { lower: [], joined: [] };
    subjectCache.set(dict, subjects);
  }
  for (let code = subjects.lower.length; code < dict.values.length; code++) {
    const s = matchSubject(dict.values[code]);
    subjects.lower.push(s.lower);
    subjects.joined.push(s.joined);
  }
  return subjects;
}

/** A lookup by code: 1 where the matcher accepts the dictionary value (code 0 is the empty value). */
export function lookupBySubject(dict: Dictionary, matcher: SubjectMatcher): Uint8Array {
  const { lower, joined } = dictSubjects(dict);
  const lut = new Uint8Array(lower.length);
  for (let code = 0; code < lower.length; code++) lut[code] = matcher(lower[code], joined[code]) ? 1 : 0;
  return lut;
}

/** A lookup by code from a predicate over the raw dictionary values. */
export function lookupByValue(dict: Dictionary, predicate: (value: string) => boolean): Uint8Array {
  const lut = new Uint8Array(dict.values.length);
  for (let code = 1; code < lut.length; code++) lut[code] = predicate(dict.values[code]) ? 1 : 0;
  return lut;
}

/** Marks in `out` the candidate rows whose code is set in `lut`. */
export function scanCodes(codes: Uint16Array | Uint32Array, lut: Uint8Array, candidates: Uint8Array, out: Uint8Array): void {
  const n = candidates.length;
  const size = lut.length;
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    if (candidates[i] !== 0 && code < size && lut[code] !== 0) out[i] = 1;
  }
}

/** Per-code counts over `rows` (all rows when undefined). */
export function countCodes(dict: Dictionary, count: number, rows?: Uint32Array): Uint32Array {
  const counts = new Uint32Array(dict.values.length);
  const codes = dict.codes;
  if (rows === undefined) {
    for (let i = 0; i < count; i++) counts[codes[i]]++;
  } else {
    for (let j = 0; j < rows.length; j++) counts[codes[rows[j]]]++;
  }
  return counts;
}
