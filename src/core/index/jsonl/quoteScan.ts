/**
 * Finds the unescaped double quotes in a run of JSON-lines bytes, 16 bytes at a time with WebAssembly
 * SIMD (a JavaScript loop where SIMD is unavailable). The line parser uses it to find the closing
 * quote of a long string (bodies, headers) from inside it, skipping the string without reading it.
 *
 * A quote is escaped when a backslash precedes it; the scan steps over each backslash and the byte
 * after it, which is exact for valid JSON (backslashes only occur inside strings). Positions are
 * written as Int32 at the start of the scan memory; the bytes live after that area.
 */
import {
  ADD, AND, BITMASK, BR, BR_IF, CTZ, ELSE, END, EQ, EQ8, EQZ, GE_U, I32, MINUS_ONE, OR, RETURN, SHL, SHR_U, SPLAT, SUB,
  V128, V128_LOAD, VOID, XOR, blockVoid, get, i32c, ifVoid, loopVoid, scanModule, set, tee, wasmApi,
} from '../../wasm/assembler';

/** Capacity of the position area, in entries (the parser asks for one closing quote at a time). */
export const QUOTE_CAPACITY = 16;
/** Byte offset where data starts in the scan memory. */
export const DATA_BASE = QUOTE_CAPACITY * 4;
/** Bytes kept readable past the data so 16-byte loads never leave the memory. */
export const SCAN_PADDING = 64;

/** Scans `[pos, end)`, writing up to `cap` quote positions at memory offset 0; returns how many. */
export type QuoteScanFn = (pos: number, end: number, cap: number) => number;

/** Memory shared by the scanner and the parser: positions first, then data. */
export interface ScanMemory {
  /** The whole memory as a Buffer (re-read after `grow`). */
  bytes: Buffer;
  /** The whole memory as a DataView (re-read after `grow`). */
  view: DataView;
  /** The position area. */
  quotes: Int32Array;
  /** The scan function over this memory. */
  scan: QuoteScanFn;
  /** Ensures at least `dataBytes` of data capacity after DATA_BASE (views are replaced). */
  grow(dataBytes: number): void;
  /** Data capacity in bytes. */
  capacity(): number;
}

const PAGE = 65536;

/** The scanner module, compiled once per thread. */
let compiled: object | undefined;

/** Creates scan memory with `dataBytes` of data capacity, using SIMD when `preferWasm` and supported. */
export function createScanMemory(dataBytes: number, preferWasm = true): ScanMemory {
  const wasm = preferWasm ? instantiateSimdScanner(pagesFor(dataBytes)) : undefined;
  return wasm ?? createJsMemory(dataBytes);
}

/** Scan memories given back, reused by the next scanner of this thread (each is megabytes). */
const spare: { mem: ScanMemory; wasm: boolean }[] = [];

/** A scan memory from the spares, or a new one. */
export function acquireScanMemory(dataBytes: number, preferWasm = true): ScanMemory {
  const at = spare.findIndex((s) => s.wasm === preferWasm);
  if (at >= 0) return spare.splice(at, 1)[0].mem;
  return createScanMemory(dataBytes, preferWasm);
}

/** Gives a scan memory back for reuse (keeps at most two). */
export function releaseScanMemory(mem: ScanMemory, preferWasm = true): void {
  if (spare.length < 2) spare.push({ mem, wasm: preferWasm });
}

function pagesFor(dataBytes: number): number {
  return Math.ceil((DATA_BASE + dataBytes + SCAN_PADDING) / PAGE);
}

function instantiateSimdScanner(pages: number): ScanMemory | undefined {
  if (wasmApi === undefined) return undefined;
  try {
    const memory = new wasmApi.Memory({ initial: pages });
    compiled ??= new wasmApi.Module(simdScannerModule());
    const module = compiled;
    const instance = new wasmApi.Instance(module, { env: { mem: memory } });
    const scan = instance.exports.scan as QuoteScanFn;
    const mem: ScanMemory = {
      bytes: Buffer.from(memory.buffer),
      view: new DataView(memory.buffer),
      quotes: new Int32Array(memory.buffer, 0, QUOTE_CAPACITY),
      scan,
      grow(dataBytes: number): void {
        const need = pagesFor(dataBytes) - memory.buffer.byteLength / PAGE;
        if (need <= 0) return;
        memory.grow(need);
        mem.bytes = Buffer.from(memory.buffer);
        mem.view = new DataView(memory.buffer);
        mem.quotes = new Int32Array(memory.buffer, 0, QUOTE_CAPACITY);
      },
      capacity: () => memory.buffer.byteLength - DATA_BASE - SCAN_PADDING,
    };
    return mem;
  } catch {
    return undefined;
  }
}

function createJsMemory(dataBytes: number): ScanMemory {
  const bytes = Buffer.alloc(pagesFor(dataBytes) * PAGE);
  const mem: ScanMemory = {
    bytes,
    view: new DataView(bytes.buffer, bytes.byteOffset, bytes.length),
    quotes: new Int32Array(QUOTE_CAPACITY),
    scan: (pos, end, cap) => scanQuotesJs(mem.bytes, pos, end, mem.quotes, cap),
    grow(needed: number): void {
      if (needed <= mem.capacity()) return;
      const next = Buffer.alloc(pagesFor(needed) * PAGE);
      mem.bytes.copy(next);
      mem.bytes = next;
      mem.view = new DataView(next.buffer, next.byteOffset, next.length);
    },
    capacity: () => mem.bytes.length - DATA_BASE - SCAN_PADDING,
  };
  return mem;
}

/** The reference scan in JavaScript (also the fallback). */
export function scanQuotesJs(bytes: Uint8Array, pos: number, end: number, out: Int32Array, cap: number): number {
  let n = 0;
  while (pos < end) {
    const c = bytes[pos];
    if (c === 92) {
      pos += 2;
    } else if (c === 34) {
      out[n++] = pos++;
      if (n >= cap) return n;
    } else {
      pos++;
    }
  }
  return n;
}

// ---- the WebAssembly module, assembled by hand (see ../../wasm/assembler) ----

const STORE = [0x36, 0x02, 0x00];
const byteMask = (c: number): number[] => [...get(3), ...i32c(c), ...SPLAT, ...EQ8, ...BITMASK];

// params: 0 pos, 1 end, 2 cap; locals: 3 v128, 4 event mask, 5 backslash mask, 6 n, 7 bit, 8 position, 9 carry
const returnIfAtEnd = (p: number): number[] => [...get(p), ...get(1), GE_U, ifVoid, VOID, ...get(6), RETURN, END];
const emit = (p: number): number[] => [
  ...get(6), ...i32c(2), SHL, ...get(p), ...STORE,
  ...get(6), ...i32c(1), ADD, ...tee(6), ...get(2), GE_U, ifVoid, VOID, ...get(6), RETURN, END,
];

/**
 * Per 16-byte block. Common case, no two adjacent backslashes: each backslash escapes the next byte,
 * so the unescaped quotes are `quotes & ~(backslashes << 1)` and escaped quotes cost nothing.
 * Otherwise the block's quotes and backslashes are walked in order, a backslash clearing the next bit.
 * A backslash in the last byte escapes the next block's first byte, which is then skipped.
 */
function scanBody(): number[] {
  const emitAll = [
    blockVoid, VOID, loopVoid, VOID,
    ...get(4), EQZ, BR_IF, 1,
    ...get(0), ...get(4), CTZ, ADD, ...set(8),
    ...returnIfAtEnd(8),
    ...emit(8),
    ...get(4), ...get(4), ...i32c(1), SUB, AND, ...set(4),
    BR, 0,
    END, END,
  ];
  const walkEvents = [
    blockVoid, VOID, loopVoid, VOID,
    ...get(4), EQZ, BR_IF, 1,
    ...get(4), CTZ, ...set(7),
    ...get(0), ...get(7), ADD, ...set(8),
    ...returnIfAtEnd(8),
    ...get(5), ...get(7), SHR_U, ...i32c(1), AND,
    ifVoid, VOID,
    ...get(4), ...i32c(3), ...get(7), SHL, ...MINUS_ONE, XOR, AND, ...set(4),
    ...get(7), ...i32c(15), EQ, ...set(9),
    ELSE,
    ...emit(8),
    ...get(4), ...get(4), ...i32c(1), SUB, AND, ...set(4),
    END,
    BR, 0,
    END, END,
  ];
  return [
    loopVoid, VOID,
    ...returnIfAtEnd(0),
    ...get(0), ...V128_LOAD, ...set(3),
    ...byteMask(92), ...set(5),
    ...byteMask(34), ...set(4),
    ...get(5), ...get(5), ...i32c(1), SHL, AND, EQZ,
    ifVoid, VOID,
    ...get(4), ...get(5), ...i32c(1), SHL, ...MINUS_ONE, XOR, AND, ...set(4),
    ...emitAll,
    ...get(0), ...i32c(16), ADD, ...get(5), ...i32c(15), SHR_U, ADD, ...set(0),
    BR, 1,
    END,
    ...get(4), ...get(5), OR, ...set(4),
    ...walkEvents,
    ...get(0), ...i32c(16), ADD, ...get(9), ADD, ...set(0),
    ...i32c(0), ...set(9),
    BR, 0,
    END,
    ...get(6),
    END,
  ];
}

function simdScannerModule(): Uint8Array {
  return scanModule(3, [3, 1, V128, 2, I32, 4, I32], scanBody());
}
