import { strict as assert } from 'node:assert';
import type { RowSummary } from '../../../src/core/engine/protocol';
import { EngineLookup, summaryFromRow } from '../../../src/language/engineLookup';

const ID = '95657ED9-2F6F-426F-BD99-79C8D8F1A2B3';

function row(over: Partial<RowSummary>): RowSummary {
  return {
    row: 0, line: 7, offset: 0, time: Date.UTC(2024, 10, 13, 8, 0, 19), requestId: ID, httpMethod: 'GET', path: '/v1/users',
    statusCode: '200', errorCode: '', apiName: 'GetUser', apiGroupName: 'g', apiStageName: 'RELEASE', appName: '', clientIp: '',
    totalLatency: 12, serviceLatency: 10, requestSize: null, responseSize: null, ...over,
  };
}

describe('EngineLookup', () => {
  it('turns a row into a hover summary with a 0-based line and an ISO time', () => {
    const s = summaryFromRow(row({}), 'big.apigw.log');
    assert.equal(s.line, 6);
    assert.equal(s.time, '2024-11-13T08:00:19Z');
    assert.equal(s.totalLatency, '12');
    assert.equal(s.errorCode, undefined);
  });

  it('asks every open engine except skipped files, and keeps only exact request-ID matches', async () => {
    const asked: string[] = [];
    const engines = {
      openFiles: () => ['/logs/a.log', '/logs/b.log', '/logs/open-as-text.log'],
      peek: (file: string) => Promise.resolve({
        findRequestId: (id: string) => {
          asked.push(file);
          // b.log holds the ID only as an initialRequestId: a different request.
          return Promise.resolve(file.endsWith('b.log') ? [row({ requestId: 'CA212355-B665-4460-8D03-C65040865C42' })] : [row({ requestId: id })]);
        },
      }),
    };
    const found = await new EngineLookup(engines, (f) => f.endsWith('open-as-text.log')).find(ID.toLowerCase());
    assert.deepEqual(asked.sort(), ['/logs/a.log', '/logs/b.log']);
    assert.deepEqual(found.map((s) => s.source), ['a.log']);
  });

  it('answers nothing for a file whose engine has closed', async () => {
    const found = await new EngineLookup({ openFiles: () => ['/x.log'], peek: () => Promise.resolve(undefined) }, () => false).find(ID);
    assert.deepEqual(found, []);
  });
});
