import type Owner from '@ember/owner';
import { tracked } from '@glimmer/tracking';
import { task } from 'ember-concurrency';
import { Process } from 'ember-process-manager';

/** A promise the benchmark settles when it chooses. */
export class Gate {
  promise: Promise<void>;
  open!: () => void;

  constructor() {
    this.promise = new Promise((resolve) => (this.open = resolve));
  }
}

/**
 * The trivial type: nothing to load, ready as soon as its task runs. Its tab
 * links to the benchmark page (the demo has no route per benchmark type).
 */
export class BenchProcess extends Process {
  get route(): string {
    return 'bench';
  }

  get routeModels(): unknown[] {
    return [];
  }
}

let restoreGate = new Gate();

/** Lets every waiting `bench-slow` restore finish, and arms a new gate. */
export function openRestoreGate(): void {
  restoreGate.open();
  restoreGate = new Gate();
}

/**
 * Restores until the benchmark opens the gate, so that the tab bar is
 * measured with its restore tasks running.
 */
export class BenchSlowProcess extends BenchProcess {
  restore(): Promise<void> {
    return restoreGate.promise;
  }
}

const initGates = new Map<string, Gate>();

/** The gate that the `bench-gated` process of this id initializes behind. */
export function initGate(id: string): Gate {
  let gate = initGates.get(id);
  if (!gate) initGates.set(id, (gate = new Gate()));
  return gate;
}

export function clearInitGates(): void {
  for (const gate of initGates.values()) gate.open();
  initGates.clear();
}

/** Initializes until the benchmark opens its gate: one status change on demand. */
export class BenchGatedProcess extends BenchProcess {
  initialize(): Promise<void> {
    return initGate(this.id).promise;
  }
}

const TYPES = {
  bench: BenchProcess,
  'bench-slow': BenchSlowProcess,
  'bench-gated': BenchGatedProcess,
};

const registered = new WeakSet<Owner>();

/** The benchmark's process types, registered at run time: the demo's own stay as they are. */
export function registerBenchTypes(owner: Owner): void {
  if (registered.has(owner)) return;
  registered.add(owner);
  for (const [name, Class] of Object.entries(TYPES)) {
    owner.register(`process:${name}`, Class);
  }
}

/**
 * The framework floor, the least any design on this stack does per process:
 * an owner-injected object with one tracked property, made a destroyable
 * child, with one ember-concurrency task performed on it.
 */
export class FloorObject {
  @tracked status = 'initializing';

  readonly type: string;
  readonly id: string;

  constructor(type: string, id: string) {
    this.type = type;
    this.id = id;
  }

  task = task(async () => {
    await Promise.resolve();
    this.status = 'ready';
  });
}

/** The plain-JavaScript floor: a plain class instance per process. */
export class PlainObject {
  status = 'initializing';
  readonly type: string;
  readonly id: string;
  readonly key: string;

  constructor(type: string, id: string) {
    this.type = type;
    this.id = id;
    this.key = `${type}:${id}`;
  }
}
