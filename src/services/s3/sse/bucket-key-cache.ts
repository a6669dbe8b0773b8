// S3 Bucket Keys: a bucket-level data key S3 gets from KMS once and then keeps for a limited time, so that objects
// written and read under it need no KMS call of their own (S3 UG, "Reducing the cost of SSE-KMS with Amazon S3 Bucket
// Keys"). AWS fetches a bucket key "at least once per requester", so that KMS authorizes every requester (and the
// trail records it) before the requester is served from here; different users, roles, accounts and sessions are
// different requesters. Plaintext keys live in this process's memory only, never on disk.
import type { Database } from '../../../storage/db.js';
import type { DataKey } from '../../kms/kms-for-services.js';
import type { Caller } from '../../types.js';

/**
 * How long a requester keeps using a bucket key before KMS is asked (and authorizes) again. AWS publishes no figure;
 * short, so that a changed key or IAM policy applies within seconds, yet long enough to take KMS off the hot path.
 */
export const BUCKET_KEY_TTL_MS = 10_000;
/** A bound on memory whatever the number of requesters; the least recently fetched entries go first. */
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  readonly value: T;
  readonly expiresAt: number;
}

const caches = new WeakMap<Database, BucketKeyCache>();

export class BucketKeyCache {
  /** By requester and what the write asked for (bucket, key as named, encryption context). */
  private readonly writes = new Map<string, Entry<DataKey>>();
  /** By requester and the encrypted bucket key an object stores. */
  private readonly reads = new Map<string, Entry<Buffer>>();

  /** One cache per database, shared by every request of the app. */
  static of(db: Database): BucketKeyCache {
    let cache = caches.get(db);
    if (cache === undefined) {
      cache = new BucketKeyCache();
      caches.set(db, cache);
    }
    return cache;
  }

  /** The bucket key `requester` writes under for `scope`, from `generate` (KMS GenerateDataKey) when it has none. */
  forWrite(requester: string, scope: string, now: number, generate: () => DataKey): DataKey {
    const id = `${requester}\n${scope}`;
    const cached = fresh(this.writes, id, now);
    if (cached !== undefined) return cached;
    const key = generate();
    remember(this.writes, id, key, now);
    // The writer may read back what it wrote without asking KMS again.
    remember(this.reads, readId(requester, key.ciphertextBlob), key.plaintext, now);
    return key;
  }

  /** The plaintext of a stored bucket key for `requester`, from `decrypt` (KMS Decrypt) when it has none. */
  forRead(requester: string, encrypted: Buffer, now: number, decrypt: () => Buffer): Buffer {
    const id = readId(requester, encrypted);
    const cached = fresh(this.reads, id, now);
    if (cached !== undefined) return cached;
    const plaintext = decrypt();
    remember(this.reads, id, plaintext, now);
    return plaintext;
  }
}

/**
 * Who counts as one requester: a principal, and for temporary credentials its session (a role session's ARN does not
 * tell apart two sessions of one name with different session policies; their access keys do).
 */
export function requesterOf(caller: Caller): string {
  return caller.session === undefined ? caller.principal.arn : `${caller.principal.arn}#${caller.accessKeyId ?? ''}`;
}

function readId(requester: string, encrypted: Buffer): string {
  return `${requester}\n${encrypted.toString('base64')}`;
}

function fresh<T>(entries: Map<string, Entry<T>>, id: string, now: number): T | undefined {
  const entry = entries.get(id);
  if (entry === undefined) return undefined;
  if (entry.expiresAt > now) return entry.value;
  entries.delete(id);
  return undefined;
}

function remember<T>(entries: Map<string, Entry<T>>, id: string, value: T, now: number): void {
  entries.delete(id);
  if (entries.size >= MAX_ENTRIES) {
    // Map iteration follows insertion order, so this drops the entry fetched longest ago.
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(id, { value, expiresAt: now + BUCKET_KEY_TTL_MS });
}
