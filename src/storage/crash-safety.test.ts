import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blobIds } from './blob-layout.js';
import type { SweepResult } from './blobs.js';
import { openStorage } from './index.js';
import { transpileForChild } from './test-fixtures/transpile-for-child.js';

interface CrashObject {
  readonly seq: number;
  readonly blob_id: string;
  readonly size: number;
  readonly sha256: string;
}

type Scenario = 'loop' | 'mid-write' | 'after-rename' | 'in-transaction';

let build: string;

beforeAll(async () => {
  build = await transpileForChild();
});

afterAll(() => {
  rmSync(build, { recursive: true, force: true });
});

/**
 * Runs the writer until it prints `killAfter`, then SIGKILLs it `delayMs` later, wherever it has got to by then.
 * Resolves with the last sequence number the child reported as committed.
 */
function runAndKill(dataDir: string, scenario: Scenario, killAfter: string, delayMs = 0): Promise<number> {
  const script = join(build, 'src/storage/test-fixtures/crash-writer.js');
  const child = spawn(process.execPath, [script, dataDir, scenario], { stdio: ['ignore', 'pipe', 'pipe'] });
  let committed = 0;
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => {
    stderr += data.toString();
  });
  child.stdout.on('data', (data: Buffer) => {
    const lines = (pending + data.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const seq = /^committed (\d+)$/.exec(line)?.[1];
      if (seq !== undefined) committed = Number(seq);
      if (line === killAfter) setTimeout(() => child.kill('SIGKILL'), delayMs);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(committed);
      else reject(new Error(`the writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}

/** Reopens the data directory as a restarted server would, sweeps, and checks everything left is whole. */
async function reopenAndCheck(dataDir: string): Promise<{ rows: number; swept: SweepResult }> {
  const storage = openStorage({ dataDir });
  try {
    const rows = storage.db.prepare<[], CrashObject>('SELECT * FROM crash_objects ORDER BY seq').all();
    expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => index + 1));
    expect(storage.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(rows.length);
    const referenced = new Set(rows.map((row) => row.blob_id));
    const swept = await storage.blobs.sweepOrphans((id) => referenced.has(id));

    expect(readdirSync(join(storage.blobs.root, 'tmp'))).toEqual([]);
    const onDisk: string[] = [];
    for await (const id of blobIds(storage.blobs.root)) onDisk.push(id);
    expect(onDisk.sort()).toEqual([...referenced].sort());
    for (const row of rows) {
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of await storage.blobs.openRead(row.blob_id)) {
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect({ seq: row.seq, size, sha256: hash.digest('hex') }).toEqual({
        seq: row.seq,
        size: row.size,
        sha256: row.sha256,
      });
    }
    return { rows: rows.length, swept };
  } finally {
    storage.close();
  }
}

describe('storage after kill -9', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'xacct-crash-test-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses the temp file of a body killed mid-write and keeps every committed row', async () => {
    const committed = await runAndKill(dataDir, 'mid-write', 'paused');
    const { rows, swept } = await reopenAndCheck(dataDir);
    expect(rows).toBe(committed);
    expect(swept).toEqual({ tempFiles: 1, orphans: 0 });
  });

  it('sweeps a complete body killed before its row was inserted', async () => {
    const committed = await runAndKill(dataDir, 'after-rename', 'paused');
    const { rows, swept } = await reopenAndCheck(dataDir);
    expect(rows).toBe(committed);
    expect(swept).toEqual({ tempFiles: 0, orphans: 1 });
  });

  it('rolls back a transaction killed before commit and sweeps the body it would have owned', async () => {
    const committed = await runAndKill(dataDir, 'in-transaction', 'paused');
    const { rows, swept } = await reopenAndCheck(dataDir);
    expect(committed).toBe(3);
    expect(rows).toBe(committed);
    expect(swept).toEqual({ tempFiles: 0, orphans: 1 });
  });

  it('survives repeated kills at random points of a write loop', async () => {
    let rows = 0;
    for (let round = 0; round < 3; round++) {
      const committed = await runAndKill(dataDir, 'loop', `committed ${rows + 4}`, Math.random() * 20);
      const after = await reopenAndCheck(dataDir);
      // The child reports after commit, so a kill in between leaves one row it never reported.
      expect(after.rows).toBeGreaterThanOrEqual(committed);
      expect(after.rows).toBeLessThanOrEqual(committed + 1);
      rows = after.rows;
    }
  });
});
