import { module, test } from 'qunit';
// One run loop on purpose: the races and the one-write rule are about it.
import { run } from '@ember/runloop';
import { settled, type TestContext } from '@ember/test-helpers';
import { destroy, isDestroyed } from '@ember/destroyable';
import { service } from '@ember/service';
import { task, timeout } from 'ember-concurrency';
import { setupTest } from 'dummy/tests/helpers';
import {
  bootInstance,
  managerOf,
  refresh,
} from 'dummy/tests/helpers/app-instance';
import {
  readStash,
  stashWrites,
  writeStashText,
} from 'ember-process-manager/test-support';
import { Process, type ProcessManagerService } from 'ember-process-manager';
import type RealtimeService from 'dummy/services/realtime';

/** A process whose initialize() waits for the test to let it go. */
class GatedProcess extends Process {
  static release: (() => void) | undefined;
  static teardowns = 0;
  @service declare realtime: RealtimeService;

  async initialize() {
    this.realtime.subscribe(this.key);
    await new Promise<void>((resolve) => (GatedProcess.release = resolve));
  }

  teardown() {
    GatedProcess.teardowns++;
    for (const s of this.realtime.live.filter((s) => s.channel === this.key))
      this.realtime.unsubscribe(s);
  }
}

/** A process whose initialize() returns an ember-concurrency task instance. */
class PollingProcess extends Process {
  static polls = 0;
  pollTask = task(async () => {
    for (;;) {
      PollingProcess.polls++;
      await timeout(5);
    }
  });

  initialize() {
    return this.pollTask.perform();
  }
}

class FailingProcess extends Process {
  static failures = 1;
  initialize() {
    if (FailingProcess.failures-- > 0) throw new Error('backend down');
  }
}

module('Unit | Service | process-manager', function (hooks) {
  setupTest(hooks);

  let manager: ProcessManagerService;
  hooks.beforeEach(function (this: TestContext) {
    this.owner.register('process:gated', GatedProcess);
    this.owner.register('process:polling', PollingProcess);
    this.owner.register('process:failing', FailingProcess);
    this.owner.register('process:not-a-process', class {});
    manager = managerOf(this.owner);
    GatedProcess.teardowns = 0;
  });

  module('open', function () {
    test('creates the process synchronously, stashes it and starts initialize()', async function (assert) {
      const process = manager.open('conversation', '1');
      assert.strictEqual(process.status, 'initializing');
      assert.true(process.initTask.isRunning, 'initTask is running');
      assert.deepEqual(manager.processes, [process]);
      assert.strictEqual(manager.active, process, 'foreground by default');
      assert.true(process.isActive);
      await settled();
      assert.strictEqual(process.status, 'ready');
      assert.strictEqual(process.title, '#1 Login trouble');
      assert.deepEqual(readStash(), {
        version: 1,
        active: 'conversation:1',
        processes: [
          { type: 'conversation', id: '1', title: '#1 Login trouble' },
        ],
      });
    });

    test('the same key opened from two places in one run loop makes one process', async function (assert) {
      const log = this.owner.lookup('service:activity-log');
      // eslint-disable-next-line ember/no-runloop
      const [fromList, fromRoute] = run(() => [
        manager.open('conversation', '7', { background: true }),
        manager.open('conversation', '7'),
      ]);
      assert.strictEqual(
        fromList,
        fromRoute,
        'both callers get the same process',
      );
      assert.strictEqual(manager.processes.length, 1);
      assert.strictEqual(
        manager.active,
        fromRoute,
        'the foreground call activated it',
      );
      await settled();
      assert.strictEqual(
        log.count('conversation:7', 'initialize'),
        1,
        'initialize ran once',
      );
    });

    test('changes in one run loop reach storage in one write', async function (assert) {
      const before = stashWrites();
      // eslint-disable-next-line ember/no-runloop
      run(() => {
        for (let i = 0; i < 20; i++)
          manager.open('search', String(i), { background: true });
        manager.activate('search:3');
        manager.move('search:3', 0);
        manager.close('search:19');
      });
      assert.strictEqual(stashWrites() - before, 1, 'one write');
      await settled();
      assert.strictEqual(
        stashWrites() - before,
        1,
        'becoming ready changed nothing stashed: no second write',
      );
      assert.deepEqual(
        readStash()
          ?.processes.slice(0, 3)
          .map((p) => p.id),
        ['3', '0', '1'],
      );
      assert.strictEqual(readStash()?.processes.length, 19);
    });

    test('index and data options', function (assert) {
      manager.open('search', 'a');
      manager.open('search', 'b');
      const inserted = manager.open('search', 'c', {
        index: 0,
        data: { query: 'refund' },
      });
      assert.deepEqual(
        manager.processes.map((p) => p.id),
        ['c', 'a', 'b'],
      );
      assert.deepEqual(inserted.data, { query: 'refund' });
      assert.strictEqual(inserted.title, 'Search: refund');
    });

    test('bad input is refused with an error naming it', function (assert) {
      assert.throws(
        () => manager.open('Conversation', '1'),
        /invalid process type "Conversation"/,
      );
      assert.throws(
        () => manager.open('conversation', ''),
        /invalid process id ""/,
      );
      assert.throws(
        () => manager.open('conversation', 42 as unknown as string),
        /invalid process id 42/,
      );
      assert.throws(
        () => manager.open('nope', '1'),
        /unknown process type "nope": nothing is registered as process:nope/,
      );
      assert.throws(
        () => manager.open('not-a-process', '1'),
        /process:not-a-process does not extend Process/,
      );
      assert.throws(
        () => manager.open('search', '1', { index: 1.5 }),
        /option index must be an integer, not 1.5/,
      );
      assert.throws(
        () =>
          manager.open('search', '1', {
            background: 'yes' as unknown as boolean,
          }),
        /option background must be a boolean, not "yes"/,
      );
      assert.throws(
        () => manager.open('search', '1', { data: [] as never }),
        /option data must be a plain object, not \[\]/,
      );
      assert.throws(
        () => manager.activate('search:none'),
        /cannot activate "search:none": it is not open/,
      );
      assert.throws(
        () => manager.close('no key'),
        /invalid process key "no key"/,
      );
      assert.deepEqual(manager.processes, [], 'nothing was created');
    });

    test('find and get', function (assert) {
      const process = manager.open('search', 'x');
      assert.strictEqual(manager.find('search', 'x'), process);
      assert.strictEqual(manager.get('search:x'), process);
      assert.strictEqual(manager.find('search', 'y'), undefined);
    });
  });

  module('close', function () {
    test('closing cancels what runs, runs teardown() once, destroys it and unstashes it', async function (assert) {
      const realtime = this.owner.lookup('service:realtime');
      const process = manager.open('gated', '1');
      assert.strictEqual(
        realtime.live.length,
        1,
        'initialize() is running and subscribed',
      );
      const next = manager.close(process);
      assert.strictEqual(next, null);
      assert.deepEqual(manager.processes, []);
      assert.strictEqual(manager.active, null);
      await settled();
      assert.true(isDestroyed(process), 'destroyed');
      assert.false(process.initTask.isRunning, 'initTask cancelled');
      assert.strictEqual(GatedProcess.teardowns, 1, 'teardown ran once');
      assert.strictEqual(
        realtime.live.length,
        0,
        'its subscription was released',
      );
      GatedProcess.release?.();
      await settled();
      assert.notStrictEqual(
        process.status,
        'ready',
        'a late resolve does not revive it',
      );
      assert.deepEqual(readStash()?.processes, []);
      assert.strictEqual(
        manager.close(process),
        null,
        'closing twice does nothing',
      );
      assert.strictEqual(GatedProcess.teardowns, 1);
    });

    test('a task instance returned by a hook is cancelled with the process', async function (assert) {
      const process = manager.open('polling', '1');
      await new Promise((resolve) => setTimeout(resolve, 30));
      const polls = PollingProcess.polls;
      assert.true(polls > 0, 'it polled');
      manager.close(process);
      await settled();
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.strictEqual(PollingProcess.polls, polls, 'polling stopped');
    });

    test('returns the right neighbour, else the left, and activates it when the active one closed', function (assert) {
      const [a, b, c] = ['a', 'b', 'c'].map((id) => manager.open('search', id));
      manager.activate(b!);
      assert.strictEqual(manager.close(b!), c, 'the right neighbour');
      assert.strictEqual(manager.active, c, 'and it is active');
      assert.strictEqual(manager.close('search:c'), a, 'else the left');
      assert.strictEqual(manager.close(a!), null);
      assert.strictEqual(manager.active, null);
    });

    test('closeAll, recentlyClosed and reopenClosed with its data', async function (assert) {
      manager.open('search', 'a', { data: { query: 'one' } });
      manager.open('search', 'b', { data: { query: 'two' } });
      manager.closeAll();
      assert.deepEqual(manager.processes, []);
      assert.deepEqual(
        manager.recentlyClosed.map((e) => e.key),
        ['search:a', 'search:b'],
        'newest first',
      );
      const reopened = manager.reopenClosed()!;
      assert.strictEqual(reopened.key, 'search:a');
      assert.deepEqual(reopened.data, { query: 'one' });
      assert.strictEqual(
        reopened.status,
        'restoring',
        'it restores rather than initializes',
      );
      assert.strictEqual(manager.active, reopened);
      assert.deepEqual(
        manager.recentlyClosed.map((e) => e.key),
        ['search:b'],
      );
      await settled();
      manager.closeAll();
    });
  });

  module('activate and move', function () {
    test('activate calls deactivated() on the old and activated() on the new', function (assert) {
      const calls: string[] = [];
      class Tracked extends Process {
        activated() {
          calls.push(`activated ${this.id}`);
        }
        deactivated() {
          calls.push(`deactivated ${this.id}`);
        }
      }
      this.owner.register('process:tracked', Tracked);
      const a = manager.open('tracked', 'a');
      manager.open('tracked', 'b');
      manager.activate(a);
      manager.activate(a);
      assert.deepEqual(calls, [
        'activated a',
        'deactivated a',
        'activated b',
        'deactivated b',
        'activated a',
      ]);
    });

    test('move reorders and clamps', function (assert) {
      ['a', 'b', 'c'].forEach((id) => manager.open('search', id));
      manager.move('search:a', 99);
      assert.deepEqual(
        manager.processes.map((p) => p.id),
        ['b', 'c', 'a'],
      );
      manager.move('search:a', -5);
      assert.deepEqual(
        manager.processes.map((p) => p.id),
        ['a', 'b', 'c'],
      );
      assert.throws(
        () => manager.move('search:a', Number.NaN),
        /integer index, not null/,
      );
    });
  });

  module('status, failure and retry', function () {
    test('a failing initialize() keeps its error; retry() runs it again', async function (assert) {
      FailingProcess.failures = 1;
      const process = manager.open('failing', '1');
      await settled();
      assert.strictEqual(process.status, 'failed');
      assert.strictEqual((process.error as Error).message, 'backend down');
      await assert.rejects(
        process.whenReady,
        /backend down/,
        'whenReady rejects with it',
      );
      void process.retry();
      await settled();
      assert.strictEqual(process.status, 'ready');
      assert.strictEqual(process.error, undefined);
      await process.whenReady;
      assert.strictEqual(
        process.retry(),
        undefined,
        'nothing to retry once ready',
      );
    });

    test('updateData merges and stashes; bad patches are refused', async function (assert) {
      const process = manager.open('conversation', '2');
      process.updateData({ draft: 'Hello' });
      await settled();
      assert.deepEqual(readStash()?.processes[0]?.data, { draft: 'Hello' });
      assert.throws(
        () => process.updateData('x' as never),
        /updateData of conversation:2 takes a plain object, not "x"/,
      );
    });
  });

  module('restore', function () {
    test('across two app instances: order, titles, data, active, and restore() rather than initialize()', async function (assert) {
      let first = await bootInstance();
      const before = managerOf(first);
      before.open('conversation', '3', { background: true });
      before.open('user', '4');
      before.open('search', '5', {
        background: true,
        data: { query: 'refund' },
      });
      before
        .find('conversation', '3')!
        .updateData({ draft: 'Typed before the refresh' });
      await settled();

      const second = await refresh(first);
      first = second;
      const after = managerOf(second);
      const log = second.lookup('service:activity-log');
      const realtime = second.lookup('service:realtime');
      assert.deepEqual(after.processes, [], 'nothing before restore()');
      const restoring = after.restore();
      assert.strictEqual(
        after.restore(),
        restoring,
        'later calls return the same promise',
      );
      await restoring;
      assert.true(after.isRestored);
      assert.deepEqual(
        after.processes.map((p) => p.key),
        ['conversation:3', 'user:4', 'search:5'],
        'in order',
      );
      assert.deepEqual(
        after.processes.map((p) => p.title),
        ['#3 Shipping delay', 'Barbara Liskov', 'Search: refund'],
        'titles shown at once, before restore() finished',
      );
      assert.strictEqual(after.processes[0]!.status, 'restoring');
      assert.strictEqual(after.active?.key, 'user:4');
      assert.deepEqual(after.find('conversation', '3')!.data, {
        draft: 'Typed before the refresh',
      });
      await settled();
      assert.strictEqual(
        log.count('conversation:3', 'restore'),
        1,
        'restore() ran',
      );
      assert.strictEqual(
        log.count('conversation:3', 'initialize'),
        0,
        'initialize() did not',
      );
      assert.strictEqual(
        realtime.liveFor('conversation:3'),
        1,
        're-subscribed',
      );
      destroy(second);
      await settled();
    });

    test('open() before restore() with the key in the stash makes one process, with its stashed data', async function (assert) {
      const first = await bootInstance();
      managerOf(first).open('conversation', '8', {
        data: { draft: 'keep me' },
      });
      managerOf(first).open('conversation', '9', { background: true });
      await settled();
      const second = await refresh(first);
      const after = managerOf(second);
      const log = second.lookup('service:activity-log');
      const opened = after.open('conversation', '8');
      await after.restore();
      assert.deepEqual(
        after.processes.map((p) => p.key),
        ['conversation:8', 'conversation:9'],
        'one process per key, stash order',
      );
      assert.strictEqual(after.find('conversation', '8'), opened);
      assert.deepEqual(
        opened.data,
        { draft: 'keep me' },
        'nothing typed was lost',
      );
      await settled();
      assert.strictEqual(log.count('conversation:8', 'restore'), 1);
      assert.strictEqual(log.count('conversation:8', 'initialize'), 0);
      destroy(second);
      await settled();
    });

    test('destroying the app destroys its processes but keeps the stash', async function (assert) {
      const instance = await bootInstance();
      instance.register('process:gated', GatedProcess);
      const process = managerOf(instance).open('gated', '1');
      GatedProcess.release?.();
      destroy(instance);
      await settled();
      assert.true(isDestroyed(process));
      assert.strictEqual(GatedProcess.teardowns, 1, 'teardown ran');
      assert.deepEqual(
        readStash()?.processes.map((p) => p.id),
        ['1'],
        'still stashed',
      );
    });

    test('an unreadable stash warns once and loses only its bad entries', async function (assert) {
      const first = await bootInstance();
      managerOf(first).open('search', 'ok');
      await settled();
      destroy(first);
      await settled();
      const stash = readStash()!;
      writeStashText(
        JSON.stringify({
          ...stash,
          processes: [
            ...stash.processes,
            { type: 'gone', id: '1' },
            { type: '__proto__', id: '2' },
          ],
        }),
      );
      const second = await bootInstance();
      const after = managerOf(second);
      const warnings: string[][] = [];
      after.warn = (message: string, details: readonly string[] = []) =>
        void warnings.push([message, ...details]);
      await after.restore();
      assert.deepEqual(
        after.processes.map((p) => p.key),
        ['search:ok'],
        'the good entry came back',
      );
      assert.strictEqual(warnings.length, 1, 'warned once');
      assert.true(warnings[0]![0]!.includes('dropped 2'), warnings[0]![0]);
      assert.strictEqual(
        ({} as Record<string, unknown>)['id'],
        undefined,
        'no prototype touched',
      );
      destroy(second);
      await settled();
    });

    test('text that is not JSON boots with no processes and a warning', async function (assert) {
      writeStashText('{"version":1,"processes":[{"type":"search"');
      const instance = await bootInstance();
      const after = managerOf(instance);
      const warnings: string[] = [];
      after.warn = (message: string) => void warnings.push(message);
      await after.restore();
      assert.deepEqual(after.processes, []);
      assert.strictEqual(warnings.length, 1);
      after.open('search', 'new');
      await settled();
      assert.deepEqual(
        readStash()?.processes.map((p) => p.id),
        ['new'],
        'the next write works',
      );
      destroy(instance);
      await settled();
    });
  });
});
