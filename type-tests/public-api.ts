// Compiled by the type check (glint), never run: the public types, pinned.
import type {
  ClosedProcess,
  JSONObject,
  OpenOptions,
  Process,
  ProcessManagerService,
  ProcessStatus,
} from 'ember-process-manager';
import type ConversationProcess from 'dummy/processes/conversation';
import type { TaskInstance } from 'ember-concurrency';
import type { Registry } from '@ember/service';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;
function expectTrue<T extends true>(): T | void {}

declare const manager: ProcessManagerService;

// The registry makes open() and find() return the registered class.
const conversation = manager.open('conversation', '1', {
  background: true,
  data: { draft: 'hi' },
});
expectTrue<Equal<typeof conversation, ConversationProcess>>();
expectTrue<Equal<typeof conversation.data, { draft?: string }>>();
export const found = manager.find('conversation', '1');
expectTrue<Equal<typeof found, ConversationProcess | undefined>>();

// @ts-expect-error a registered type's data is checked
manager.open('conversation', '1', { data: { draft: 1 } });

// An unregistered type name is still allowed, as a plain Process.
expectTrue<Equal<ReturnType<typeof manager.get>, Process | undefined>>();
export const unregistered = manager.open('anything', '1');
expectTrue<Equal<typeof unregistered, Process>>();
expectTrue<Equal<typeof unregistered.status, ProcessStatus>>();
expectTrue<
  Equal<
    ProcessStatus,
    'initializing' | 'restoring' | 'ready' | 'failed' | 'hibernated'
  >
>();

expectTrue<Equal<typeof manager.processes, readonly Process[]>>();
expectTrue<Equal<typeof manager.active, Process | null>>();
expectTrue<Equal<ReturnType<typeof manager.close>, Process | null>>();
expectTrue<Equal<ReturnType<typeof manager.restore>, Promise<void>>>();
expectTrue<
  Equal<ReturnType<typeof manager.reopenClosed>, Process | undefined>
>();
expectTrue<Equal<typeof manager.recentlyClosed, readonly ClosedProcess[]>>();
expectTrue<Equal<OpenOptions['background'], boolean | undefined>>();
expectTrue<
  Equal<ReturnType<Process['retry']>, TaskInstance<void> | undefined>
>();
expectTrue<Equal<Process['whenReady'], Promise<void>>>();
expectTrue<Equal<Process['data'], JSONObject>>();

// The service registry entry makes @service('process-manager') typed.
expectTrue<Equal<Registry['process-manager'], ProcessManagerService>>();

// @ts-expect-error identity is read-only
conversation.key = 'x';
