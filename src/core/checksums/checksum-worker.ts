// The worker thread behind OffloadedChecksum: hashes the batches of any number of bodies at once, each under its job
// id, acknowledging every batch so the sender can bound what waits here.
import { parentPort } from 'node:worker_threads';
import { type Checksum, createChecksum } from './checksum.js';
import type { FromChecksumWorker, ToChecksumWorker } from './checksum-worker-messages.js';

const port = parentPort;
if (port === null) throw new Error('checksum-worker runs only as a worker thread');

const jobs = new Map<number, Checksum>();

function reply(message: FromChecksumWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

port.on('message', (message: ToChecksumWorker) => {
  switch (message.kind) {
    case 'start':
      jobs.set(message.id, createChecksum(message.algorithm));
      return;
    case 'data':
      jobs.get(message.id)?.update(message.bytes);
      reply({ kind: 'hashed', id: message.id, bytes: message.bytes }, [message.bytes.buffer as ArrayBuffer]);
      return;
    case 'end': {
      const digest = jobs.get(message.id)?.digest();
      jobs.delete(message.id);
      reply({ kind: 'digest', id: message.id, digest: digest ?? new Uint8Array(0) });
      return;
    }
    case 'cancel':
      jobs.delete(message.id);
      return;
  }
});
