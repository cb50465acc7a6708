import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeHttpStatus, statusClassOf } from '../../../src/core/decode/httpStatus';

describe('HTTP status', () => {
  it('gives text, class and success for codes as strings or numbers', () => {
    const ok = decodeHttpStatus('200');
    assert.deepEqual([ok.code, ok.statusClass, ok.text?.en, ok.success], [200, '2xx', 'OK', true]);
    const nf = decodeHttpStatus(404);
    assert.deepEqual([nf.code, nf.statusClass, nf.text?.en, nf.text?.zh, nf.success], [404, '4xx', 'Not Found', '未找到', false]);
    assert.equal(decodeHttpStatus('504').text?.en, 'Gateway Timeout');
    assert.equal(decodeHttpStatus('429').text?.en, 'Too Many Requests');
    assert.equal(decodeHttpStatus(' 302 ').success, true);
    assert.match(decodeHttpStatus('503').meaning.en, /Server error/);
  });

  it('knows the text of all common codes from 100 to 511', () => {
    const common = [100, 101, 200, 201, 202, 204, 206, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 406, 408,
      409, 410, 411, 412, 413, 414, 415, 416, 422, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 507, 511];
    for (const code of common) assert.ok(decodeHttpStatus(code).text?.en, String(code));
  });

  it('keeps the class of unregistered codes and marks bad values invalid', () => {
    const odd = decodeHttpStatus('599');
    assert.deepEqual([odd.statusClass, odd.text, odd.success], ['5xx', undefined, false]);
    for (const v of ['', 'abc', '099', '600', '1000', '20', '2OO', '200.5']) {
      const info = decodeHttpStatus(v);
      assert.equal(info.statusClass, 'invalid', v);
      assert.equal(info.code, undefined, v);
    }
    assert.equal(statusClassOf(450.5), 'invalid');
  });

  it('never throws on any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 8 }), (s) => {
      assert.ok(decodeHttpStatus(s).meaning.en);
    }), { numRuns: 500 });
  });
});
