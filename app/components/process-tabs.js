export { default } from 'ember-process-manager/components/process-tabs';
