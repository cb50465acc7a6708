/**
 * Seeded generator of Alibaba Cloud API Gateway access logs (see scripts/generator/README.md).
 *   npx tsx scripts/generate.ts --records N --format jsonl|dump|array|query|csv|tsv|pipe --out PATH
 *       [--seed S] [--gzip] [--crlf] [--bom] [--lean] [--pretty] [--start ISO] [--rps N]
 *   npx tsx scripts/generate.ts --samples [DIR]     (re-writes the committed samples/, default DIR samples)
 */
import { DEFAULTS, FORMATS, generateFile, type Format, type GenerateOptions } from './generator/file';
import { writeSamples } from './generator/samples';

function parseArgs(argv: readonly string[]): { samples?: string; options: GenerateOptions } {
  const o: { -readonly [K in keyof GenerateOptions]: GenerateOptions[K] } = { ...DEFAULTS };
  let samples: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--records': o.records = positiveInt(value(), arg); break;
      case '--format': o.format = parseFormat(value()); break;
      case '--out': o.out = value(); break;
      case '--seed': o.seed = Number.parseInt(value(), 10) >>> 0; break;
      case '--gzip': o.gzip = true; break;
      case '--crlf': o.crlf = true; break;
      case '--bom': o.bom = true; break;
      case '--lean': o.bodies = false; break;
      case '--pretty': o.pretty = true; break;
      case '--start': o.startMs = Date.parse(value()); break;
      case '--rps': o.rps = positiveInt(value(), arg); break;
      case '--samples': samples = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? value() : 'samples'; break;
      default: throw new Error(`unknown argument ${arg}`);
    }
  }
  if (Number.isNaN(o.startMs)) throw new Error('--start needs an ISO-8601 time');
  return { samples, options: o };
}

function positiveInt(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} needs a non-negative integer, got ${text}`);
  return n;
}

function parseFormat(text: string): Format {
  if (!(FORMATS as readonly string[]).includes(text)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);
  return text as Format;
}

async function main(): Promise<void> {
  const { samples, options } = parseArgs(process.argv.slice(2));
  if (samples !== undefined) {
    await writeSamples(samples);
    return;
  }
  const started = performance.now();
  const chars = await generateFile(options);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`wrote ${options.records} records (${(chars / 1e6).toFixed(1)} M chars) to ${options.out} in ${seconds.toFixed(1)} s\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
