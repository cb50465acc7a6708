import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineRegistry, type LogChange, type RegistryEngine } from '../../../src/logs/engineRegistry';

class FakeEngine implements RegistryEngine {
  /** Resolves like LogEngine's: with a summary holding the bytes indexed (undefined: the whole file). */
  ready: Promise<{ bytes: number } | undefined> = Promise.resolve(undefined);
  disposed = false;
  appended = 0;
  /** Engines of formats that cannot be followed reject appends. */
  canAppend = true;
  constructor(readonly file: string, readonly serial: number) {}
  append(): Promise<{ added: number }> {
    this.appended++;
    return this.canAppend ? Promise.resolve({ added: 1 }) : Promise.reject(new Error('only JSON lines can be followed'));
  }
  dispose(): void {
    this.disposed = true;
  }
}

/** A clock whose timers run only when the test says so. */
class ManualClock {
  private timers = new Set<() => void>();
  readonly setTimer = (callback: () => void, _ms: number) => {
    const run = () => {
      this.timers.delete(run);
      callback();
    };
    this.timers.add(run);
    return () => this.timers.delete(run);
  };
  get pending(): number {
    return this.timers.size;
  }
  /** Runs every timer due now. */
  runAll(): void {
    for (const run of [...this.timers]) run();
  }
}

/** A registry over fake engines with a hand-triggered watcher and a manual clock. */
function setup() {
  const opened: FakeEngine[] = [];
  const triggers = new Map<string, () => void>();
  const clock = new ManualClock();
  const registry = new EngineRegistry<FakeEngine>(
    (file) => {
      const engine = new FakeEngine(file, opened.length);
      opened.push(engine);
      return Promise.resolve(engine);
    },
    { setTimer: clock.setTimer, watch: (file, onEvent) => { triggers.set(file, onEvent); return { dispose: () => triggers.delete(file) }; } },
  );
  return { registry, opened, triggers, clock };
}

function nextChange(registry: EngineRegistry<FakeEngine>): Promise<LogChange> {
  return new Promise((resolve) => {
    const sub = registry.onDidChange((c) => {
      sub.dispose();
      resolve(c);
    });
  });
}

describe('EngineRegistry', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apigw-registry-'));
    file = path.join(dir, 'a.log');
    fs.writeFileSync(file, '{"requestId":"a"}\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shares one engine between leases of the same file', async () => {
    const { registry, opened } = setup();
    const [a, b] = await Promise.all([registry.acquire(file), registry.acquire(path.join(dir, '.', 'a.log'))]);
    assert.equal(opened.length, 1);
    assert.equal(a.engine, b.engine);
    registry.dispose();
  });

  it('disposes the engine only after the last lease is released and the idle time passed', async () => {
    const { registry, opened, clock } = setup();
    const closed: string[] = [];
    registry.onDidClose((f) => closed.push(f));
    const a = await registry.acquire(file);
    const b = await registry.acquire(file);
    a.dispose();
    a.dispose();
    assert.equal(clock.pending, 0, 'no idle timer while b holds a lease');
    b.dispose();
    assert.equal(opened[0].disposed, false, 'kept during the idle time');
    clock.runAll();
    assert.equal(opened[0].disposed, true);
    assert.deepEqual(closed, [path.resolve(file)]);
    assert.deepEqual(registry.openFiles(), []);
    const c = await registry.acquire(file);
    assert.equal(opened.length, 2, 'a new engine after the old one closed');
    c.dispose();
    registry.dispose();
  });

  it('keeps an idle engine when a lease comes back within the idle time', async () => {
    const { registry, opened, clock } = setup();
    (await registry.acquire(file)).dispose();
    const again = await registry.acquire(file);
    clock.runAll();
    assert.equal(opened.length, 1);
    assert.equal(again.engine.disposed, false);
    registry.dispose();
  });

  it('appends when the file only grew', async () => {
    const { registry, opened, triggers, clock } = setup();
    const lease = await registry.acquire(file);
    await registry.refresh(file);
    fs.appendFileSync(file, '{"requestId":"b"}\n');
    const changed = nextChange(registry);
    triggers.get(path.resolve(file))!();
    triggers.get(path.resolve(file))!();
    assert.equal(clock.pending, 1, 'change events are debounced into one look');
    clock.runAll();
    const change = await changed;
    assert.deepEqual(change, { file: path.resolve(file), kind: 'appended', added: 1 });
    assert.equal(opened[0].appended, 1);
    assert.equal(lease.engine, opened[0]);
    registry.dispose();
  });

  it('opens a fresh engine when the file was rewritten', async () => {
    const { registry, opened } = setup();
    const lease = await registry.acquire(file);
    await registry.refresh(file);
    fs.writeFileSync(file, '{"requestId":"x"}\n{"requestId":"y"}\n');
    const changed = nextChange(registry);
    await registry.refresh(file);
    assert.equal((await changed).kind, 'reopened');
    assert.equal(opened.length, 2);
    assert.equal(opened[0].disposed, true);
    assert.equal(lease.engine, opened[1], 'the lease follows the new engine');
    registry.dispose();
  });

  it('appends bytes written while the index was finishing (the baseline is what the engine indexed)', async () => {
    const indexedBytes = fs.statSync(file).size;
    const engine = new FakeEngine(file, 0);
    engine.ready = Promise.resolve({ bytes: indexedBytes });
    const registry = new EngineRegistry<FakeEngine>(() => Promise.resolve(engine), { watch: () => ({ dispose() {} }) });
    fs.appendFileSync(file, '{"requestId":"late"}\n');
    await registry.acquire(file);
    const changed = nextChange(registry);
    await registry.refresh(file);
    assert.equal((await changed).kind, 'appended');
    assert.equal(engine.appended, 1);
    registry.dispose();
  });

  it('opens a fresh engine when the engine cannot append (not JSON lines)', async () => {
    const { registry, opened } = setup();
    const lease = await registry.acquire(file);
    await registry.refresh(file);
    opened[0].canAppend = false;
    fs.appendFileSync(file, '{"requestId":"b"}\n');
    const changed = nextChange(registry);
    await registry.refresh(file);
    assert.equal((await changed).kind, 'reopened');
    assert.equal(lease.engine, opened[1]);
    registry.dispose();
  });

  it('reports nothing when the file did not change', async () => {
    const { registry, opened } = setup();
    let fired = 0;
    registry.onDidChange(() => fired++);
    await registry.acquire(file);
    await registry.refresh(file);
    await registry.refresh(file);
    assert.equal(fired, 0);
    assert.equal(opened[0].appended, 0);
    registry.dispose();
  });

  it('forgets a file whose engine failed to open, so a later acquire tries again', async () => {
    let attempts = 0;
    const registry = new EngineRegistry<FakeEngine>((f) => (++attempts === 1 ? Promise.reject(new Error('boom')) : Promise.resolve(new FakeEngine(f, attempts))), { watch: () => ({ dispose() {} }) });
    await assert.rejects(registry.acquire(file), /boom/);
    const lease = await registry.acquire(file);
    assert.equal(lease.engine.serial, 2);
    registry.dispose();
  });
});
