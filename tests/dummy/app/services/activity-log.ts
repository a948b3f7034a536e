import Service from '@ember/service';

export type Hook = 'initialize' | 'restore' | 'teardown';

/** Which process hooks ran, per key: the demo's tests count them. */
export default class ActivityLogService extends Service {
  entries: { key: string; hook: Hook }[] = [];

  record(key: string, hook: Hook): void {
    this.entries.push({ key, hook });
  }

  count(key: string, hook: Hook): number {
    return this.entries.filter((e) => e.key === key && e.hook === hook).length;
  }
}

declare module '@ember/service' {
  interface Registry {
    'activity-log': ActivityLogService;
  }
}
