import { module, test } from 'qunit';
import fc from 'fast-check';
import Service, { service } from '@ember/service';
/* eslint-disable ember/no-runloop -- one run loop per step: its stash write and destructors happen in it */
import { run } from '@ember/runloop';
import {
  assertDestroyablesDestroyed,
  enableDestroyableTracking,
} from '@ember/destroyable';
import { setupTest } from 'dummy/tests/helpers';
import { freshManager, unload } from 'dummy/tests/helpers/fresh-manager';
import { readStash, writeStashText } from 'ember-process-manager/test-support';
import { Process, type ProcessManagerService } from 'ember-process-manager';
import type { TestContext } from '@ember/test-helpers';

/** How many random sequences one run checks (the issue asks for at least 1,000). */
const SEQUENCES = 1000;

/** Counts live subscriptions per key, as a realtime service would. */
class Channels extends Service {
  live = new Map<string, number>();
  add(key: string) {
    this.live.set(key, (this.live.get(key) ?? 0) + 1);
  }
  remove(key: string) {
    const n = (this.live.get(key) ?? 0) - 1;
    if (n > 0) this.live.set(key, n);
    else this.live.delete(key);
  }
}

class WatchedProcess extends Process {
  @service('test-channels') declare channels: Channels;
  #subscribed = false;
  initialize() {
    this.#subscribe();
  }
  restore() {
    this.#subscribe();
  }
  teardown() {
    if (this.#subscribed) this.channels.remove(this.key);
  }
  #subscribe() {
    if (!this.#subscribed) this.channels.add(this.key);
    this.#subscribed = true;
  }
}

interface Entry {
  key: string;
  data: Record<string, number>;
}
interface Model {
  open: Entry[];
  active: string | null;
  closed: Entry[];
}
interface Real {
  manager: ProcessManagerService;
  channels: Channels;
  fresh: () => ProcessManagerService;
}

const ids = fc.constantFrom('1', '2', '3', '4', '5', '6');
const types = fc.constantFrom('watched', 'other');
const at = fc.nat({ max: 9 });

function step(real: Real, action: () => void) {
  run(action);
  check(real);
}

let model: Model;

function check({ manager, channels }: Real) {
  const keys = manager.processes.map((p) => p.key);
  const expected = model.open.map((e) => e.key);
  if (new Set(keys).size !== keys.length)
    throw new Error(`duplicate keys: ${keys.join()}`);
  if (keys.join() !== expected.join())
    throw new Error(`tabs ${keys.join()} != model ${expected.join()}`);
  if ((manager.active?.key ?? null) !== model.active) {
    throw new Error(`active ${manager.active?.key} != model ${model.active}`);
  }
  const stash = readStash();
  const stashed = (stash?.processes ?? []).map(
    (p) => `${p.type}:${p.id}=${JSON.stringify(p.data ?? {})}`,
  );
  const modelled = model.open.map((e) => `${e.key}=${JSON.stringify(e.data)}`);
  if (stashed.join() !== modelled.join())
    throw new Error(`stash ${stashed.join()} != model ${modelled.join()}`);
  if ((stash?.active ?? null) !== model.active)
    throw new Error(`stashed active ${stash?.active} != ${model.active}`);
  for (const [i, process] of manager.processes.entries()) {
    if (JSON.stringify(process.data) !== JSON.stringify(model.open[i]!.data)) {
      throw new Error(`data of ${process.key} differs`);
    }
  }
  const live = [...channels.live.entries()].map(([k, n]) => `${k}×${n}`).sort();
  const want = model.open.map((e) => `${e.key}×1`).sort();
  if (live.join() !== want.join())
    throw new Error(`live subscriptions ${live.join()} != ${want.join()}`);
}

const commands = [
  fc
    .tuple(types, ids, fc.boolean())
    .map(([type, id, background]): fc.Command<Model, Real> => ({
      check: () => true,
      run(_m, real) {
        const key = `${type}:${id}`;
        if (!model.open.some((e) => e.key === key))
          model.open.push({ key, data: {} });
        if (!background) model.active = key;
        step(real, () => real.manager.open(type, id, { background }));
      },
      toString: () =>
        `open(${type}, ${id}, ${background ? 'background' : 'foreground'})`,
    })),
  at.map((i): fc.Command<Model, Real> => ({
    check: () => model.open.length > 0,
    run(_m, real) {
      const entry = model.open[i % model.open.length]!;
      model.active = entry.key;
      step(real, () => real.manager.activate(entry.key));
    },
    toString: () => `activate(#${i})`,
  })),
  at.map((i): fc.Command<Model, Real> => ({
    check: () => model.open.length > 0,
    run(_m, real) {
      const index = i % model.open.length;
      const [entry] = model.open.splice(index, 1);
      const next = model.open[index] ?? model.open[index - 1] ?? null;
      model.closed = [
        entry!,
        ...model.closed.filter((e) => e.key !== entry!.key),
      ].slice(0, 25);
      if (model.active === entry!.key) model.active = next?.key ?? null;
      let returned: string | null | undefined;
      step(
        real,
        () => (returned = real.manager.close(entry!.key)?.key ?? null),
      );
      if (returned !== (next?.key ?? null))
        throw new Error(`close returned ${returned}, not ${next?.key}`);
    },
    toString: () => `close(#${i})`,
  })),
  fc.tuple(at, at).map(([i, j]): fc.Command<Model, Real> => ({
    check: () => model.open.length > 0,
    run(_m, real) {
      const from = i % model.open.length;
      const to = Math.min(j, model.open.length - 1);
      const [entry] = model.open.splice(from, 1);
      model.open.splice(to, 0, entry!);
      step(real, () => real.manager.move(entry!.key, j));
    },
    toString: () => `move(#${i}, ${j})`,
  })),
  fc
    .tuple(at, fc.constantFrom('a', 'b'), fc.nat({ max: 99 }))
    .map(([i, field, value]): fc.Command<Model, Real> => ({
      check: () => model.open.length > 0,
      run(_m, real) {
        const entry = model.open[i % model.open.length]!;
        entry.data = { ...entry.data, [field]: value };
        step(real, () =>
          real.manager.get(entry.key)!.updateData({ [field]: value }),
        );
      },
      toString: () => `updateData(#${i}, {${field}: ${value}})`,
    })),
  fc.constant<fc.Command<Model, Real>>({
    check: () => true,
    run(_m, real) {
      const [entry, ...rest] = model.closed;
      if (entry) {
        model.closed = rest;
        if (!model.open.some((e) => e.key === entry.key))
          model.open.push(entry);
        model.active = entry.key;
      }
      step(real, () => real.manager.reopenClosed());
    },
    toString: () => 'reopenClosed()',
  }),
  fc.constant<fc.Command<Model, Real>>({
    check: () => true,
    run(_m, real) {
      // A refresh: this page's manager goes, a new one restores the stash.
      model.closed = [];
      unload(real.manager);
      real.manager = real.fresh();
      step(real, () => void real.manager.restore());
    },
    toString: () => 'refresh()',
  }),
];

module('Unit | Service | process-manager | against a model', function (hooks) {
  setupTest(hooks);

  hooks.beforeEach(function (this: TestContext) {
    this.owner.register('service:test-channels', Channels);
    this.owner.register('process:watched', WatchedProcess);
    this.owner.register(
      'process:other',
      class OtherProcess extends WatchedProcess {},
    );
  });

  test(`${SEQUENCES} random sequences of open, activate, close, move, updateData, reopenClosed and refresh match a plain model`, function (assert) {
    const owner = this.owner;
    const channels = owner.lookup('service:test-channels') as Channels;
    let sequences = 0;
    let steps = 0;

    fc.assert(
      fc.property(
        fc.commands(commands, { maxCommands: 40, size: 'medium' }),
        (cmds) => {
          model = { open: [], active: null, closed: [] };
          channels.live.clear();
          enableDestroyableTracking!(); // debug builds (tests) define it
          writeStashText(undefined); // every sequence starts from an empty stash
          const real: Real = {
            manager: freshManager(owner),
            channels,
            fresh: () => freshManager(owner),
          };
          try {
            fc.modelRun(() => ({ model, real }), cmds);
            steps += [...cmds].length;
          } finally {
            unload(real.manager);
            // The page is gone: nothing it made may be left undestroyed.
            assertDestroyablesDestroyed!();
          }
          if (channels.live.size > 0)
            throw new Error('subscriptions outlived the app');
          sequences++;
        },
      ),
      { numRuns: SEQUENCES, includeErrorInReport: true },
    );

    assert.strictEqual(
      sequences,
      SEQUENCES,
      `${SEQUENCES} sequences matched the model`,
    );
    assert.true(
      steps >= 10 * SEQUENCES,
      `long enough to mean something: ${steps} steps`,
    );
  });
});
