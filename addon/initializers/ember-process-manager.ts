import type Application from '@ember/application';

interface ResolverWithPlurals {
  pluralizedTypes?: Record<string, string>;
}

/**
 * ember-resolver looks a type up in its name plus "s": `process:` in
 * `app/processs/`. Point it at `app/processes/` in every host app, classic or
 * Embroider, before anything resolves a process.
 */
export function initialize(application: Application): void {
  const registry = (
    application as unknown as {
      __registry__?: { resolver?: ResolverWithPlurals };
    }
  ).__registry__;
  const plurals = registry?.resolver?.pluralizedTypes;
  if (plurals && (plurals['process'] ?? 'processs') === 'processs')
    plurals['process'] = 'processes';
}

export default { initialize };
