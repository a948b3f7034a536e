export { default } from 'ember-process-manager/modifiers/open-process';
