import { describe, isPlainObject } from './json';
import { error } from './identity';

/** `ENV['ember-process-manager']` of the host app; every key optional. */
export interface ProcessManagerConfig {
  /** Background processes beyond it are hibernated, least recently active first. */
  maxLiveProcesses: number | null;
  /** Restore tasks running at once after a refresh; the active one goes first. */
  restoreConcurrency: number;
  /** How many closed processes `reopenClosed()` can bring back. */
  recentlyClosedLimit: number;
  /** After a refresh, restore only the active process; the others wait, hibernated, until activated. */
  restoreOnDemand: boolean;
}

export const DEFAULT_CONFIG: Readonly<ProcessManagerConfig> = Object.freeze({
  maxLiveProcesses: null,
  restoreConcurrency: 4,
  recentlyClosedLimit: 25,
  restoreOnDemand: false,
});

export function readConfig(raw: unknown): ProcessManagerConfig {
  if (raw === undefined || raw === null) return { ...DEFAULT_CONFIG };
  if (!isPlainObject(raw)) {
    throw error(
      `ENV['ember-process-manager'] must be an object, not ${describe(raw)}`,
    );
  }
  const config = { ...DEFAULT_CONFIG };
  for (const [name, value] of Object.entries(raw)) {
    if (!Object.hasOwn(DEFAULT_CONFIG, name)) {
      throw error(`unknown configuration key ${describe(name)}`);
    }
    if (name === 'restoreOnDemand') {
      if (typeof value !== 'boolean') {
        throw error(
          `configuration restoreOnDemand must be a boolean, not ${describe(value)}`,
        );
      }
      (config as Record<string, unknown>)[name] = value;
      continue;
    }
    const nullable = name === 'maxLiveProcesses';
    const valid =
      (nullable && value === null) ||
      (Number.isInteger(value) &&
        (value as number) >= (name === 'recentlyClosedLimit' ? 0 : 1));
    if (!valid) {
      throw error(
        `configuration ${name} must be a positive integer${nullable ? ' or null' : ''}, not ${describe(value)}`,
      );
    }
    (config as Record<string, unknown>)[name] = value;
  }
  return config;
}
