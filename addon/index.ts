export { default as Process } from './process';
export type {
  ProcessStatus,
  ProcessArgs,
  HookResult,
  HookTask,
} from './process';
export type {
  default as ProcessManagerService,
  OpenOptions,
  ClosedProcess,
} from './services/process-manager';
export type { ProcessRegistry } from './registry';
export type { ProcessManagerConfig } from './-private/config';
export type { JSONObject, JSONValue } from './-private/json';
export { default as ProcessTabs } from './components/process-tabs';
export { default as openProcess } from './modifiers/open-process';
