import { strict as assert } from 'node:assert';
import { hoverMarkdown, type HoverContext } from '../../../src/language/hoverCompose';
import { anyFileRequestCard, summaryFromFields } from '../../../src/language/hoverRequest';
import { LogText } from '../../../src/language/logText';
import { buildRankIndex, rankOf } from '../../../src/language/ranking';
import { CSV, HOSTILE, JSON_LINES, QUERY_RESPONSE } from './fixtures';
import { linkTargets, unsafeProse } from './markdownProbe';

const NOW = Date.parse('2024-11-14T08:00:19Z');

function hover(source: string, needle: string, delta = 1, lang: 'en' | 'zh' = 'en'): string {
  const text = new LogText(source);
  const hit = text.hitAt(text.text.indexOf(needle) + delta);
  assert.ok(hit, `no field at ${needle}`);
  const ranks = buildRankIndex(text);
  const ctx: HoverContext = {
    lang, now: NOW, timeZone: 'Asia/Shanghai', source: 'test.log', recordLine: 0,
    rank: () => rankOf(ranks, hit.record),
    findInDocument: (id) => {
      const r = text.findRequest(id);
      return r && summaryFromFields(r.fields, 'test.log', text.text.slice(0, r.start).split('\n').length - 1);
    },
  };
  return hoverMarkdown(hit, ctx);
}

describe('hover cards', () => {
  it('describes a field name with its kind and both names, in English and Chinese', () => {
    const en = hover(JSON_LINES, '"statusCode"');
    assert.match(en, /\*\*statusCode\*\*/);
    assert.match(en, /Log Service: `statusCode` · QueryRequestLogs: `StatusCode`/);
    assert.match(en, /Kind: \*HTTP status\*/);
    const zh = hover(QUERY_RESPONSE, '"TotalLatency"', 1, 'zh');
    assert.match(zh, /类型: \*毫秒\*/);
    assert.match(zh, /日志服务: `totalLatency` · QueryRequestLogs: `TotalLatency`/);
  });

  it('explains a status and, on failures, the gateway error code beside it', () => {
    const md = hover(JSON_LINES, '"404"');
    assert.match(md, /`404` \*\*Not Found\*\*/);
    assert.match(md, /Client error/);
    assert.match(md, /I404NF/);
  });

  it('explains a gateway error code', () => {
    assert.match(hover(QUERY_RESPONSE, '"X503BZ"'), /Gateway error X503BZ/);
  });

  it('shows a time as UTC, local and relative', () => {
    const md = hover(JSON_LINES, '2024-11-13T08:00:19Z');
    assert.match(md, /UTC: `2024-11-13T08:00:19Z`/);
    assert.match(md, /Local: `2024-11-13 16:00:19 UTC\+08:00`/);
    assert.match(md, /Relative: 1 day ago/);
  });

  it('shows sizes and pretty-prints JSON fields', () => {
    assert.match(hover(JSON_LINES, '"8378"'), /→ \*\*8\\\.4 KB\*\*/);
    assert.match(hover(JSON_LINES, '[{'), /```json\n\[\n {2}\{\n {4}"pluginType": "cors"/);
  });

  it('shows the waterfall, overhead and rank on a latency and on a timing stamp', () => {
    for (const needle of ['"12"', '"1731484819628"']) {
      const md = hover(JSON_LINES, needle);
      assert.match(md, /```text\nreceive request +█/);
      assert.match(md, /Gateway overhead \*\*2 ms\*\*/);
      assert.match(md, /Latency rank: \*\*1st slowest\*\* of 2 requests to `GetConfig`/);
    }
    assert.match(hover(CSV, ',9000,'), /Latency rank: \*\*1st slowest\*\* of 2 requests to `UpdatePrice`/);
  });

  it('summarises a request on its ID with links to reveal and fetch it', () => {
    const md = hover(QUERY_RESPONSE, '97902F2D');
    assert.match(md, /\*\*CancelOrder\*\* `POST \/orders\/1\/cancel`/);
    const targets = linkTargets(md);
    assert.deepEqual(targets.map((t) => t.slice(0, t.indexOf('?'))), ['command:apigwLogs.revealRequest', 'command:apigwLogs.revealInExplorer', 'command:apigwLogs.fetchRequestLog']);
    assert.ok(targets.every((t) => t.endsWith(encodeURIComponent('["97902F2D-9AA4-49A9-AF4E-86F7B92B14EC"]'))));
  });

  it('links an initialRequestId to its request when the file holds it', () => {
    const md = hover(JSON_LINES, '"5ADE6DA6-7C02-4918-84C5-0B91BE8EA46B","serviceLatency"');
    assert.match(md, /in this file\\, line 1/);
    assert.ok(linkTargets(md).some((t) => t.startsWith('command:apigwLogs.goToRequest?')));
  });

  it('renders every field of a hostile record as text: no HTML, images, autolinks or foreign links', () => {
    const text = new LogText(HOSTILE);
    const offsets = new Set<number>();
    for (const m of HOSTILE.matchAll(/"(?:[^"\\]|\\.)*"/g)) offsets.add(m.index + 1);
    assert.ok(offsets.size > 20);
    for (const offset of offsets) {
      const hit = text.hitAt(offset);
      if (!hit) continue;
      const md = hoverMarkdown(hit, { lang: 'en', source: 'hostile.log', now: NOW });
      assert.deepEqual(unsafeProse(md), [], md);
      assert.ok(linkTargets(md).every((t) => t.startsWith('command:apigwLogs.')), md);
    }
  });

  it('escapes what other logs say about a request hovered in any file', () => {
    const summary = summaryFromFields(JSON.parse(HOSTILE) as Record<string, unknown>, '<b>evil</b>.log', 3);
    const md = anyFileRequestCard('7dc01539-1aec-46e5-bd74-b003a17bfa2b', [summary], 'en');
    assert.match(md, /`7DC01539-1AEC-46E5-BD74-B003A17BFA2B`/);
    assert.match(md, /`<b>evil<\/b>\.log:4`/);
    assert.deepEqual(unsafeProse(md), []);
    assert.match(anyFileRequestCard('7DC01539-1AEC-46E5-BD74-B003A17BFA2B', [], 'en'), /Not found in open logs/);
    assert.equal(anyFileRequestCard('not-an-id', [], 'en'), '');
  });
});
