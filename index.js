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
};
