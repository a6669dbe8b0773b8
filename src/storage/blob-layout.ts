// Where blob files live: random hex ids, fanned out two directory levels deep (`ab/cd/abcd...`), and a walk over them.
import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

const BLOB_ID = /^[0-9a-f]{32}$/;
const FAN_OUT_DIR = /^[0-9a-f]{2}$/;

/** 128 random bits in lower-case hex: unguessable, and safe on case-insensitive filesystems. */
export function newBlobId(): string {
  return randomBytes(16).toString('hex');
}

export function isBlobId(id: string): boolean {
  return BLOB_ID.test(id);
}

/** 65,536 leaf directories keep each one small even with hundreds of millions of blobs. */
export function blobPath(root: string, id: string): string {
  if (!isBlobId(id)) throw new Error(`not a blob id: '${id}'`);
  return join(root, id.slice(0, 2), id.slice(2, 4), id);
}

/** Every blob id under `root`, leaf directory by leaf directory; files that are not blobs are skipped. */
export async function* blobIds(root: string): AsyncGenerator<string> {
  for (const first of await fanOutDirs(root)) {
    for (const second of await fanOutDirs(join(root, first))) {
      const leaf = join(root, first, second);
      for (const entry of await readdir(leaf, { withFileTypes: true })) {
        if (entry.isFile() && isBlobId(entry.name) && entry.name.startsWith(first + second)) yield entry.name;
      }
    }
  }
}

async function fanOutDirs(dir: string): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory() && FAN_OUT_DIR.test(entry.name)).map((entry) => entry.name);
}
