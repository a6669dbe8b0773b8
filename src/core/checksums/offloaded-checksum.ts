// A body checksum computed on a worker thread, for large bodies. The main thread already hashes every upload's MD5
// (its ETag) and serves the socket and the file; S3's default CRC64NVME, a table-driven loop in JavaScript, costs
// about as much again. On a second core the two run side by side. Bytes are copied into 1 MiB batches that are
// transferred to the worker and back (never cloned, never allocated anew), and at most MAX_WAITING bytes wait for
// the worker: `update` returns a promise to wait on beyond that, so memory stays flat whatever the body's size.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type Checksum, type ChecksumAlgorithm, createChecksum } from './checksum.js';
import type { FromChecksumWorker, ToChecksumWorker } from './checksum-worker-messages.js';

/** Bodies from this size hash on the worker thread; for smaller ones the messages would cost more than they save. */
const OFFLOAD_FROM = 8 * 1024 * 1024;
const BATCH = 1024 * 1024;
const MAX_WAITING = 4 * BATCH;

interface Settle<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

export class OffloadedChecksum {
  private readonly worker: ChecksumWorker;
  private readonly id: number;
  /** Batches back from the worker, ready for reuse. */
  private readonly spare: ArrayBuffer[] = [];
  private batch: Uint8Array;
  private filled = 0;
  /** Bytes sent and not yet acknowledged. */
  private waiting = 0;
  private drained: Settle<void> | undefined;
  private result: Promise<Buffer> | undefined;
  private settleResult: Settle<Buffer> | undefined;
  private failure: Error | undefined;

  constructor(worker: ChecksumWorker, id: number) {
    this.worker = worker;
    this.id = id;
    this.batch = new Uint8Array(BATCH);
  }

  /** Undefined to go on at once, or a promise to wait on while too many bytes wait for the worker. */
  update(data: Uint8Array): Promise<void> | undefined {
    if (this.result !== undefined) throw new Error('OffloadedChecksum.update after digest');
    for (let offset = 0; offset < data.length; ) {
      const take = Math.min(BATCH - this.filled, data.length - offset);
      this.batch.set(data.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === BATCH) this.send();
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.waiting <= MAX_WAITING) return undefined;
    return new Promise((resolve, reject) => {
      this.drained = { resolve, reject };
    });
  }

  /** The raw digest, once the worker has hashed every byte. */
  digest(): Promise<Buffer> {
    if (this.result === undefined) {
      if (this.filled > 0) this.send();
      this.result = new Promise((resolve, reject) => {
        this.settleResult = { resolve, reject };
      });
      if (this.failure !== undefined) this.settleResult?.reject(this.failure);
      else this.worker.post({ kind: 'end', id: this.id });
    }
    return this.result;
  }

  /** Drops the job (the body failed): nothing more is sent, and the worker forgets it. */
  cancel(): void {
    this.worker.cancel(this.id);
  }

  /** @internal A message from the worker for this job. */
  receive(message: FromChecksumWorker): void {
    if (message.kind === 'hashed') {
      this.waiting -= message.bytes.byteLength;
      this.spare.push(message.bytes.buffer as ArrayBuffer);
      if (this.drained !== undefined && this.waiting <= MAX_WAITING) {
        this.drained.resolve();
        this.drained = undefined;
      }
    } else {
      this.settleResult?.resolve(Buffer.from(message.digest));
    }
  }

  /** @internal The worker failed: every wait of this job rejects. */
  fail(error: Error): void {
    this.failure = error;
    this.drained?.reject(error);
    this.settleResult?.reject(error);
  }

  private send(): void {
    const bytes = this.batch.subarray(0, this.filled);
    this.worker.post({ kind: 'data', id: this.id, bytes }, [this.batch.buffer as ArrayBuffer]);
    this.waiting += this.filled;
    const spare = this.spare.pop();
    this.batch = spare === undefined ? new Uint8Array(BATCH) : new Uint8Array(spare);
    this.filled = 0;
  }
}

/** The one worker thread of the process; it keeps the process alive only while a job is open. */
class ChecksumWorker {
  private readonly thread: Worker;
  private readonly jobs = new Map<number, OffloadedChecksum>();
  private nextId = 1;

  constructor(file: string) {
    this.thread = new Worker(file);
    this.thread.unref();
    this.thread.on('message', (message: FromChecksumWorker) => {
      const job = this.jobs.get(message.id);
      job?.receive(message);
      if (message.kind === 'digest') this.forget(message.id);
    });
    this.thread.on('error', (error) => this.fail(error));
    this.thread.on('exit', (code) => this.fail(new Error(`the checksum worker thread exited with code ${code}`)));
  }

  start(algorithm: ChecksumAlgorithm): OffloadedChecksum {
    const id = this.nextId++;
    const job = new OffloadedChecksum(this, id);
    if (this.jobs.size === 0) this.thread.ref();
    this.jobs.set(id, job);
    this.post({ kind: 'start', id, algorithm });
    return job;
  }

  post(message: ToChecksumWorker, transfer?: ArrayBuffer[]): void {
    this.thread.postMessage(message, transfer);
  }

  cancel(id: number): void {
    if (!this.jobs.has(id)) return;
    this.post({ kind: 'cancel', id });
    this.forget(id);
  }

  private forget(id: number): void {
    this.jobs.delete(id);
    if (this.jobs.size === 0) this.thread.unref();
  }

  private fail(error: Error): void {
    if (shared === this) shared = null;
    for (const job of this.jobs.values()) job.fail(error);
    this.jobs.clear();
  }
}

export type BodyChecksum = Checksum | OffloadedChecksum;

/** A checksum for a body of `size` bytes: on the worker thread when the body is large and the worker available. */
export function bodyChecksum(algorithm: ChecksumAlgorithm, size: number): BodyChecksum {
  return (size >= OFFLOAD_FROM ? offloadChecksum(algorithm) : undefined) ?? createChecksum(algorithm);
}

/** A checksum whose digest will not be asked for must be dropped, or the worker keeps it (and the process running). */
export function dropChecksum(checksum: BodyChecksum | undefined): void {
  if (checksum instanceof OffloadedChecksum) checksum.cancel();
}

/** Undefined until first needed; null once the worker is known to be unavailable (then bodies hash inline). */
let shared: ChecksumWorker | null | undefined;

/** A checksum on the worker thread, or undefined when the worker is unavailable (the caller hashes inline then). */
export function offloadChecksum(algorithm: ChecksumAlgorithm): OffloadedChecksum | undefined {
  if (shared === undefined) {
    const file = workerFile();
    shared = file === undefined ? null : new ChecksumWorker(file);
  }
  return shared?.start(algorithm);
}

/**
 * tsc's output of checksum-worker.ts under the package's dist/, wherever this module runs from: tsc's output itself,
 * a chunk of the bundled command line (dist/bin/chunks), or the TypeScript sources under test (after a build).
 */
function workerFile(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const at = Math.max(here.lastIndexOf(`${sep}dist${sep}`), here.lastIndexOf(`${sep}src${sep}`));
  if (at === -1) return undefined;
  const file = join(here.slice(0, at), 'dist', 'core', 'checksums', 'checksum-worker.js');
  return existsSync(file) ? file : undefined;
}
