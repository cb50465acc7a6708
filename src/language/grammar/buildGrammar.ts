/**
 * Builds the TextMate grammar for access logs (JSON lines, JSON arrays, pretty JSON, CSV).
 * Generated rather than hand-written so its field-name lists follow the field catalog; the committed
 * syntaxes/apigw-access-log.tmLanguage.json is checked against this by a unit test.
 * Every pattern is linear: no nested unbounded quantifiers, possessive loops inside strings.
 */
import { ENVELOPE_KEYS, logNamesOfKind, type ValueKind } from './fieldNames';
import { SCOPES } from './scopes';

type Rule = Record<string, unknown>;

const UUID = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const ISO_TIME = '\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?';
const IPV4 = '\\d{1,3}(?:\\.\\d{1,3}){3}';
const IPV6 = '[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\\.\\d{1,3}){0,3}';
const NUMBER = '-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?';
const STRING_END = '(")|(?=$)';
const KEY_TEXT = '[^"\\\\]*+(?:\\\\.[^"\\\\]*+)*+';

const quoted = (inner: string, scope: string, name = SCOPES.string): Rule => ({
  match: `(")(${inner})(")`, name,
  captures: { 1: { name: SCOPES.stringBegin }, 2: { name: scope }, 3: { name: SCOPES.stringEnd } },
});
const bare = (inner: string, scope: string): Rule => ({ match: `(?<![\\w.-])${inner}(?![\\w.])`, name: scope });
const quotedOrBare = (inner: string, scope: string): Rule[] => [quoted(inner, scope), bare(inner, scope)];
const stringWith = (patterns: Rule[]): Rule => ({
  begin: '"', end: STRING_END, name: SCOPES.string,
  beginCaptures: { 0: { name: SCOPES.stringBegin } }, endCaptures: { 1: { name: SCOPES.stringEnd } },
  patterns: [...patterns, { include: '#string-escape' }],
});
const alternation = (names: readonly string[]): string => `(?i:${names.join('|')})`;

/** Value patterns tried first inside a member whose key has this kind. */
function kindValuePatterns(kind: ValueKind): Rule[] {
  switch (kind) {
    case 'status': return [
      ...quotedOrBare('1\\d\\d', SCOPES.status1xx), ...quotedOrBare('2\\d\\d', SCOPES.status2xx),
      ...quotedOrBare('3\\d\\d', SCOPES.status3xx), ...quotedOrBare('4\\d\\d', SCOPES.status4xx),
      ...quotedOrBare('5\\d\\d', SCOPES.status5xx),
    ];
    case 'errorCode': return [
      quoted('[A-Z]4\\d\\d[A-Z]{2}', SCOPES.errorCode4xx), quoted('[A-Z]5\\d\\d[A-Z]{2}', SCOPES.errorCode5xx),
      quoted('[A-Z]\\d{3}[A-Z]{2}', SCOPES.errorCodeOther), quoted('(?i:OK)', SCOPES.errorCodeOk),
    ];
    case 'requestId': return [quoted(UUID, SCOPES.requestId)];
    case 'ip': return [stringWith([
      { match: `(?<![\\w.:])${IPV4}(?![\\w.])`, name: SCOPES.ip },
      { match: `(?<![\\w.:])${IPV6}(?![\\w.:])`, name: SCOPES.ip },
    ])];
    case 'isoTime': case 'epoch': return [
      stringWith([{ match: ISO_TIME, name: SCOPES.timeIso }, { match: '(?<![\\w.])\\d{9,19}(?:\\.\\d+)?(?![\\w.])', name: SCOPES.timeEpoch }]),
      bare('\\d{9,19}(?:\\.\\d+)?', SCOPES.timeEpoch),
    ];
    case 'latency': return quotedOrBare(NUMBER, SCOPES.latency);
    case 'size': return quotedOrBare(NUMBER, SCOPES.size);
    case 'other': return [];
  }
}

const KINDS: readonly ValueKind[] = ['status', 'errorCode', 'requestId', 'ip', 'isoTime', 'epoch', 'latency', 'size', 'other'];

/** Extra key names per kind beyond the catalog's fields (Log Service tags and the API envelope). */
function keyNamesOfKind(kind: ValueKind): string[] {
  const names = logNamesOfKind(kind);
  if (kind === 'epoch') names.unshift('__tag__:__receive_time__');
  if (kind === 'other') names.push(...ENVELOPE_KEYS, '__tag__:[^"\\\\]*+');
  return names;
}

/** A member `"key": value` whose key is a known field of a kind. */
function knownMember(kind: ValueKind): Rule {
  return {
    begin: `((")(${alternation(keyNamesOfKind(kind))})("))\\s*(:)`,
    beginCaptures: {
      1: { name: SCOPES.knownKey }, 2: { name: SCOPES.keyBegin }, 4: { name: SCOPES.keyEnd }, 5: { name: SCOPES.keyValueSeparator },
    },
    end: '(,)|(?=\\})', endCaptures: { 1: { name: SCOPES.pairSeparator } },
    name: `meta.member.${kind}.apigw`,
    patterns: [...kindValuePatterns(kind), { include: '#value' }],
  };
}

const unknownMember: Rule = {
  begin: `((")(${KEY_TEXT})("))\\s*(:)`,
  beginCaptures: {
    1: { name: SCOPES.unknownKey }, 2: { name: SCOPES.keyBegin }, 4: { name: SCOPES.keyEnd }, 5: { name: SCOPES.keyValueSeparator },
  },
  end: '(,)|(?=\\})', endCaptures: { 1: { name: SCOPES.pairSeparator } },
  name: 'meta.member.unknown.apigw',
  patterns: [{ include: '#value' }],
};

const csvHeaderCell = (names: string, scope: string): Rule[] => [
  { match: `(?<=^|[,\\t|])(")(${names})(")(?=$|[,\\t|])`, captures: { 1: { name: SCOPES.keyBegin }, 2: { name: scope }, 3: { name: SCOPES.keyEnd } } },
  { match: `(?<=^|[,\\t|])${names}(?=$|[,\\t|])`, name: scope },
];

function csvHeader(): Rule {
  const known = alternation([...KINDS.flatMap(keyNamesOfKind).filter((n) => !n.includes('[')), '__tag__:[^,\\t|"]*+']);
  return {
    begin: '\\A(?=\\x{FEFF}?[^\\s{\\[])', end: '$', name: 'meta.header.csv.apigw',
    patterns: [
      ...csvHeaderCell(known, SCOPES.knownKey),
      ...csvHeaderCell('[^,\\t|"]++', SCOPES.unknownKey),
      { match: '[,\\t|]', name: SCOPES.csvSeparator },
    ],
  };
}

/** Value shapes recognisable without a key: CSV cells and top-level text. */
function shapePatterns(): Rule[] {
  return [
    { match: `(?<![\\w-])${UUID}(?![\\w-])`, name: SCOPES.requestId },
    { match: ISO_TIME, name: SCOPES.timeIso },
    { match: '(?<!\\w)[A-Z]4\\d\\d[A-Z]{2}(?!\\w)', name: SCOPES.errorCode4xx },
    { match: '(?<!\\w)[A-Z]5\\d\\d[A-Z]{2}(?!\\w)', name: SCOPES.errorCode5xx },
    { match: `(?<![\\w.:])${IPV4}(?![\\w.])`, name: SCOPES.ip },
    { match: `(?<=^|[,\\t|])${NUMBER}(?=$|[,\\t|\\r])`, name: SCOPES.number },
  ];
}

function repository(): Record<string, Rule> {
  return {
    value: { patterns: [{ include: '#object' }, { include: '#array' }, { include: '#string' }, { include: '#number' }, { include: '#constant' }] },
    object: { begin: '\\{', end: '\\}', name: SCOPES.dictionary, beginCaptures: { 0: { name: SCOPES.dictBegin } }, endCaptures: { 0: { name: SCOPES.dictEnd } }, patterns: [{ include: '#members' }] },
    'top-object': { begin: '^\\x{FEFF}?\\s*(\\{)', end: '\\}', name: SCOPES.dictionary, beginCaptures: { 1: { name: SCOPES.dictBegin } }, endCaptures: { 0: { name: SCOPES.dictEnd } }, patterns: [{ include: '#members' }] },
    members: { patterns: [...KINDS.map(knownMember), unknownMember, { include: '#lone-key' }, { match: ',', name: SCOPES.pairSeparator }] },
    'lone-key': { begin: '"', end: STRING_END, name: SCOPES.unknownKey, patterns: [{ include: '#string-escape' }] },
    array: { begin: '\\[', end: '\\]', name: SCOPES.array, beginCaptures: { 0: { name: SCOPES.arrayBegin } }, endCaptures: { 0: { name: SCOPES.arrayEnd } }, patterns: [{ include: '#value' }, { match: ',', name: SCOPES.arraySeparator }] },
    'top-array': { begin: '^\\x{FEFF}?\\s*(\\[)', end: '\\]', name: SCOPES.array, beginCaptures: { 1: { name: SCOPES.arrayBegin } }, endCaptures: { 0: { name: SCOPES.arrayEnd } }, patterns: [{ include: '#value' }, { match: ',', name: SCOPES.arraySeparator }] },
    string: stringWith([]),
    'string-escape': { patterns: [
      { match: '\\\\(?:["\\\\/bfnrt]|u[0-9A-Fa-f]{4})', name: SCOPES.escape },
      { match: '\\\\.', name: SCOPES.invalidEscape },
    ] },
    number: { match: `(?<![\\w.])${NUMBER}(?![\\w.])`, name: SCOPES.number },
    constant: { match: '\\b(?:true|false|null)\\b', name: SCOPES.constant },
    'csv-header': csvHeader(),
    'csv-quoted': {
      begin: '"', end: '(")(?!")', name: SCOPES.csvQuoted,
      beginCaptures: { 0: { name: SCOPES.stringBegin } }, endCaptures: { 1: { name: SCOPES.stringEnd } },
      patterns: [{ match: '""', name: SCOPES.csvEscape }, ...shapePatterns().slice(0, 5)],
    },
    'csv-row': { patterns: [{ include: '#csv-quoted' }, ...shapePatterns(), { match: '[,\\t|]', name: SCOPES.csvSeparator }] },
  };
}

/** The grammar object written to syntaxes/apigw-access-log.tmLanguage.json. */
export function buildGrammar(): Rule {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'API Gateway Access Log',
    scopeName: 'source.apigw-access-log',
    comment: 'Generated by src/language/grammar/buildGrammar.ts (npx tsx src/language/grammar/writeGrammar.ts); do not edit by hand.',
    patterns: [{ include: '#csv-header' }, { include: '#top-object' }, { include: '#top-array' }, { include: '#csv-row' }],
    repository: repository(),
  };
}
