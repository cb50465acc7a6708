/** The formats layer: detect a stream's shape, read its records in chunks, read one record back. */
export { detectFormat, isGzipMagic } from './detect';
export { looksLikeAccessLog } from './accessLog';
export { createRecordReader, readRecordAt } from './reader';
export { createGunzipStream, gunzipChunks } from './gzip';
export type { DetectedFormat, FormatKind, LineEnding, LogRecord, ReaderStats, RecordProblem, RecordReader, RecordReaderOptions } from './types';
