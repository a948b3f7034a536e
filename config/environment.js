'use strict';

// The addon's defaults, merged by ember-cli into the host app's config;
// what the host app sets under the same key wins.
module.exports = function (/* environment, appConfig */) {
  return {
    'ember-process-manager': {
      maxLiveProcesses: null,
      restoreConcurrency: 4,
      recentlyClosedLimit: 25,
      restoreOnDemand: false,
    },
  };
};
