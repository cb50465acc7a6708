/**
 * Finds the unescaped double quotes in a run of JSON-lines bytes, 16 bytes at a time with WebAssembly
 * SIMD (a JavaScript loop where SIMD is unavailable). The line parser uses it to find the closing
 * quote of a long string (bodies, headers) from inside it, skipping the string without reading it.
 *
 * A quote is escaped when a backslash precedes it; the scan steps over each backslash and the byte
 * after it, which is exact for valid JSON (backslashes only occur inside strings). Positions are
 * written as Int32 at the start of the scan memory; the bytes live after that area.
 */

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

/** The slice of the WebAssembly API used here (the project's lib settings do not declare it). */
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
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

// ---- the WebAssembly module, assembled by hand (no toolchain needed) ----

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
const name = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

const I32 = 0x7f, V128 = 0x7b;
const get = (i: number): number[] => [0x20, i];
const set = (i: number): number[] => [0x21, i];
const tee = (i: number): number[] => [0x22, i];
const i32c = (n: number): number[] => (n < 64 ? [0x41, n] : [0x41, (n & 0x7f) | 0x80, n >> 7]); // 0 <= n < 8192
const ifVoid = 0x04, blockVoid = 0x02, loopVoid = 0x03, VOID = 0x40, ELSE = 0x05, END = 0x0b;
const BR = 0x0c, BR_IF = 0x0d, RETURN = 0x0f;
const MINUS_ONE = [0x41, 0x7f], XOR = 0x73, EQ = 0x46;
const ADD = 0x6a, SUB = 0x6b, AND = 0x71, OR = 0x72, SHL = 0x74, SHR_U = 0x76, CTZ = 0x68, EQZ = 0x45, GE_U = 0x4f;
const STORE = [0x36, 0x02, 0x00];
const V128_LOAD = [0xfd, 0x00, 0x00, 0x00];
const byteMask = (c: number): number[] => [...get(3), ...i32c(c), 0xfd, 0x0f, 0xfd, 0x23, 0xfd, 0x64];

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
  const locals = [3, 1, V128, 2, I32, 4, I32];
  const fn = [...locals, ...scanBody()];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 3, I32, I32, I32, 1, I32]),
    ...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('scan'), 0x00, 0]),
    ...section(10, [1, ...leb(fn.length), ...fn]),
  ]);
}
