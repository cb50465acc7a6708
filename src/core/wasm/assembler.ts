/**
 * A tiny WebAssembly assembler for the hand-written SIMD scanners (quote scan, case-insensitive search):
 * encodings, the opcodes they use, and the one module shape they share. No toolchain needed.
 */

/** The slice of the WebAssembly API the scanners use (the project's lib settings do not declare it). */
export interface WasmApi {
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/** The runtime's WebAssembly, or undefined where there is none. */
export const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Unsigned LEB128 encoding of `n`. */
export function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** A module section: id, size, body. */
export const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];
/** A length-prefixed ASCII name. */
export const name = (s: string): number[] => [...leb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

/** Value types. */
export const I32 = 0x7f, V128 = 0x7b;
/** local.get / local.set / local.tee of local `i`. */
export const get = (i: number): number[] => [0x20, i];
/** local.set of local `i`. */
export const set = (i: number): number[] => [0x21, i];
/** local.tee of local `i`. */
export const tee = (i: number): number[] => [0x22, i];
/** i32.const `n`, for 0 <= n < 8192. */
export const i32c = (n: number): number[] => (n < 64 ? [0x41, n] : [0x41, (n & 0x7f) | 0x80, n >> 7]);
/** Control opcodes. */
export const ifVoid = 0x04, blockVoid = 0x02, loopVoid = 0x03, VOID = 0x40, ELSE = 0x05, END = 0x0b;
/** Branch opcodes. */
export const BR = 0x0c, BR_IF = 0x0d, RETURN = 0x0f;
/** i32 arithmetic and comparison opcodes. */
export const ADD = 0x6a, SUB = 0x6b, AND = 0x71, OR = 0x72, XOR = 0x73, SHL = 0x74, SHR_U = 0x76, CTZ = 0x68, EQZ = 0x45, EQ = 0x46, GE_U = 0x4f;
/** i32.const -1. */
export const MINUS_ONE = [0x41, 0x7f];
/** v128.load with no offset. */
export const V128_LOAD = [0xfd, 0x00, 0x00, 0x00];
/** SIMD opcodes: i8x16.splat, i8x16.eq, v128.and, v128.or, i8x16.bitmask. */
export const SPLAT = [0xfd, 0x0f], EQ8 = [0xfd, 0x23], V_AND = [0xfd, 0x4e], V_OR = [0xfd, 0x50], BITMASK = [0xfd, 0x64];

/**
 * A module importing memory `env.mem` and exporting one function `scan(i32 × params) → i32` whose
 * local declarations and body are given.
 */
export function scanModule(params: number, locals: number[], body: number[]): Uint8Array {
  const fn = [...locals, ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, params, ...new Array<number>(params).fill(I32), 1, I32]),
    ...section(2, [1, ...name('env'), ...name('mem'), 0x02, 0x00, 0x01]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('scan'), 0x00, 0]),
    ...section(10, [1, ...leb(fn.length), ...fn]),
  ]);
}
