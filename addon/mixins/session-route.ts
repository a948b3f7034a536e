import Mixin from '@ember/object/mixin';
import { service } from '@ember/service';
import type ProcessManagerService from '../services/process-manager';

/**
 * For the route that wraps the signed-in part of the app: restores the
 * stashed processes before its children load.
 *
 * ```ts
 * import Route from '@ember/routing/route';
 * import SessionRouteMixin from 'ember-process-manager/mixins/session-route';
 *
 * export default class SessionRoute extends Route.extend(SessionRouteMixin) {}
 * ```
 */
// The design asks for a mixin; `await processManager.restore()` in beforeModel is the same.
// eslint-disable-next-line ember/no-new-mixins
const SessionRouteMixin = Mixin.create({
  processManager: service('process-manager'),

  beforeModel(...args: unknown[]): unknown {
    // restore() creates the processes synchronously; only their restore tasks go on.
    const restored = (
      this as unknown as { processManager: ProcessManagerService }
    ).processManager.restore();
    const own = (
      this as unknown as { _super(...a: unknown[]): unknown }
    )._super(...args);
    return Promise.all([restored, own]);
  },
});

export default SessionRouteMixin;
