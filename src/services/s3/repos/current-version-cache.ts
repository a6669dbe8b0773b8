// Current object versions by bucket and key, for the reads every GET and HEAD make: parsing a row costs more than
// the rest of a small GET's handler. Only committed rows are cached (nothing is filled inside a transaction, which
// may see its own uncommitted writes) and every write to a key evicts it before it changes the row, so a write that
// rolls back leaves at worst a miss.
import type { Database } from '../../../storage/db.js';
import type { ObjectVersion } from './object-types.js';

const LIMIT = 10_000;
const caches = new WeakMap<Database, Map<string, ObjectVersion>>();

function cacheOf(db: Database): Map<string, ObjectVersion> {
  let cache = caches.get(db);
  if (cache === undefined) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

const cacheKey = (bucket: string, key: string): string => `${bucket}/${key}`;

export function cachedCurrentVersion(db: Database, bucket: string, key: string): ObjectVersion | undefined {
  return caches.get(db)?.get(cacheKey(bucket, key));
}

export function rememberCurrentVersion(db: Database, version: ObjectVersion): void {
  if (db.raw.inTransaction) return;
  const cache = cacheOf(db);
  // Map iteration follows insertion order: this drops the entry cached longest ago.
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey(version.bucket, version.key), version);
}

export function forgetCurrentVersion(db: Database, bucket: string, key: string): void {
  caches.get(db)?.delete(cacheKey(bucket, key));
}

/** For writes that know a row's id but not its key (tags, ACLs): rare enough to drop everything. */
export function forgetAllCurrentVersions(db: Database): void {
  caches.get(db)?.clear();
}
