import Route from '@ember/routing/route';
// eslint-disable-next-line ember/no-mixins -- the demo shows the mixin the design asks for
import SessionRouteMixin from 'ember-process-manager/mixins/session-route';

/** The seed's SessionRoute: restores the stashed processes before any child loads. */
export default class ApplicationRoute extends Route.extend(SessionRouteMixin) {}
