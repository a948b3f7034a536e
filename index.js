'use strict';

module.exports = {
  name: require('./package').name,

  options: {
    'ember-cli-babel': { enableTypeScriptTransform: true },
    // ember-concurrency 4+ is a v2 addon: whoever compiles `task(async () => …)`
    // must run its transform, and a host app compiles this addon's code.
    babel: {
      plugins: [
        require.resolve('ember-concurrency/async-arrow-task-transform'),
      ],
    },
  },

  // The tab bar's layout, as a vendor stylesheet rather than addon/styles:
  // compiling addon styles runs every child addon's postprocessTree, and in a
  // Vite + Embroider app a shared v2 addon (ember-modifier, ember-concurrency)
  // there throws "needs to depend on ember-auto-import".
  included(...args) {
    this._super.included.apply(this, args);
    this.import('vendor/ember-process-manager.css');
  },
};
