/** The shape of an access-log document as the hover code reads it: JSON lines, other JSON, or CSV. */
import { detectFormat } from '../core/formats/detect';
import { detectDelimiter } from './csvLocate';

/** JSON lines (a record per line), JSON (arrays, pretty objects, QueryRequestLogs responses), or CSV. */
export type DocShape =
  | { readonly kind: 'jsonLines' }
  | { readonly kind: 'json' }
  | { readonly kind: 'csv'; readonly delimiter: string };

const HEAD_CHARS = 64 * 1024;

/** The shape of a document's text, from the core's format detection on its first 64 KB. */
export function shapeOfText(text: string): DocShape {
  const head = text.slice(0, HEAD_CHARS);
  const format = detectFormat(Buffer.from(head, 'utf8'));
  switch (format.kind) {
    case 'jsonl': return { kind: 'jsonLines' };
    case 'jsonArray': case 'queryResponse': return { kind: 'json' };
    case 'csv': return { kind: 'csv', delimiter: format.delimiter ?? ',' };
    case 'unknown': return fallbackShape(head);
  }
}

/** For heads the core does not recognise (e.g. a single torn line): JSON when it starts like JSON, else CSV. */
function fallbackShape(head: string): DocShape {
  const trimmed = head.replace(/^[\s\uFEFF]+/, '');
  if (trimmed.startsWith('{')) return { kind: 'jsonLines' };
  if (trimmed.startsWith('[')) return { kind: 'json' };
  const nl = trimmed.indexOf('\n');
  return { kind: 'csv', delimiter: detectDelimiter(nl < 0 ? trimmed : trimmed.slice(0, nl)) };
}
