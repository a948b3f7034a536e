import { service } from '@ember/service';
import { tracked } from '@glimmer/tracking';
import { Process } from 'ember-process-manager';
import type BackendService from 'dummy/services/backend';
import type { User } from 'dummy/services/backend';
import type ActivityLogService from 'dummy/services/activity-log';

/** A user's tab: their details and their conversations. */
export default class UserProcess extends Process {
  @service declare backend: BackendService;
  @service('activity-log') declare log: ActivityLogService;
  @tracked user?: User;

  get title(): string {
    return this.user?.name ?? super.title;
  }

  async initialize(): Promise<void> {
    this.log.record(this.key, 'initialize');
    this.user = await this.backend.user(this.id);
  }
}

declare module 'ember-process-manager/registry' {
  interface ProcessRegistry {
    user: UserProcess;
  }
}
