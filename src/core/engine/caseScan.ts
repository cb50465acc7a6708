/**
 * Finds an ASCII needle in bytes, ignoring ASCII case, 16 bytes at a time with WebAssembly SIMD (a
 * JavaScript loop where SIMD is unavailable). The SIMD pass only proposes positions whose first and
 * last needle bytes match with bit 0x20 ignored; each proposal is then checked byte by byte.
 *
 * Memory layout: one Int32 result slot at offset 0, then the data, then padding so that 16-byte loads
 * at a position plus the needle's length never leave the memory.
 */
import {
  ADD, BITMASK, BR, BR_IF, CTZ, END, EQ8, EQZ, GE_U, I32, MINUS_ONE, RETURN, SPLAT, V128, V128_LOAD, VOID, V_AND, V_OR,
  blockVoid, get, ifVoid, loopVoid, scanModule, set, wasmApi,
} from '../wasm/assembler';

/** Byte offset where data starts in the scan memory. */
const DATA_BASE = 16;
/** Longest needle searched (a longer one is cut: any part of a needed text is needed too). */
export const MAX_NEEDLE = 32;
const PADDING = MAX_NEEDLE + 32;
const PAGE = 65536;

/** A case-insensitive byte finder over its own buffer. */
export interface CaseScanner {
  /** The data area: callers read bytes into it, then search them. */
  readonly data: Buffer;
  /** The first position in [from, end) of data where `needle` starts (ASCII case ignored), or -1. */
  find(needle: Needle, from: number, end: number): number;
}

/** A needle prepared for searching. */
export interface Needle {
  /** Its bytes with letters lower-cased. */
  readonly lower: Uint8Array;
  /** 0x20 for letters (case is ignored there), 0 elsewhere. */
  readonly fold: Uint8Array;
}

/** Prepares an ASCII needle (cut to MAX_NEEDLE characters); undefined when empty or not ASCII. */
export function prepareNeedle(text: string): Needle | undefined {
  const cut = text.slice(0, MAX_NEEDLE);
  if (cut === '' || !/^[\x00-\x7f]*$/.test(cut)) return undefined;
  const lower = new Uint8Array(cut.length);
  const fold = new Uint8Array(cut.length);
  for (let i = 0; i < cut.length; i++) {
    const c = cut.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    lower[i] = letter ? c | 0x20 : c;
    fold[i] = letter ? 0x20 : 0;
  }
  return { lower, fold };
}

/** Does `needle` start at `pos` of `bytes` (ASCII case ignored)? */
export function needleAt(bytes: Uint8Array, pos: number, needle: Needle): boolean {
  const { lower, fold } = needle;
  for (let j = 0; j < lower.length; j++) if ((bytes[pos + j] | fold[j]) !== lower[j]) return false;
  return true;
}

/** A scanner with `capacity` data bytes, using SIMD when `preferWasm` and supported. */
export function createCaseScanner(capacity: number, preferWasm = true): CaseScanner {
  return (preferWasm ? wasmScanner(capacity) : undefined) ?? jsScanner(capacity);
}

function jsScanner(capacity: number): CaseScanner {
  const data = Buffer.alloc(capacity + PADDING);
  return {
    data: data.subarray(0, capacity),
    find(needle, from, end) {
      const first = needle.lower[0];
      const fold = needle.fold[0];
      for (let p = from; p < end; p++) if ((data[p] | fold) === first && needleAt(data, p, needle)) return p;
      return -1;
    },
  };
}

let compiled: object | undefined;

type CandidateFn = (pos: number, end: number, first: number, last: number, gap: number) => number;

function wasmScanner(capacity: number): CaseScanner | undefined {
  if (wasmApi === undefined) return undefined;
  try {
    const memory = new wasmApi.Memory({ initial: Math.ceil((DATA_BASE + capacity + PADDING) / PAGE) });
    compiled ??= new wasmApi.Module(candidateModule());
    const candidate = new wasmApi.Instance(compiled, { env: { mem: memory } }).exports.scan as CandidateFn;
    const all = Buffer.from(memory.buffer);
    return {
      data: all.subarray(DATA_BASE, DATA_BASE + capacity),
      find(needle, from, end) {
        const { lower } = needle;
        const gap = lower.length - 1;
        let pos = from + DATA_BASE;
        const stop = end + DATA_BASE;
        while (pos < stop) {
          const hit = candidate(pos, stop, lower[0] | 0x20, lower[gap] | 0x20, gap);
          if (hit < 0) return -1;
          if (needleAt(all, hit, needle)) return hit - DATA_BASE;
          pos = hit + 1;
        }
        return -1;
      },
    };
  } catch {
    return undefined;
  }
}

// ---- the WebAssembly module, assembled by hand (see ../wasm/assembler) ----

const THIRTY_TWO = [0x41, 0x20], SIXTEEN = [0x41, 0x10];

// params: 0 pos, 1 end, 2 first, 3 last, 4 gap; locals: 5 mask, 6 hit (i32); 7 F, 8 L, 9 case bit (v128)
/** Folded block at `pos + offsetLocal` compared with the splat in `splatLocal`. */
const foldedEq = (offset: number[], splatLocal: number): number[] => [
  ...get(0), ...offset, ...V128_LOAD, ...get(9), ...V_OR, ...get(splatLocal), ...EQ8,
];

/** Returns the first candidate position in [pos, end), or -1. */
function candidateBody(): number[] {
  return [
    ...get(2), ...SPLAT, ...set(7),
    ...get(3), ...SPLAT, ...set(8),
    ...THIRTY_TWO, ...SPLAT, ...set(9),
    loopVoid, VOID,
    ...get(0), ...get(1), GE_U, ifVoid, VOID, ...MINUS_ONE, RETURN, END,
    ...foldedEq([], 7), ...foldedEq([...get(4), ADD], 8), ...V_AND, ...BITMASK, ...set(5),
    blockVoid, VOID,
    ...get(5), EQZ, BR_IF, 0,
    ...get(0), ...get(5), CTZ, ADD, ...set(6),
    ...get(6), ...get(1), GE_U, ifVoid, VOID, ...MINUS_ONE, RETURN, END,
    ...get(6), RETURN,
    END,
    ...get(0), ...SIXTEEN, ADD, ...set(0),
    BR, 0,
    END,
    ...MINUS_ONE,
    END,
  ];
}

function candidateModule(): Uint8Array {
  return scanModule(5, [2, 2, I32, 3, V128], candidateBody());
}
