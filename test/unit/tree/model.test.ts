import { strict as assert } from 'node:assert';
import { RequestsTreeModel, valueOf } from '../../../src/tree/model';
import { PAGE_SIZE, type GroupNode, type MoreNode, type RequestNode, type TreeNode } from '../../../src/tree/nodes';
import { buildSyntheticIndex } from '../stats/syntheticIndex';
import { IndexBackend } from './indexBackend';

const index = buildSyntheticIndex(5000, 7);

function model(query = '', failuresOnly = false, keys: ('apiName' | 'statusCode' | 'apiGroupName' | 'errorCode')[] = ['apiName', 'statusCode']) {
  const backend = new IndexBackend(index);
  return { backend, model: new RequestsTreeModel(backend, 'test', { query, failuresOnly, keys, sort: 'count' }) };
}

function groups(nodes: readonly TreeNode[]): GroupNode[] {
  return nodes.filter((n): n is GroupNode => n.kind === 'group');
}

describe('RequestsTreeModel', () => {
  it('lists API groups by descending count, their counts summing to every record', async () => {
    const { model: m } = model();
    const top = groups(await m.topLevel());
    assert.ok(top.length > 10);
    assert.equal(top.reduce((s, g) => s + g.group.count, 0), index.count);
    for (let i = 1; i < top.length; i++) assert.ok(top[i - 1].group.count >= top[i].group.count);
    assert.equal(await m.total(), index.count);
  });

  it('nests status codes under each API, with counts adding up', async () => {
    const { model: m } = model();
    const [api] = groups(await m.topLevel());
    const statuses = groups(await m.children(api));
    assert.equal(statuses.reduce((s, g) => s + g.group.count, 0), api.group.count);
    assert.deepEqual(statuses[0].path.map((s) => s.column), ['apiName', 'statusCode']);
    assert.equal(m.parent(statuses[0]), api);
  });

  it('pages a large group: 100 requests then a "show more" node, the next page on demand', async () => {
    const { model: m, backend } = model('', false, ['statusCode']);
    const [big] = groups(await m.topLevel());
    assert.ok(big.group.count > 2 * PAGE_SIZE, `group of ${big.group.count}`);
    const first = await m.children(big);
    assert.equal(first.length, PAGE_SIZE + 1);
    const more = first.at(-1) as MoreNode;
    assert.equal(more.kind, 'more');
    assert.deepEqual([more.shown, more.total], [PAGE_SIZE, big.group.count]);
    await m.showMore(more);
    const second = await m.children(big);
    assert.equal(second.filter((n) => n.kind === 'request').length, 2 * PAGE_SIZE);
    const rows = second.filter((n): n is RequestNode => n.kind === 'request').map((n) => n.request.row);
    assert.deepEqual(rows, [...rows].sort((a, b) => a - b), 'log order');
    assert.equal(new Set(rows).size, rows.length, 'no row twice');
    assert.equal(backend.calls.requests, 2, 'one engine call per page');
    assert.equal(backend.calls.groups, 1, 'groups asked once');
  });

  it('keeps only failed requests when failuresOnly is on', async () => {
    const { model: m } = model('', true, ['statusCode']);
    const top = groups(await m.topLevel());
    assert.ok(top.length > 0);
    for (const g of top) assert.ok(Number(g.group.value) >= 400, `status ${g.group.value}`);
  });

  it('applies the filter query', async () => {
    const { model: m } = model('statusCode:404');
    const top = groups(await m.topLevel());
    for (const api of top) assert.deepEqual(groups(await m.children(api)).map((g) => g.group.value), ['404']);
  });

  it('locates a request deep in a group and pins it ahead of the first page', async () => {
    const { model: m, backend } = model('', false, ['statusCode']);
    const [big] = groups(await m.topLevel());
    const lastRow = (await backend.requests({ query: '', failuresOnly: false, path: big.path, offset: big.group.count - 1, limit: 1 })).rows[0];
    const node = await m.locate(lastRow);
    assert.ok(node);
    assert.equal(node.pinned, true);
    assert.equal(node.parent.id, big.id);
    const children = await m.children(big);
    assert.equal((children[0] as RequestNode).request.row, lastRow.row);
    assert.equal(children[0].id, node.id);
  });

  it('locates a request of the first page without pinning it', async () => {
    const { model: m, backend } = model();
    const [api] = groups(await m.topLevel());
    const [status] = groups(await m.children(api));
    const first = (await backend.requests({ query: '', failuresOnly: false, path: status.path, offset: 0, limit: 1 })).rows[0];
    const node = await m.locate(first);
    assert.equal(node?.pinned, false);
    assert.equal(node?.parent, status);
  });

  it('does not locate a request the filter hides', async () => {
    const { model: m, backend } = model('statusCode:200');
    const hidden = backend.figures([...Array(index.count).keys()].find((r) => index.str('statusCode', r) !== '200')!);
    assert.equal(await m.locate(hidden), undefined);
  });

  it('reads a grouping value from a request summary', () => {
    assert.equal(valueOf({ row: 1, line: 1, statusCode: 200 }, 'statusCode'), '200');
    assert.equal(valueOf({ row: 1, line: 1 }, 'apiName'), undefined);
  });
});
