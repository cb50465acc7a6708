import { strict as assert } from 'node:assert';
import { MAX_SCROLL_HEIGHT, moveSelection, pageStep, scrollScale, scrollTopFor, spacerHeight, visibleRows } from '../../../src/webview/virtualScroll';

describe('virtual scroll math', () => {
  const small = { rowCount: 1000, rowHeight: 22, viewportHeight: 440 };
  const huge = { rowCount: 10_000_000, rowHeight: 22, viewportHeight: 440 };

  it('renders only the rows in view, plus overscan', () => {
    const v = visibleRows(small, 22 * 100, 4);
    assert.equal(v.first, 96);
    assert.equal(v.end, 100 + 21 + 4);
    assert.equal(v.offsetY, -4 * 22);
  });

  it('clamps at both ends', () => {
    assert.deepEqual(visibleRows(small, -50, 2), { first: 0, end: 23, offsetY: 0 });
    const end = visibleRows(small, 22 * 1000, 2);
    assert.equal(end.end, 1000);
    assert.deepEqual(visibleRows({ ...small, rowCount: 0 }, 0, 2), { first: 0, end: 0, offsetY: 0 });
  });

  it('caps the spacer and scales the scrollbar for ten million rows', () => {
    assert.equal(spacerHeight(huge), MAX_SCROLL_HEIGHT);
    assert.ok(scrollScale(huge) > 20);
    const bottom = visibleRows(huge, MAX_SCROLL_HEIGHT - huge.viewportHeight, 0);
    assert.equal(bottom.end, huge.rowCount);
    assert.ok(bottom.first >= huge.rowCount - 21);
    const middle = visibleRows(huge, (MAX_SCROLL_HEIGHT - huge.viewportHeight) / 2, 0);
    assert.ok(Math.abs(middle.first - huge.rowCount / 2) < 20);
  });

  it('scrolls just enough to bring a row into view, in scaled mode too', () => {
    assert.equal(scrollTopFor(small, 5, 0), 0);
    assert.equal(scrollTopFor(small, 30, 0), 31 * 22 - 440);
    assert.equal(scrollTopFor(small, 2, 22 * 10), 44);
    const top = scrollTopFor(huge, 5_000_000, 0);
    const v = visibleRows(huge, top, 0);
    assert.ok(v.first <= 5_000_000 && 5_000_000 < v.end);
  });

  it('moves the selection within bounds', () => {
    assert.equal(moveSelection(undefined, 1, small), 0);
    assert.equal(moveSelection(undefined, -1, small), 999);
    assert.equal(moveSelection(998, 5, small), 999);
    assert.equal(moveSelection(3, -10, small), 0);
    assert.equal(moveSelection(0, 1, { ...small, rowCount: 0 }), undefined);
    assert.equal(pageStep(small), 19);
  });
});
