#!/usr/bin/env node
// Builds the atlas (apps/web) into apps/web/dist when dist is missing or older than its sources;
// otherwise returns at once. `--force` always builds. Used by `npm start` and the browser tests.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'apps/web');
const dist = join(web, 'dist');
const force = process.argv.includes('--force');

/** Files whose change always needs a build, besides those recorded in dist/build-inputs.json. */
function fixedInputs() {
  return [
    join(web, 'index.html'),
    join(web, 'wegweiser.html'),
    join(web, 'redaktion.html'),
    join(web, 'admin.html'),
    join(web, 'vite.config.ts'),
    join(web, 'package.json'),
    join(root, 'package-lock.json'),
    ...listFiles(join(web, 'src')),
  ];
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Why a build is needed, or null when dist is up to date. */
export function staleReason() {
  const index = join(dist, 'index.html');
  const manifest = join(dist, 'build-inputs.json');
  if (!existsSync(index) || !existsSync(manifest)) return 'no build yet';
  const builtAt = statSync(index).mtimeMs;
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(manifest, 'utf8'));
  } catch {
    return 'unreadable build-inputs.json';
  }
  for (const file of [...fixedInputs(), ...recorded]) {
    if (!existsSync(file)) return `${relative(root, file)} is gone`;
    if (statSync(file).mtimeMs > builtAt) return `${relative(root, file)} changed`;
  }
  return null;
}

export async function buildWeb({ quiet = false } = {}) {
  let build;
  try {
    ({ build } = await import('vite'));
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    // An install without dev dependencies cannot build; the server then shows its start page.
    console.warn(
      'Cannot build the atlas: vite is not installed (npm install). The server shows the start page.',
    );
    return false;
  }
  await build({
    root: web,
    configFile: join(web, 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
  });
  return true;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const reason = force ? 'forced' : staleReason();
  if (reason === null) {
    console.log('Atlas (apps/web/dist) is up to date.');
  } else {
    const started = Date.now();
    console.log(`Building the atlas (${reason}) …`);
    if (await buildWeb({ quiet: true })) {
      console.log(`Atlas built into apps/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    }
  }
}
