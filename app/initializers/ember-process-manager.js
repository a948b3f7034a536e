export {
  default,
  initialize,
} from 'ember-process-manager/initializers/ember-process-manager';
