#!/usr/bin/env node
// Bundles the command line into dist/bin/ (the package's bin). One bundle loads in a fraction of the time Node
// needs to resolve and evaluate the hundreds of modules tsc emits, which is what lets `xacct serve` be ready
// in well under 300 ms. Commands stay separate chunks, loaded on demand. The service models are read at run time
// relative to the code that reads them (a chunk), so they are copied beside the chunks.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(root, 'src', 'cli', 'main.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

const models = join(root, 'src', 'protocol', 'models');
const chunkModels = join(outdir, 'chunks', 'models');
mkdirSync(chunkModels, { recursive: true });
for (const file of readdirSync(models)) {
  if (file.endsWith('.json')) copyFileSync(join(models, file), join(chunkModels, file));
}
console.log('bundle-cli: dist/bin/main.js');
