'use strict';

const TYPE_PATTERN = /^[a-z][a-z0-9-]*$/;

module.exports = {
  description:
    'Generates a process type (app/processes/<name>.ts) and its unit test.',

  normalizeEntityName(entityName) {
    if (!TYPE_PATTERN.test(entityName ?? '')) {
      throw new Error(
        `ember-process-manager: invalid process type ${JSON.stringify(entityName)}: a type is a string matching ${TYPE_PATTERN}`,
      );
    }
    return entityName;
  },

  locals(options) {
    const name = options.entity.name;
    const classified = name
      .split('-')
      .map((part) => part[0].toUpperCase() + part.slice(1))
      .join('');
    const modulePrefix = options.dummy
      ? 'dummy'
      : options.project.config().modulePrefix;
    return { className: `${classified}Process`, modulePrefix };
  },
};
