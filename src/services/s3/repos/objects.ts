// S3 objects, their versions and delete markers in SQLite. A lookup is one indexed SELECT; every change is one
// transaction that keeps exactly one current version per key and reports which blobs no row owns any more (the caller
// deletes them after the commit, so a crash leaves an orphan for the startup sweep, never a row without its body).
import { randomBytes } from 'node:crypto';
import type { Database } from '../../../storage/db.js';
import type { StoredAcl } from '../authorization/acl.js';
import { KMS_COLUMN_NAMES, type KmsRow, kmsColumnValues, kmsFromRow } from '../sse/kms-columns.js';
import type { VersioningStatus } from './buckets.js';
import {
  cachedCurrentVersion,
  forgetAllCurrentVersions,
  forgetCurrentVersion,
  rememberCurrentVersion,
} from './current-version-cache.js';
import {
  type NewObject,
  NULL_VERSION,
  type ObjectOwner,
  type ObjectTag,
  type ObjectVersion,
  type StoredChecksum,
  type StoredPart,
} from './object-types.js';

interface ObjectRow extends KmsRow {
  id: number;
  bucket: string;
  key: string;
  version_id: string;
  is_latest: number;
  delete_marker: number;
  blob_id: string | null;
  size: number;
  etag: string;
  last_modified: number;
  owner: string;
  owner_canonical_id: string;
  storage_class: string;
  sse: string | null;
  headers: string;
  metadata: string;
  tags: string;
  acl: string | null;
  checksum: string | null;
  parts: string | null;
}

export interface WriteResult {
  readonly version: ObjectVersion;
  /** Blobs the write released; delete them once the transaction has committed. */
  readonly freedBlobs: readonly string[];
}

export interface RemoveResult {
  /** The version that was removed, if there was one. */
  readonly removed: ObjectVersion | undefined;
  readonly freedBlobs: readonly string[];
}

const SELECT_CURRENT = 'SELECT * FROM s3_objects WHERE bucket = ? AND key = ? AND is_latest = 1';
const SELECT_VERSION = 'SELECT * FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?';
const VERSION_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** A version id in S3's form: 32 characters that need no escaping in URLs or XML. */
export function newVersionId(): string {
  let id = '';
  for (const byte of randomBytes(32)) id += VERSION_ALPHABET[byte & 63];
  return id;
}

/** The current version of a key (possibly a delete marker), or undefined when the key has none. */
export function currentVersion(db: Database, bucket: string, key: string): ObjectVersion | undefined {
  const cached = cachedCurrentVersion(db, bucket, key);
  if (cached !== undefined) return cached;
  const row = db.prepare<[string, string], ObjectRow>(SELECT_CURRENT).get(bucket, key);
  if (row === undefined) return undefined;
  const version = toVersion(row);
  rememberCurrentVersion(db, version);
  return version;
}

export function findVersion(db: Database, bucket: string, key: string, versionId: string): ObjectVersion | undefined {
  const row = db.prepare<[string, string, string], ObjectRow>(SELECT_VERSION).get(bucket, key, versionId);
  return row === undefined ? undefined : toVersion(row);
}

/**
 * Makes `object` the current version of its key: a new version when versioning is enabled, otherwise the `null`
 * version, replacing any earlier `null` version. `check` sees the current version inside the transaction (conditional
 * writes) and may throw to abort.
 */
export function putObjectVersion(
  db: Database,
  object: NewObject,
  versioning: VersioningStatus | undefined,
  check?: (current: ObjectVersion | undefined) => void,
): WriteResult {
  forgetCurrentVersion(db, object.bucket, object.key);
  return db.transaction(() => {
    check?.(currentVersion(db, object.bucket, object.key));
    const freedBlobs = versioning === 'Enabled' ? [] : removeRow(db, object.bucket, object.key, NULL_VERSION);
    const versionId = versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
    const version = insertCurrent(db, { ...object, versionId, deleteMarker: false });
    return { version, freedBlobs };
  });
}

/** Adds a delete marker as the current version (versioning enabled or suspended). */
export function putDeleteMarker(
  db: Database,
  target: { readonly bucket: string; readonly key: string; readonly owner: ObjectOwner; readonly now: number },
  versioning: VersioningStatus,
): WriteResult {
  forgetCurrentVersion(db, target.bucket, target.key);
  return db.transaction(() => {
    const freedBlobs = versioning === 'Enabled' ? [] : removeRow(db, target.bucket, target.key, NULL_VERSION);
    const versionId = versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
    const version = insertCurrent(db, {
      bucket: target.bucket,
      key: target.key,
      blobId: undefined,
      size: 0,
      etag: '',
      lastModified: target.now,
      owner: target.owner,
      storageClass: 'STANDARD',
      sse: undefined,
      headers: {},
      metadata: {},
      tags: [],
      acl: undefined,
      checksum: undefined,
      parts: undefined,
      versionId,
      deleteMarker: true,
    });
    return { version, freedBlobs };
  });
}

/** Removes one version for good; when it was the current one, the newest remaining version becomes current. */
export function removeObjectVersion(db: Database, bucket: string, key: string, versionId: string): RemoveResult {
  forgetCurrentVersion(db, bucket, key);
  return db.transaction(() => {
    const removed = findVersion(db, bucket, key, versionId);
    const freedBlobs = removed === undefined ? [] : removeRow(db, bucket, key, versionId);
    return { removed, freedBlobs };
  });
}

export function updateObjectTags(db: Database, id: number, tags: readonly ObjectTag[]): void {
  forgetAllCurrentVersions(db);
  db.prepare('UPDATE s3_objects SET tags = ? WHERE id = ?').run(JSON.stringify(tags), id);
}

export function updateObjectAcl(db: Database, id: number, acl: StoredAcl): void {
  forgetAllCurrentVersions(db);
  db.prepare('UPDATE s3_objects SET acl = ? WHERE id = ?').run(JSON.stringify(acl), id);
}

/** Whether an object version or an uploaded part owns the blob (the startup sweep deletes blobs nobody owns). */
export function isBlobReferenced(db: Database, blobId: string): boolean {
  const row = db
    .prepare<[string, string], { found: number }>(
      `SELECT EXISTS (SELECT 1 FROM s3_objects WHERE blob_id = ?)
           OR EXISTS (SELECT 1 FROM s3_upload_parts WHERE blob_id = ?) AS found`,
    )
    .get(blobId, blobId);
  return row?.found === 1;
}

/** Whether the bucket holds any object version or delete marker (DeleteBucket answers BucketNotEmpty then). */
export function bucketHasObjects(db: Database, bucketName: string): boolean {
  return (
    db.prepare<[string], { id: number }>('SELECT id FROM s3_objects WHERE bucket = ? LIMIT 1').get(bucketName) !==
    undefined
  );
}

type VersionSpec = Omit<ObjectVersion, 'id' | 'isLatest'>;

function insertCurrent(db: Database, spec: VersionSpec): ObjectVersion {
  db.prepare('UPDATE s3_objects SET is_latest = 0 WHERE bucket = ? AND key = ? AND is_latest = 1').run(
    spec.bucket,
    spec.key,
  );
  const result = db
    .prepare(
      `INSERT INTO s3_objects (bucket, key, version_id, is_latest, delete_marker, blob_id, size, etag, last_modified,
         owner, owner_canonical_id, storage_class, sse, headers, metadata, tags, acl, checksum, parts, ${KMS_COLUMN_NAMES})
       VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      spec.bucket,
      spec.key,
      spec.versionId,
      spec.deleteMarker ? 1 : 0,
      spec.blobId ?? null,
      spec.size,
      spec.etag,
      spec.lastModified,
      spec.owner.account,
      spec.owner.canonicalId,
      spec.storageClass,
      spec.sse ?? null,
      JSON.stringify(spec.headers),
      JSON.stringify(spec.metadata),
      JSON.stringify(spec.tags),
      jsonOrNull(spec.acl),
      jsonOrNull(spec.checksum),
      jsonOrNull(spec.parts),
      ...kmsColumnValues(spec.kms),
    );
  return { ...spec, id: Number(result.lastInsertRowid), isLatest: true };
}

/** Deletes the row (if any) and promotes the newest remaining version when it was current; returns freed blobs. */
function removeRow(db: Database, bucket: string, key: string, versionId: string): string[] {
  const row = db
    .prepare<[string, string, string], { id: number; is_latest: number; blob_id: string | null }>(
      'SELECT id, is_latest, blob_id FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?',
    )
    .get(bucket, key, versionId);
  if (row === undefined) return [];
  db.prepare('DELETE FROM s3_objects WHERE id = ?').run(row.id);
  if (row.is_latest === 1) {
    db.prepare(
      `UPDATE s3_objects SET is_latest = 1
       WHERE id = (SELECT id FROM s3_objects WHERE bucket = ? AND key = ? ORDER BY id DESC LIMIT 1)`,
    ).run(bucket, key);
  }
  return row.blob_id === null ? [] : [row.blob_id];
}

function jsonOrNull(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function toVersion(row: ObjectRow): ObjectVersion {
  return {
    id: row.id,
    bucket: row.bucket,
    key: row.key,
    versionId: row.version_id,
    isLatest: row.is_latest === 1,
    deleteMarker: row.delete_marker === 1,
    blobId: row.blob_id ?? undefined,
    size: row.size,
    etag: row.etag,
    lastModified: row.last_modified,
    owner: { account: row.owner, canonicalId: row.owner_canonical_id },
    storageClass: row.storage_class,
    sse: row.sse ?? undefined,
    headers: JSON.parse(row.headers),
    metadata: JSON.parse(row.metadata),
    tags: JSON.parse(row.tags),
    acl: row.acl === null ? undefined : (JSON.parse(row.acl) as StoredAcl),
    checksum: row.checksum === null ? undefined : (JSON.parse(row.checksum) as StoredChecksum),
    parts: row.parts === null ? undefined : (JSON.parse(row.parts) as StoredPart[]),
    kms: kmsFromRow(row),
  };
}
