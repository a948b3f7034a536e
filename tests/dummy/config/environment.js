'use strict';

module.exports = function (environment) {
  const ENV = {
    modulePrefix: 'dummy',
    environment,
    rootURL: '/',
    locationType: 'history',
    EmberENV: {
      EXTEND_PROTOTYPES: false,
      FEATURES: {
        // Here you can enable experimental features on an ember canary build
        // e.g. EMBER_NATIVE_DECORATOR_SUPPORT: true
      },
    },

    APP: {
      // The demo's data: 'http' calls the API of server/ (served by
      // `ember serve`), 'memory' answers from seeded records in the page.
      // DEMO_BACKEND=memory builds a demo that needs no server.
      demoBackend: process.env.DEMO_BACKEND === 'memory' ? 'memory' : 'http',
      demoApi: '/api',
    },
  };

  if (environment === 'development') {
    // The demo keeps at most 5 processes live: open a sixth in the
    // background and the least recently shown one hibernates.
    ENV['ember-process-manager'] = { maxLiveProcesses: 5 };
    // ENV.APP.LOG_RESOLVER = true;
    // ENV.APP.LOG_ACTIVE_GENERATION = true;
    // ENV.APP.LOG_TRANSITIONS = true;
    // ENV.APP.LOG_TRANSITIONS_INTERNAL = true;
    // ENV.APP.LOG_VIEW_LOOKUPS = true;
  }

  if (environment === 'test') {
    // Testem prefers this...
    ENV.locationType = 'none';

    // keep test console output quieter
    ENV.APP.LOG_ACTIVE_GENERATION = false;
    ENV.APP.LOG_VIEW_LOOKUPS = false;

    ENV.APP.rootElement = '#ember-testing';
    // No server/ middleware runs under `ember test`: deterministic, in memory.
    ENV.APP.demoBackend = 'memory';
    ENV.APP.autoboot = false;
  }

  if (environment === 'production') {
    // here you can enable a production-specific feature
  }

  return ENV;
};
