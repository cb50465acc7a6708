import { strict as assert } from 'node:assert';
import type { WebviewToHost } from '../../../src/shared/protocol';
import { RpcClient } from '../../../src/webview/rpc';

describe('webview rpc client', () => {
  it('matches responses to requests and rejects errors', async () => {
    const sent: WebviewToHost[] = [];
    const rpc = new RpcClient((m) => sent.push(m));
    const a = rpc.call('findRequest', { requestId: 'X' });
    const b = rpc.call('detail', { row: 1 });
    assert.equal(sent.length, 2);
    const [first, second] = sent as Extract<WebviewToHost, { type: 'request' }>[];
    assert.equal(first.method, 'findRequest');
    assert.equal(rpc.handle({ type: 'response', seq: second.seq, ok: false, error: 'boom' }), true);
    assert.equal(rpc.handle({ type: 'response', seq: first.seq, ok: true, result: { row: 4 } }), true);
    assert.deepEqual(await a, { row: 4 });
    await assert.rejects(b, /boom/);
    assert.equal(rpc.waiting, 0);
    assert.equal(rpc.handle({ type: 'reveal', row: 1 }), false);
  });

  it('rejects everything pending when the host goes away', async () => {
    const rpc = new RpcClient(() => undefined);
    const p = rpc.call('detail', { row: 1 });
    rpc.rejectAll('disposed');
    await assert.rejects(p, /disposed/);
  });
});
