/** Writes N generated records to a file in one of the supported shapes. */
import type { GenRecord } from './fields';
import { BufferedOutput } from './output';
import { Rng } from './random';
import { newState, nextRecord } from './record';
import { buildWorld } from './world';
import { delimitedHeader, delimitedRow, queryResponse, slsJson, slsObject, type WriteOptions } from './writers';

/** The shapes the generator writes. */
export const FORMATS = ['jsonl', 'dump', 'array', 'query', 'csv', 'tsv', 'pipe'] as const;

/** One output shape. */
export type Format = (typeof FORMATS)[number];

/** Everything that determines a generated file. */
export interface GenerateOptions {
  readonly records: number;
  readonly format: Format;
  readonly out: string;
  readonly seed: number;
  readonly gzip: boolean;
  readonly crlf: boolean;
  readonly bom: boolean;
  /** Headers and bodies included (a dedicated instance with body logging on). */
  readonly bodies: boolean;
  /** Pretty-print JSON arrays and QueryRequestLogs responses. */
  readonly pretty: boolean;
  /** Epoch ms of the first request. */
  readonly startMs: number;
  /** Mean requests per second. */
  readonly rps: number;
}

/** Sensible defaults: 1000 JSON lines with bodies, seed 1, starting 2024-11-13T08:00:00Z at 20 requests/s. */
export const DEFAULTS: GenerateOptions = {
  records: 1000, format: 'jsonl', out: 'access.apigw.log', seed: 1, gzip: false, crlf: false, bom: false,
  bodies: true, pretty: false, startMs: Date.UTC(2024, 10, 13, 8, 0, 0), rps: 20,
};

/** A deterministic stream of records for the options' seed. */
export function* recordStream(opts: Pick<GenerateOptions, 'records' | 'seed' | 'bodies' | 'startMs' | 'rps'>): Generator<GenRecord> {
  const rng = new Rng(opts.seed);
  const world = buildWorld(rng);
  const state = newState(opts.startMs, 1000 / opts.rps);
  for (let i = 0; i < opts.records; i++) yield nextRecord(rng, world, state, { bodies: opts.bodies });
}

function writeOptions(opts: GenerateOptions): WriteOptions {
  const dump = opts.format === 'dump';
  return { bodies: opts.bodies, asciiOnly: dump, pythonStyle: dump };
}

const DELIMITERS: Partial<Record<Format, string>> = { csv: ',', tsv: '\t', pipe: '|' };

/** Writes the file; resolves with the number of bytes of text produced (before gzip). */
export async function generateFile(opts: GenerateOptions): Promise<number> {
  const out = new BufferedOutput(opts.out, opts.gzip);
  const eol = opts.crlf ? '\r\n' : '\n';
  const w = writeOptions(opts);
  let chars = 0;
  const emit = async (text: string): Promise<void> => {
    chars += text.length;
    await out.write(text);
  };
  if (opts.bom) await emit('\ufeff');
  const delimiter = DELIMITERS[opts.format];
  if (delimiter !== undefined) {
    await emit(delimitedHeader(w, delimiter) + eol);
    for (const rec of recordStream(opts)) await emit(delimitedRow(rec, w, delimiter) + eol);
  } else if (opts.format === 'array') {
    await writeArray(opts, w, eol, emit);
  } else if (opts.format === 'query') {
    await writeResponses(opts, w, eol, emit);
  } else {
    for (const rec of recordStream(opts)) await emit(slsJson(rec, w) + eol);
  }
  await out.close();
  return chars;
}

async function writeArray(opts: GenerateOptions, w: WriteOptions, eol: string, emit: (t: string) => Promise<void>): Promise<void> {
  await emit('[' + eol);
  let first = true;
  for (const rec of recordStream(opts)) {
    const text = opts.pretty ? indent(JSON.stringify(slsObject(rec, w), null, 2), '  ') : slsJson(rec, w);
    await emit((first ? '' : ',' + eol) + fixEol(text, eol));
    first = false;
  }
  await emit(eol + ']' + eol);
}

/** Several responses back to back, each holding 1–3 records, as saved by someone calling the API repeatedly. */
async function writeResponses(opts: GenerateOptions, w: WriteOptions, eol: string, emit: (t: string) => Promise<void>): Promise<void> {
  const rng = new Rng(opts.seed ^ 0x5bd1e995);
  let batch: GenRecord[] = [];
  let size = 1 + rng.int(3);
  const flush = async (): Promise<void> => {
    await emit(fixEol(queryResponse(rng.uuidUpper(), batch, w, opts.pretty), eol) + eol);
    batch = [];
    size = 1 + rng.int(3);
  };
  for (const rec of recordStream(opts)) {
    batch.push(rec);
    if (batch.length >= size) await flush();
  }
  if (batch.length > 0) await flush();
}

/** Structural newlines only: JSON text escapes newlines inside strings. */
function fixEol(text: string, eol: string): string {
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function indent(text: string, pad: string): string {
  return pad + text.replace(/\n/g, '\n' + pad);
}
