// Installed by bench/run.mjs with page.addInitScript: it runs in every page
// before any of the page's own scripts.
//
// 1. Counts sessionStorage writes. ember-local-storage writes with
//    `storage[key] = json`, which does not call setItem, so window.sessionStorage
//    becomes a Proxy that counts assignments, and Storage.prototype.setItem
//    counts calls on the real sessionStorage. ember-local-storage keeps the
//    storage it first sees: this must be in place before the app boots.
// 2. On DOMContentLoaded (before Ember's own listener, which boots the app),
//    lets dummy/bench/boot register the benchmark's process types and time
//    the first restore().
(function () {
  'use strict';
  let real;
  try {
    real = window.sessionStorage;
  } catch {
    return;
  }
  const counter = { writes: 0, byKey: Object.create(null) };
  const count = (key) => {
    counter.writes++;
    counter.byKey[key] = (counter.byKey[key] || 0) + 1;
  };

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (this === real) count(String(key));
    return setItem.call(this, key, value);
  };

  const proxy = new Proxy(real, {
    get(target, key) {
      const value = target[key];
      return typeof value === 'function' ? value.bind(target) : value;
    },
    set(target, key, value) {
      if (typeof key === 'string') count(key);
      target[key] = value;
      return true;
    },
    deleteProperty(target, key) {
      delete target[key];
      return true;
    },
  });
  Object.defineProperty(window, 'sessionStorage', {
    configurable: true,
    enumerable: true,
    get: () => proxy,
  });
  window.__benchStorage = counter;

  document.addEventListener('DOMContentLoaded', () => {
    const loader = window.requirejs;
    if (typeof loader === 'function' && loader.has('dummy/bench/boot')) {
      loader('dummy/bench/boot').instrumentBoot();
    }
  });
})();
