import EmberRouter from '@ember/routing/router';
import config from 'dummy/config/environment';

export default class Router extends EmberRouter {
  location = config.locationType;
  rootURL = config.rootURL;
}

Router.map(function () {
  this.route('conversation', { path: '/conversation/:id' });
  this.route('user', { path: '/user/:id' });
  this.route('search', { path: '/search/:id' });
  this.route('bench');
});
