import Route from '@ember/routing/route';
import SessionRouteMixin from 'ember-process-manager/mixins/session-route';

/** The seed's SessionRoute: restores the stashed processes before any child loads. */
export default class ApplicationRoute extends Route.extend(SessionRouteMixin) {}
