export { default } from 'ember-process-manager/services/process-manager';
