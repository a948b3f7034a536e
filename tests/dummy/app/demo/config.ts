import config from 'dummy/config/environment';

/**
 * Where the demo's data comes from (tests/dummy/config/environment.js):
 * `'http'`, the API of server/, or `'memory'`, seeded records in the page.
 */
export const demoBackend: 'http' | 'memory' =
  config.APP['demoBackend'] === 'memory' ? 'memory' : 'http';

/** The base URL of server/'s API. */
export const demoApi: string =
  typeof config.APP['demoApi'] === 'string' ? config.APP['demoApi'] : '/api';
