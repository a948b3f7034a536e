import Route from '@ember/routing/route';
import { service } from '@ember/service';
import type { ProcessManagerService } from 'ember-process-manager';

export default class SearchRoute extends Route {
  @service('process-manager') declare processManager: ProcessManagerService;

  model({ id }: { id: string }) {
    return this.processManager.open('search', id);
  }
}
