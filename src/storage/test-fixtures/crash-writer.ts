// Child process for the crash tests: writes blobs and their rows through the real storage layer, reports each commit
// on stdout, and, depending on the scenario, stops at a chosen point for the parent to kill it with SIGKILL.
// Usage: node crash-writer.js <dataDir> <loop | mid-write | after-rename | in-transaction>
import { createHash, randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { openStorage } from '../index.js';

const CHUNK = 64 * 1024;
const COMMITS_BEFORE_PAUSE = 3;

const [dataDir, scenario] = process.argv.slice(2);
if (dataDir === undefined || scenario === undefined) throw new Error('usage: crash-writer <dataDir> <scenario>');

const storage = openStorage({ dataDir });
storage.db.exec(`
  CREATE TABLE IF NOT EXISTS crash_objects (
    seq INTEGER PRIMARY KEY,
    blob_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL
  ) STRICT`);
const last = storage.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM crash_objects').get();
let seq = last?.seq ?? 0;

// Synchronous writes to fd 1, so a report is out before the next step even if the process dies right after it.
function report(line: string): void {
  writeSync(1, `${line}\n`);
}

/** Random chunks, yielding to the event loop between them so that a kill often lands mid-write. */
async function* body(chunks: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < chunks; i++) {
    yield randomBytes(CHUNK);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One object and one account per commit, so the parent can check that both or neither survived. */
function commit(blob: { id: string; size: number }, sha256: string): void {
  const { db } = storage;
  seq++;
  db.prepare('INSERT INTO crash_objects (seq, blob_id, size, sha256) VALUES (?, ?, ?, ?)').run(
    seq,
    blob.id,
    blob.size,
    sha256,
  );
  db.prepare('INSERT INTO accounts (id, canonical_user_id, created_at) VALUES (?, ?, ?)').run(
    String(seq).padStart(12, '0'),
    randomBytes(32).toString('hex'),
    new Date().toISOString(),
  );
}

async function writeAndCommit(chunks: number): Promise<void> {
  const hash = createHash('sha256');
  const blob = await storage.blobs.write(body(chunks), {
    onChunk: (chunk) => {
      hash.update(chunk);
    },
  });
  storage.db.transaction(() => commit(blob, hash.digest('hex')));
  report(`committed ${seq}`);
}

function hangSynchronously(): never {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable: the parent kills this process');
}

async function* bodyThatStalls(): AsyncGenerator<Buffer> {
  yield* body(4);
  report('paused');
  await new Promise(() => setInterval(() => undefined, 1000));
}

async function run(): Promise<void> {
  if (scenario === 'loop') {
    for (;;) await writeAndCommit(1 + Math.floor(Math.random() * 16));
  }
  for (let i = 0; i < COMMITS_BEFORE_PAUSE; i++) await writeAndCommit(2);
  switch (scenario) {
    case 'mid-write':
      await storage.blobs.write(bodyThatStalls());
      break;
    case 'after-rename':
      await storage.blobs.write(body(3));
      report('paused');
      hangSynchronously();
      break;
    case 'in-transaction': {
      const blob = await storage.blobs.write(body(1));
      storage.db.transaction(() => {
        commit(blob, 'uncommitted');
        report('paused');
        hangSynchronously();
      });
      break;
    }
    default:
      throw new Error(`unknown scenario '${scenario}'`);
  }
}

await run();
