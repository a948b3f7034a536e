/**
 * Emits the addon's `.d.ts` files into declarations/ (the `prepack` script).
 *
 * `tsc --project tsconfig.declarations.json` cannot do it once the addon has
 * `.gts` components: tsc does not read them, so `export … from
 * './components/process-tabs'` fails with TS2307. Glint 1 can, but its CLI
 * only reads a file named `tsconfig.json` (`--project` takes a folder), which
 * here has no `declarationDir` and would write `.d.ts` files next to every
 * source file. So this runs Glint's own check-and-emit with the Glint config
 * of tsconfig.json (its environments) pointed at tsconfig.declarations.json.
 *
 * Usage: node scripts/test-host/emit-declarations.mjs [tsconfig file]
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const project = resolve(process.argv[2] ?? 'tsconfig.declarations.json');
const require = createRequire(join(dirname(project), 'package.json'));
const glintLib = dirname(require.resolve('@glint/core'));
const load = (file) => import(pathToFileURL(join(glintLib, file)).href);

const { loadConfig } = await load('config/index.js');
const { determineOptionsToExtend } = await load('cli/options.js');
const { performCheck } = await load('cli/perform-check.js');

// The Glint config of the nearest tsconfig.json (same folder), aimed at ours.
const glintConfig = loadConfig(dirname(project));
if (
  dirname(glintConfig.configPath) !== dirname(project).replaceAll('\\', '/')
) {
  throw new Error(
    `${project} must sit beside the tsconfig.json that has the Glint config`,
  );
}
glintConfig.configPath = project.replaceAll('\\', '/');

// Checks, emits declarations only, prints diagnostics and exits 0 or 1.
performCheck(glintConfig, determineOptionsToExtend({ declaration: true }));
