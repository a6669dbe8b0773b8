// Compiles src/storage to JavaScript in a temp directory so that a child Node process can run the real code:
// Node 20 cannot run TypeScript and no TypeScript loader is installed. Type-checking stays with tsc.
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/** Returns a directory mirroring the repository layout (`src/storage/...js`) with `node_modules` linked in. */
export async function transpileForChild(): Promise<string> {
  const out = await mkdtemp(join(tmpdir(), 'xacct-storage-child-'));
  for (const file of await sourceFiles(join(REPO, 'src/storage'))) {
    const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: file,
    });
    const target = join(out, relative(REPO, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, outputText);
  }
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  await symlink(join(REPO, 'node_modules'), join(out, 'node_modules'));
  return out;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}
