import { module, test } from 'qunit';
import { setupTest as setupEmberTest } from 'ember-qunit';
import {
  settled,
  setupOnerror,
  resetOnerror,
  type TestContext,
} from '@ember/test-helpers';
import { setupTest } from 'dummy/tests/helpers';
import { freshManager, unload } from 'dummy/tests/helpers/fresh-manager';
import {
  readStash,
  setupProcessManager,
  stashWrites,
} from 'ember-process-manager/test-support';
import { overrideStashStorage } from 'ember-process-manager/-private/stash/storage/index';
import SessionStashStorage from 'ember-process-manager/-private/stash/storage/session';
import MemoryStashStorage from 'ember-process-manager/-private/stash/storage/memory';
import { Process, type ProcessManagerService } from 'ember-process-manager';

class ThrowsProcess extends Process {
  initialize(): void {
    throw new Error('thrown at once');
  }
}
class RejectsProcess extends Process {
  async initialize(): Promise<void> {
    await Promise.resolve();
    throw new Error('rejected later');
  }
}
class HangsProcess extends Process {
  initialize(): Promise<void> {
    return new Promise(() => {});
  }
}
class BadTeardownProcess extends Process {
  teardown(): void {
    throw new Error('teardown broke');
  }
  activated(): void {
    throw new Error('activated broke');
  }
}
class FlakyRestoreProcess extends Process {
  static fail = true;
  static restores = 0;
  restore(): void {
    FlakyRestoreProcess.restores++;
    if (FlakyRestoreProcess.fail) throw new Error('restore broke');
  }
}

/** Collects what would reach the console as uncaught, and Ember.onerror. */
function watchUncaught() {
  const seen: unknown[] = [];
  const onRejection = (event: PromiseRejectionEvent) => seen.push(event.reason);
  const onError = (event: ErrorEvent) => seen.push(event.error);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  setupOnerror((error: Error) => seen.push(error));
  return {
    seen,
    stop() {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
      resetOnerror();
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

module('Unit | Service | process-manager | faults', function (hooks) {
  setupTest(hooks);

  let manager: ProcessManagerService;
  let warnings: string[];
  hooks.beforeEach(function (this: TestContext) {
    this.owner.register('process:throws', ThrowsProcess);
    this.owner.register('process:rejects', RejectsProcess);
    this.owner.register('process:hangs', HangsProcess);
    this.owner.register('process:bad-teardown', BadTeardownProcess);
    this.owner.register('process:flaky', FlakyRestoreProcess);
    manager = this.owner.lookup('service:process-manager');
    warnings = [];
    manager.warn = (message: string) => void warnings.push(message);
  });

  module('task faults', function () {
    test('a hook that throws, rejects or never settles affects only its own process, and nothing goes uncaught', async function (assert) {
      const uncaught = watchUncaught();
      try {
        const healthy = manager.open('search', 'ok', { background: true });
        const throws = manager.open('throws', '1', { background: true });
        const rejects = manager.open('rejects', '1', { background: true });
        const hangs = manager.open('hangs', '1', { background: true });
        await tick();
        assert.strictEqual(healthy.status, 'ready');
        assert.strictEqual(throws.status, 'failed');
        assert.strictEqual((throws.error as Error).message, 'thrown at once');
        assert.strictEqual(rejects.status, 'failed');
        assert.strictEqual((rejects.error as Error).message, 'rejected later');
        assert.strictEqual(
          hangs.status,
          'initializing',
          'still waiting, alone',
        );
        manager.activate(healthy);
        manager.close(hangs);
        await settled();
        assert.deepEqual(
          manager.processes.map((p) => p.key),
          ['search:ok', 'throws:1', 'rejects:1'],
        );
        assert.deepEqual(
          uncaught.seen,
          [],
          'no unhandled rejection, no Ember.onerror',
        );
      } finally {
        uncaught.stop();
      }
    });

    test('teardown() throwing still removes the process; a throwing activated() is reported', async function (assert) {
      const uncaught = watchUncaught();
      try {
        const process = manager.open('bad-teardown', '1');
        assert.strictEqual(
          manager.active,
          process,
          'activated even though its hook threw',
        );
        manager.close(process);
        await settled();
        assert.deepEqual(manager.processes, []);
        assert.deepEqual(readStash()?.processes, []);
        assert.deepEqual(warnings, [
          'activated() of bad-teardown:1 failed',
          'teardown() of bad-teardown:1 failed',
        ]);
        assert.deepEqual(uncaught.seen, []);
      } finally {
        uncaught.stop();
      }
    });

    test('a restore that failed on three reloads in a row is not run again: the tab comes back failed, with retry', async function (assert) {
      FlakyRestoreProcess.fail = true;
      FlakyRestoreProcess.restores = 0;
      manager.open('flaky', '1');
      await settled();
      unload(manager);

      for (let reload = 1; reload <= 3; reload++) {
        const page = freshManager(this.owner);
        await page.restore();
        await settled();
        assert.strictEqual(
          page.get('flaky:1')?.status,
          'failed',
          `reload ${reload}: restore ran and failed`,
        );
        unload(page);
      }
      assert.strictEqual(FlakyRestoreProcess.restores, 3);
      assert.strictEqual(
        readStash()?.processes[0]?.restoring,
        3,
        'the stash counts the attempts',
      );

      const fourth = freshManager(this.owner);
      await fourth.restore();
      await settled();
      const process = fourth.get('flaky:1')!;
      assert.strictEqual(
        FlakyRestoreProcess.restores,
        3,
        'the fourth boot did not run restore()',
      );
      assert.strictEqual(process.status, 'failed');
      assert.true(
        String((process.error as Error).message).includes(
          'did not succeed on 3 reloads in a row',
        ),
      );

      FlakyRestoreProcess.fail = false;
      void process.retry();
      await settled();
      assert.strictEqual(process.status, 'ready', 'retry ran restore()');
      assert.strictEqual(FlakyRestoreProcess.restores, 4);
      assert.strictEqual(
        readStash()?.processes[0]?.restoring,
        undefined,
        'a success clears the count',
      );
      unload(fourth);
    });

    test('a restore interrupted by a reload counts as an attempt', async function (assert) {
      manager.open('hangs', '1');
      await settled();
      unload(manager);
      const first = freshManager(this.owner);
      await first.restore();
      await settled();
      assert.strictEqual(
        readStash()?.processes[0]?.restoring,
        1,
        'counted before restore() settles',
      );
      unload(first);
    });
  });

  module('storage faults', function () {
    test('a write that throws keeps everything running and in memory, reports once, and is retried on the next change', async function (assert) {
      class FullStorage extends MemoryStashStorage {
        full = false;
        write(stash: object) {
          if (this.full)
            throw new DOMException(
              'The quota has been exceeded.',
              'QuotaExceededError',
            );
          super.write(stash);
        }
      }
      const storage = new FullStorage();
      overrideStashStorage(storage);
      const page = freshManager(this.owner);
      const pageWarnings: string[] = [];
      page.warn = (message: string) => void pageWarnings.push(message);
      page.open('search', 'a');
      await settled();
      storage.full = true;
      page.open('search', 'b');
      await settled();
      page.get('search:a')!.updateData({ query: 'kept in memory' });
      await settled();
      assert.deepEqual(
        page.processes.map((p) => [p.key, p.status]),
        [
          ['search:a', 'ready'],
          ['search:b', 'ready'],
        ],
        'every process runs',
      );
      assert.deepEqual(
        pageWarnings,
        ['the stash could not be written'],
        'reported once',
      );
      assert.strictEqual(
        (JSON.parse(storage.read()!) as { processes: unknown[] }).processes
          .length,
        1,
        'storage still has the last good stash',
      );

      storage.full = false;
      page.open('search', 'c', { background: true });
      await settled();
      const stash = JSON.parse(storage.read()!) as {
        processes: { id: string; data?: object }[];
      };
      assert.deepEqual(
        stash.processes.map((p) => p.id),
        ['a', 'b', 'c'],
        'the next change wrote everything',
      );
      assert.deepEqual(stash.processes[0]?.data, { query: 'kept in memory' });
      unload(page);
    });

    test('sessionStorage that throws on access falls back to memory, and the app works', async function (assert) {
      const denied = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      overrideStashStorage(new SessionStashStorage(this.owner, denied));
      const page = freshManager(this.owner);
      const pageWarnings: string[] = [];
      page.warn = (message: string) => void pageWarnings.push(message);
      await page.restore();
      page.open('search', 'a', { data: { query: 'x' } });
      await settled();
      assert.strictEqual(page.get('search:a')?.status, 'ready');
      assert.strictEqual(pageWarnings.length, 1, 'told once');
      assert.true(pageWarnings[0]!.includes('partly unreadable'));
      unload(page);
    });

    test('pending changes are written on pagehide, before the run loop would', function (assert) {
      const before = stashWrites();
      manager.open('search', 'late');
      window.dispatchEvent(new Event('pagehide'));
      assert.strictEqual(stashWrites(), before + 1, 'written at once');
      assert.deepEqual(
        readStash()?.processes.map((p) => p.id),
        ['late'],
      );
    });

    test('assigning data is stashed; pagehide also writes data changed in place', async function (assert) {
      const process = manager.open('search', 'assigned');
      process.data = { query: 'refund' };
      await settled();
      assert.deepEqual(readStash()?.processes[0]?.data, { query: 'refund' });
      assert.throws(
        () => (process.data = [] as never),
        /data of search:assigned must be a plain object, not \[\]/,
      );

      (process.data as { query: string }).query = 'refund policy';
      await settled();
      assert.deepEqual(
        readStash()?.processes[0]?.data,
        { query: 'refund' },
        'a change in place is not seen by itself',
      );
      window.dispatchEvent(new Event('pagehide'));
      assert.deepEqual(
        readStash()?.processes[0]?.data,
        { query: 'refund policy' },
        'written before the page goes away',
      );
    });
  });
});

module(
  'Unit | Service | process-manager | faults of the real sessionStorage',
  function (hooks) {
    setupEmberTest(hooks);
    setupProcessManager(hooks, { storage: 'session' });

    test('QuotaExceededError from sessionStorage itself: reported once, kept in memory, written with the next change', async function (assert) {
      const manager = this.owner.lookup('service:process-manager');
      const warnings: string[] = [];
      manager.warn = (message: string, details: readonly string[] = []) =>
        void warnings.push(`${message}: ${details.join()}`);
      manager.open('search', 'a');
      await settled();

      // More than any browser's sessionStorage holds: the real write throws.
      manager
        .get('search:a')!
        .updateData({ query: 'y'.repeat(12 * 1024 * 1024) });
      manager.open('search', 'b', { background: true });
      await settled();
      assert.deepEqual(
        manager.processes.map((p) => p.status),
        ['ready', 'ready'],
        'every process runs',
      );
      assert.strictEqual(warnings.length, 1, 'reported once');
      assert.true(warnings[0]!.includes('QuotaExceededError'), warnings[0]);
      assert.deepEqual(
        readStash()?.processes.map((p) => p.id),
        ['a'],
        'the last good stash is still stored',
      );
      assert.strictEqual(
        (manager.get('search:a')!.data['query'] as string).length,
        12 * 1024 * 1024,
        'kept in memory',
      );

      manager.get('search:a')!.updateData({ query: 'refund' });
      await settled();
      assert.deepEqual(
        readStash()?.processes.map((p) => [p.id, p.data?.['query']]),
        [
          ['a', 'refund'],
          ['b', undefined],
        ],
        'written with the next change',
      );
      assert.strictEqual(warnings.length, 1, 'and not reported again');
    });
  },
);
