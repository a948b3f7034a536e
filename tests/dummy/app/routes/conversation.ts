import Route from '@ember/routing/route';
import { service } from '@ember/service';
import type { ProcessManagerService } from 'ember-process-manager';

export default class ConversationRoute extends Route {
  @service('process-manager') declare processManager: ProcessManagerService;

  model({ id }: { id: string }) {
    return this.processManager.open('conversation', id);
  }
}
