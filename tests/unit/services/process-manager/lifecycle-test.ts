import { module, test } from 'qunit';
import { settled, type TestContext } from '@ember/test-helpers';
import { setupTest } from 'dummy/tests/helpers';
import { freshManager, unload } from 'dummy/tests/helpers/fresh-manager';
import { Process, type ProcessManagerService } from 'ember-process-manager';
import type Owner from '@ember/owner';

/** Counts the restores running at once; each waits until the test lets it go. */
class Gauge {
  running = 0;
  most = 0;
  started: string[] = [];
  #release: (() => void)[] = [];
  start(key: string) {
    this.started.push(key);
    this.running++;
    this.most = Math.max(this.most, this.running);
    return new Promise<void>((resolve) =>
      this.#release.push(() => {
        this.running--;
        resolve();
      }),
    );
  }
  releaseAll() {
    const release = this.#release;
    this.#release = [];
    release.forEach((r) => r());
  }
}
let gauge: Gauge;
let teardowns: string[];

class SlowProcess extends Process<{ draft?: string }> {
  restore() {
    return gauge.start(this.key);
  }
  teardown() {
    teardowns.push(this.key);
  }
  get keepAlive() {
    return Boolean(this.data.draft);
  }
}

class GuardedProcess extends Process<{ draft?: string }> {
  static answer: boolean | Promise<boolean> = true;
  static asked = 0;
  canClose() {
    GuardedProcess.asked++;
    return this.data.draft ? GuardedProcess.answer : true;
  }
}

/** A manager built with this configuration, as the app's config/environment.js would give it. */
function managerWith(
  owner: Owner,
  config: Record<string, unknown>,
): ProcessManagerService {
  const env = (
    owner as unknown as {
      resolveRegistration(n: string): Record<string, unknown>;
    }
  ).resolveRegistration('config:environment');
  const before = env['ember-process-manager'];
  env['ember-process-manager'] = config;
  try {
    return freshManager(owner);
  } finally {
    env['ember-process-manager'] = before;
  }
}

module('Unit | Service | process-manager | lifecycle', function (hooks) {
  setupTest(hooks);

  hooks.beforeEach(function (this: TestContext) {
    this.owner.register('process:slow', SlowProcess);
    this.owner.register('process:guarded', GuardedProcess);
    gauge = new Gauge();
    teardowns = [];
  });

  module('hibernation', function () {
    test('past maxLiveProcesses, background processes hibernate least recently active first; activating restores', async function (assert) {
      const manager = managerWith(this.owner, { maxLiveProcesses: 3 });
      const [a, b, c] = ['a', 'b', 'c'].map((id) => manager.open('slow', id));
      manager.activate(b!);
      manager.activate(a!);
      manager.activate(c!);
      await settled();
      assert.deepEqual(
        manager.processes.map((p) => p.status),
        ['ready', 'ready', 'ready'],
      );

      manager.open('slow', 'd', { background: true });
      await settled();
      assert.strictEqual(b!.status, 'hibernated', 'b was active longest ago');
      assert.deepEqual(teardowns, ['slow:b'], 'its teardown ran');
      assert.strictEqual(b!.title, 'slow b', 'its tab stays, with its title');
      assert.strictEqual(manager.processes.length, 4);

      manager.open('slow', 'e');
      await settled();
      assert.strictEqual(a!.status, 'hibernated', 'then a');

      manager.activate(b!);
      assert.strictEqual(b!.status, 'restoring', 'activating restores it');
      gauge.releaseAll();
      await settled();
      assert.strictEqual(b!.status, 'ready');
      assert.strictEqual(
        manager.processes.filter((p) => p.status !== 'hibernated').length,
        3,
        'still at most three live',
      );
      unload(manager);
    });

    test('keepAlive exempts a process from hibernation', async function (assert) {
      const manager = managerWith(this.owner, { maxLiveProcesses: 1 });
      const typing = manager.open('slow', 'typing', {
        data: { draft: 'half a sentence' },
      });
      manager.open('slow', 'idle');
      manager.open('slow', 'now');
      await settled();
      assert.strictEqual(
        typing.status,
        'ready',
        'kept alive while its draft is there',
      );
      assert.strictEqual(
        manager.get('slow:idle')!.status,
        'hibernated',
        manager.processes.map((p) => `${p.key}:${p.status}`).join(),
      );
      typing.updateData({ draft: '' });
      manager.activate('slow:idle');
      gauge.releaseAll();
      await settled();
      assert.strictEqual(
        typing.status,
        'hibernated',
        'hibernated once it no longer matters',
      );
      unload(manager);
    });
  });

  module('restore scheduling', function () {
    async function stashOf(owner: Owner, ids: string[], active: string) {
      const first = freshManager(owner);
      for (const id of ids)
        first.open('slow', id, { background: id !== active });
      first.activate(`slow:${active}`);
      await settled();
      unload(first);
    }

    test('the active process restores first, then the rest with at most restoreConcurrency at a time', async function (assert) {
      await stashOf(this.owner, ['1', '2', '3', '4', '5', '6', '7'], '5');
      const manager = managerWith(this.owner, { restoreConcurrency: 2 });
      await manager.restore();
      assert.deepEqual(
        gauge.started,
        ['slow:5', 'slow:1'],
        'two at once, the active one first',
      );
      assert.deepEqual(
        manager.processes.map((p) => p.status),
        [
          'restoring',
          'restoring',
          'restoring',
          'restoring',
          'restoring',
          'restoring',
          'restoring',
        ],
        'the waiting ones show as restoring',
      );
      while (gauge.started.length < 7) {
        gauge.releaseAll();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      gauge.releaseAll();
      await settled();
      assert.strictEqual(gauge.most, 2, 'never more than two running');
      assert.deepEqual(gauge.started, [
        'slow:5',
        'slow:1',
        'slow:2',
        'slow:3',
        'slow:4',
        'slow:6',
        'slow:7',
      ]);
      assert.true(manager.processes.every((p) => p.status === 'ready'));
      unload(manager);
    });

    test('whenReady of a process waiting for its turn settles once its restore() has run', async function (assert) {
      await stashOf(this.owner, ['1', '2', '3'], '1');
      const manager = managerWith(this.owner, { restoreConcurrency: 1 });
      await manager.restore();
      const waiting = manager.get('slow:3')!;
      const closedFirst = manager.get('slow:2')!.whenReady;
      let settledWith: string | undefined;
      void waiting.whenReady.then(() => (settledWith = waiting.status));
      assert.deepEqual(gauge.started, ['slow:1'], 'slow:3 has not started');
      await new Promise((resolve) => setTimeout(resolve, 0));
      assert.strictEqual(settledWith, undefined, 'not settled while waiting');

      manager.close('slow:2');
      await assert.rejects(
        closedFirst,
        /slow:2 was closed before it was ready/,
        'a process closed while waiting rejects its whenReady',
      );
      while (!gauge.started.includes('slow:3')) {
        gauge.releaseAll();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      assert.strictEqual(settledWith, undefined, 'started, not yet settled');
      gauge.releaseAll();
      await settled();
      assert.strictEqual(settledWith, 'ready', 'settled once it was ready');
      unload(manager);
    });

    test('activating a waiting process restores it at once', async function (assert) {
      await stashOf(this.owner, ['1', '2', '3'], '1');
      const manager = managerWith(this.owner, { restoreConcurrency: 1 });
      await manager.restore();
      manager.activate('slow:3');
      assert.deepEqual(gauge.started, ['slow:1', 'slow:3']);
      gauge.releaseAll();
      await settled();
      gauge.releaseAll();
      await settled();
      unload(manager);
    });

    test('restoreOnDemand restores only the active one; the others wait hibernated until activated', async function (assert) {
      await stashOf(this.owner, ['1', '2', '3'], '2');
      teardowns = [];
      const manager = managerWith(this.owner, { restoreOnDemand: true });
      await manager.restore();
      assert.deepEqual(gauge.started, ['slow:2']);
      assert.deepEqual(
        manager.processes.map((p) => [p.key, p.status, p.title]),
        [
          ['slow:1', 'hibernated', 'slow 1'],
          ['slow:2', 'restoring', 'slow 2'],
          ['slow:3', 'hibernated', 'slow 3'],
        ],
      );
      manager.activate('slow:3');
      assert.deepEqual(gauge.started, ['slow:2', 'slow:3']);
      gauge.releaseAll();
      await settled();
      unload(manager);
      assert.deepEqual(
        teardowns.sort(),
        ['slow:2', 'slow:3'],
        'only what started is torn down',
      );
    });
  });

  module('close guards', function () {
    test('requestClose asks canClose(); no keeps the tab; force closes anyway', async function (assert) {
      const manager = this.owner.lookup('service:process-manager');
      const process = manager.open('guarded', '1', {
        data: { draft: 'unsent' },
      });
      GuardedProcess.answer = false;
      assert.false(await manager.requestClose(process), 'refused');
      assert.strictEqual(manager.get('guarded:1'), process);

      let answer!: (yes: boolean) => void;
      GuardedProcess.answer = new Promise<boolean>(
        (resolve) => (answer = resolve),
      );
      const asking = manager.requestClose('guarded:1');
      assert.strictEqual(
        manager.get('guarded:1'),
        process,
        'still open while the guard asks',
      );
      answer(true);
      assert.true(await asking, 'closed once the guard said yes');
      assert.strictEqual(manager.get('guarded:1'), undefined);

      const other = manager.open('guarded', '2', { data: { draft: 'unsent' } });
      GuardedProcess.answer = false;
      const asked = GuardedProcess.asked;
      assert.true(
        await manager.requestClose(other, { force: true }),
        'force skips the guard',
      );
      assert.strictEqual(GuardedProcess.asked, asked);
      assert.false(await manager.requestClose('guarded:9'), 'nothing to close');
    });

    test('close() does not ask; a guard that throws keeps the tab and is reported', async function (assert) {
      const manager = this.owner.lookup('service:process-manager');
      const warnings: string[] = [];
      manager.warn = (message: string) => void warnings.push(message);
      const process = manager.open('guarded', '1', {
        data: { draft: 'unsent' },
      });
      GuardedProcess.answer = Promise.reject(new Error('dialog failed'));
      assert.false(await manager.requestClose(process));
      assert.deepEqual(warnings, ['canClose() of guarded:1 failed']);
      const asked = GuardedProcess.asked;
      manager.close(process);
      assert.strictEqual(
        GuardedProcess.asked,
        asked,
        'close() is for code that means it',
      );
      assert.strictEqual(manager.get('guarded:1'), undefined);
    });
  });

  test('isPageVisible follows the page', function (assert) {
    const manager = this.owner.lookup('service:process-manager');
    assert.true(manager.isPageVisible);
    const descriptor = Object.getOwnPropertyDescriptor(
      Document.prototype,
      'visibilityState',
    )!;
    try {
      Object.defineProperty(document, 'visibilityState', {
        value: 'hidden',
        configurable: true,
      });
      document.dispatchEvent(new Event('visibilitychange'));
      assert.false(manager.isPageVisible);
    } finally {
      delete (document as unknown as Record<string, unknown>)[
        'visibilityState'
      ];
      assert.strictEqual(
        document.visibilityState,
        descriptor.get!.call(document),
      );
      document.dispatchEvent(new Event('visibilitychange'));
    }
    assert.true(manager.isPageVisible);
  });

  test('recently closed keeps recentlyClosedLimit entries, newest first', function (assert) {
    const manager = managerWith(this.owner, { recentlyClosedLimit: 3 });
    for (const id of ['1', '2', '3', '4', '5'])
      manager.close(manager.open('guarded', id));
    assert.deepEqual(
      manager.recentlyClosed.map((c) => c.id),
      ['5', '4', '3'],
    );
    unload(manager);
  });
});
