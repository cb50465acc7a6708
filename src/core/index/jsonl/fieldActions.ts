/**
 * What the JSON-lines scanner does with each key: a table from a key's exact bytes to an action,
 * learned as keys are met (a file uses few spellings). Unseen spellings are resolved once through
 * the field catalog (case-insensitive, both naming schemes), so the table agrees with `addRecord`.
 */
import { DICT_COLUMNS, ID_COLUMNS, TIMING_FIELDS, canonicalFieldId, isTagField, type DictColumn, type FieldId, type IdColumn, type NumericColumn } from '../../fields/ids';
import { ByteInterner } from '../byteInterner';
import type { DictColumnStore, Float64Column, Int32Column } from '../columns';
import type { IdColumnStore } from '../idColumn';
import type { LogIndex } from '../store';
import { ValueCache } from './valueCache';

/** Action kinds. */
export const enum Act {
  /** A known field the index does not hold (bodies, headers, messages…): skipped. */
  Skip = 0,
  Dict = 1,
  /** statusCode: a dictionary value and the numeric `status`. */
  Status = 2,
  Id = 3,
  Num = 4,
  Stamp = 5,
  /** requestHandleTime → `time`. */
  Time = 6,
  /** `__time__` (epoch seconds), applied after the record when `time` is still missing. */
  Epoch = 7,
  /** Not in the catalog: listed in extraFields (tags excepted). */
  Extra = 8,
}

/** One resolved key. Every instance has the same fields in the same order (monomorphic in the hot loop). */
export class FieldAction {
  /** Index of the field among indexed fields (for duplicate detection), -1 when not indexed. */
  slot = -1;
  dict: DictColumn | undefined = undefined;
  id: IdColumn | undefined = undefined;
  num: NumericColumn | undefined = undefined;
  /** Timing stamp position (Stamp). */
  stamp = -1;
  /** Bound by a table to one index: the column written. */
  dictStore: DictColumnStore | undefined = undefined;
  idStore: IdColumnStore | undefined = undefined;
  numStore: Float64Column | Int32Column | undefined = undefined;
  /** Recent values written through this key (dictionary columns), to skip hashing repeats. */
  last: ValueCache | undefined = undefined;
  /** The key's bytes followed by its closing quote (for recognising the same key cheaply). */
  keyBytes: Uint8Array = EMPTY;

  /** `field` is the canonical field (undefined for Extra); `name` the key as written. */
  constructor(public act: Act, public readonly field: FieldId | undefined, public readonly name: string) {}

  /** A copy with the same resolution. */
  clone(): FieldAction {
    const c = new FieldAction(this.act, this.field, this.name);
    c.slot = this.slot;
    c.dict = this.dict;
    c.id = this.id;
    c.num = this.num;
    c.stamp = this.stamp;
    return c;
  }
}

const EMPTY = new Uint8Array(0);

const NUM_FIELDS = new Set<string>(['requestSize', 'responseSize', 'serviceLatency', 'totalLatency']);
const dictSet = new Set<string>(DICT_COLUMNS);
const idSet = new Set<string>(ID_COLUMNS);
const MAX_LEARNED = 4096;

let slotCount = 0;
const slots = new Map<FieldId, number>();

function slotOf(field: FieldId): number {
  let s = slots.get(field);
  if (s === undefined) {
    s = slotCount++;
    slots.set(field, s);
  }
  return s;
}

/** The action for a key given as a string. */
export function actionFor(name: string): FieldAction {
  const field = canonicalFieldId(name);
  if (field === undefined) return new FieldAction(isTagField(name) ? Act.Skip : Act.Extra, undefined, name);
  const a = new FieldAction(Act.Skip, field, name);
  const stamp = (TIMING_FIELDS as readonly string[]).indexOf(field);
  if (field === 'statusCode') {
    a.act = Act.Status;
    a.dict = 'statusCode';
    a.num = 'status';
  } else if (dictSet.has(field)) {
    a.act = Act.Dict;
    a.dict = field as DictColumn;
  } else if (idSet.has(field)) {
    a.act = Act.Id;
    a.id = field as IdColumn;
  } else if (NUM_FIELDS.has(field) || stamp >= 0) {
    a.act = stamp >= 0 ? Act.Stamp : Act.Num;
    a.num = field as NumericColumn;
    a.stamp = stamp;
  } else if (field === 'requestHandleTime' || field === '__time__') {
    a.act = field === '__time__' ? Act.Epoch : Act.Time;
  }
  if (a.act !== Act.Skip) a.slot = slotOf(field);
  return a;
}

for (const f of [...DICT_COLUMNS, ...ID_COLUMNS, ...NUM_FIELDS, ...TIMING_FIELDS, 'requestHandleTime', '__time__']) actionFor(f);

/** Number of distinct indexed fields (the range of `FieldAction.slot`). */
export const SLOT_COUNT = slotCount;

/** Key bytes → action bound to one index's columns, learned per scanner. */
export class FieldActionTable {
  private readonly table = new ByteInterner();
  private readonly actions: FieldAction[] = [];

  constructor(private readonly index: LogIndex) {}

  /** The action for key bytes `bytes[start, end)` (hash `hash`, no escapes, closing quote at `end`). */
  lookup(bytes: Buffer, start: number, end: number, hash: number): FieldAction {
    const known = this.table.find(bytes, start, end, hash);
    if (known >= 0) return this.actions[known];
    const action = this.bind(actionFor(bytes.toString('utf8', start, end)), bytes.subarray(start, end + 1));
    if (this.actions.length < MAX_LEARNED) {
      this.table.add(bytes, start, end, hash, this.actions.length);
      this.actions.push(action);
    }
    return action;
  }

  private bind(action: FieldAction, keyBytes: Uint8Array): FieldAction {
    const bound = action.clone();
    bound.keyBytes = Uint8Array.from(keyBytes);
    if (action.dict) {
      bound.dictStore = this.index.dicts.get(action.dict);
      bound.last = new ValueCache();
    }
    if (action.id) bound.idStore = this.index.ids.get(action.id);
    if (action.num && action.act !== Act.Stamp) bound.numStore = this.index.numeric.get(action.num);
    if (action.act === Act.Time) bound.numStore = this.index.numeric.get('time');
    return bound;
  }
}
