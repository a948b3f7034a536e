'use strict';

// The compatibility matrix: the addon's whole QUnit suite (`ember test`)
// against each supported ember-source line.
//
// Versions are pinned ranges that the npm registry serves. The blueprint's
// release/beta/canary scenarios (ember-source-channel-url) need a host outside
// the package registries and are left out, and so are the
// embroiderSafe/embroiderOptimized scenarios, which do not build with
// ember-source 7 (Embroider is tested in a Vite host app instead).
//
// Run with `npm run test:compat` (ember try:each). ember-try rewrites
// package.json and node_modules while it runs and restores them at the end.

module.exports = async function () {
  return {
    packageManager: 'npm',
    command: 'ember test',
    // A scenario installs without the lockfile (its pins would clash with the
    // scenario's versions); the restore at the end installs from the restored
    // lockfile, so node_modules ends up as `npm ci` made it, not re-resolved.
    buildManagerOptions(dependencySet) {
      const quiet = ['--no-audit', '--no-fund'];
      return dependencySet ? ['--no-package-lock', ...quiet] : quiet;
    },
    scenarios: [
      {
        // The oldest ember-source the addon supports (peerDependencies).
        name: 'ember-lts-5.12',
        npm: {
          devDependencies: {
            'ember-source': '~5.12.0',
            // ember-source 5.12 asks for @glimmer/component ^1.1.2 as a peer.
            '@glimmer/component': '^1.1.2',
          },
        },
      },
      {
        // The newest 6.x line tagged LTS.
        name: 'ember-lts-6.8',
        npm: {
          devDependencies: {
            'ember-source': '~6.8.0',
          },
        },
      },
      {
        // The current release, as in package.json.
        name: 'ember-7.3',
        npm: {
          devDependencies: {
            'ember-source': '~7.3.0',
          },
        },
      },
    ],
  };
};
