import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { buildCurl, shellQuote } from '../../../src/editor/curl';
import { buildDetail } from '../../../src/editor/detailBuilder';
import { csvCell, exportRows } from '../../../src/editor/exporter';
import { combineFilter, errorInUserText } from '../../../src/editor/filterQuery';
import { contentSecurityPolicy, escapeHtml, explorerHtml, makeNonce } from '../../../src/editor/webviewHtml';
import { FakeEngine } from './fakeEngine';

describe('explorer host helpers', () => {
  it('combines a time range with the query and maps errors back', () => {
    assert.deepEqual(combineFilter({ query: 'x' }), { query: 'x', shift: 0 });
    assert.equal(combineFilter({ query: ' ', range: { from: 1.5, to: 9.2 } }).query, '__time__ >= 1 and __time__ < 10');
    const c = combineFilter({ query: 'a:b', range: { from: 1, to: 2 } });
    assert.equal(c.query.slice(c.shift, c.shift + 3), 'a:b');
    assert.deepEqual(errorInUserText({ position: c.shift + 2, length: 10, message: 'm', expected: [] }, c, 'a:b'), { position: 2, length: 1, message: 'm', expected: [] });
  });

  it('quotes shell words and builds curl commands with the body warning', () => {
    assert.equal(shellQuote(`it's`), `'it'\\''s'`);
    const curl = buildCurl({ httpMethod: 'post', domain: 'a.com', path: '/x', requestQueryString: '?q=1', requestHeaders: 'Host: a.com\nX-Ca-Key: k\nContent-Length: 3', requestBody: `{"a":"'"}`, requestProtocol: 'HTTP' })!;
    assert.match(curl, /^# Logged bodies are cut at 1024 bytes/);
    assert.match(curl, /curl -X 'POST' 'http:\/\/a\.com\/x\?q=1'/);
    assert.match(curl, /-H 'X-Ca-Key: k'/);
    assert.doesNotMatch(curl, /Content-Length|Host:/);
    assert.match(curl, /--data-raw '\{"a":"'\\''"\}'/);
    assert.equal(buildCurl({ path: '/x' }), undefined);
  });

  it('writes a strict CSP with a fresh nonce and escapes the title', () => {
    const n1 = makeNonce();
    assert.notEqual(n1, makeNonce());
    assert.match(n1, /^[A-Za-z0-9]{16,}$/);
    const csp = contentSecurityPolicy('https://x', 'abc');
    assert.equal(csp, "default-src 'none'; script-src 'nonce-abc'; style-src https://x 'nonce-abc'; font-src https://x; img-src https://x data:");
    const html = explorerHtml({ cspSource: 'https://x', script: 'https://x/w.js', styles: ['https://x/a.css'], title: '<img onerror=1>.log' }, 'abc');
    assert.ok(!html.includes('<img onerror'));
    assert.match(html, /<script nonce="abc" src="https:\/\/x\/w.js">/);
    assert.equal(escapeHtml(`"'<>&`), '&#34;&#39;&#60;&#62;&#38;');
  });

  it('decodes a record for the detail panel in English or Chinese, bodies kept as text', () => {
    const fields = { statusCode: '504', errorCode: 'D504TO', totalLatency: '10002', serviceLatency: '10000', requestBody: '<script>x</script>', jwtClaims: '{"sub":"u1"}' };
    const en = buildDetail(fields, { row: 4, line: 5 });
    const zh = buildDetail(fields, { row: 4, line: 5 }, 'zh');
    const status = (d: typeof en): string | undefined => d.fields.find((f) => f.name === 'statusCode')?.decoded;
    assert.match(status(en) ?? '', /Gateway Timeout/);
    assert.match(status(zh) ?? '', /[\u4e00-\u9fff]/);
    assert.equal(en.fields.find((f) => f.name === 'requestBody')?.raw, '<script>x</script>');
    assert.equal(en.fields.find((f) => f.name === 'jwtClaims')?.pretty, '{\n  "sub": "u1"\n}');
    assert.deepEqual(en.waterfall?.phases.map((p) => [p.kind, p.ms]), [['gateway', 2], ['backend', 10000]]);
    assert.match(zh.waterfall?.warnings[0] ?? '', /时间戳/);
  });

  it('streams CSV and JSON lines exports page by page', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => ({ apiName: i % 2 ? 'A,"x"' : 'B', time: Date.UTC(2024, 0, 1) + i, totalLatency: i }));
    const engine = new FakeEngine(records);
    const csvOut = new PassThrough();
    const chunks: string[] = [];
    csvOut.on('data', (c: Buffer) => chunks.push(c.toString()));
    const progress: number[] = [];
    const n = await exportRows(engine, { query: '', format: 'csv', columns: ['time', 'apiName', 'totalLatency'], out: csvOut, onProgress: (w) => progress.push(w) });
    assert.equal(n, 2500);
    assert.deepEqual(progress, [1000, 2000, 2500]);
    const lines = chunks.join('').split('\r\n');
    assert.equal(lines[0], 'time,apiName,totalLatency');
    assert.equal(lines[2], '2024-01-01T00:00:00.001Z,"A,""x""",1');
    const jsonOut = new PassThrough();
    const json: string[] = [];
    jsonOut.on('data', (c: Buffer) => json.push(c.toString()));
    let cancelled = false;
    const m = await exportRows(engine, { query: '', format: 'jsonl', columns: [], out: jsonOut, batchRows: 1000, onProgress: () => { cancelled = true; }, isCancelled: () => cancelled });
    assert.equal(m, 1000);
    assert.deepEqual(JSON.parse(json.join('').split('\n')[1]), records[1]);
    assert.equal(csvCell(null), '');
  });
});
