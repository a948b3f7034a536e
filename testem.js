'use strict';

const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');

// Debian ships Chromium, not Chrome, and testem names the two launchers apart.
function installedBrowser() {
  const has = (cmd) => {
    try {
      execSync(`command -v ${cmd}`, { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (['google-chrome', 'google-chrome-stable', 'chrome'].some(has))
    return 'Chrome';
  if (
    existsSync('/usr/bin/chromium') ||
    ['chromium', 'chromium-browser'].some(has)
  ) {
    return 'Chromium';
  }
  return 'Chrome';
}

const browser = installedBrowser();
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

module.exports = {
  test_page: 'tests/index.html?hidepassed',
  disable_watching: true,
  launch_in_ci: [browser],
  launch_in_dev: [browser],
  browser_start_timeout: 120,
  // A busy 2-core CI machine can starve the browser for a while: not a failure.
  browser_disconnect_timeout: 60,
  browser_args: {
    [browser]: {
      ci: [
        process.env.CI || isRoot ? '--no-sandbox' : null,
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-software-rasterizer',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--mute-audio',
        '--remote-debugging-port=0',
        '--window-size=1440,900',
      ].filter(Boolean),
    },
  },
};
