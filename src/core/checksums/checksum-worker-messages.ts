// What OffloadedChecksum and its worker thread say to each other.
import type { ChecksumAlgorithm } from './checksum.js';

export type ToChecksumWorker =
  | { readonly kind: 'start'; readonly id: number; readonly algorithm: ChecksumAlgorithm }
  | { readonly kind: 'data'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly kind: 'end'; readonly id: number }
  | { readonly kind: 'cancel'; readonly id: number };

export type FromChecksumWorker =
  /** The batch, hashed, transferred back for reuse. */
  | { readonly kind: 'hashed'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly kind: 'digest'; readonly id: number; readonly digest: Uint8Array };
