// Multipart uploads and their parts in SQLite. Parts are blobs of their own until CompleteMultipartUpload streams
// them into the object's blob and, in one transaction, turns the upload into an object version.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../../storage/db.js';
import type { StoredAcl } from '../authorization/acl.js';
import { KMS_COLUMN_NAMES, type KmsRow, kmsColumnValues, kmsFromRow } from '../sse/kms-columns.js';
import type { VersioningStatus } from './buckets.js';
import { type WalkOptions, type WalkResult, walkListing } from './listing-walk.js';
import type { ChecksumType, NewObject, ObjectAttributes, ObjectVersion } from './object-types.js';
import { putObjectVersion, type WriteResult } from './objects.js';

export interface UploadInitiator {
  /** The principal ARN (the account's canonical user id for a root caller). */
  readonly id: string;
  readonly arn: string;
}

export interface NewUpload extends ObjectAttributes {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly initiated: number;
  readonly initiator: UploadInitiator;
  readonly checksumAlgorithm: string | undefined;
  readonly checksumType: ChecksumType | undefined;
  /** Whether the key had a current object when the upload began (If-None-Match at completion answers 409 then). */
  readonly keyExisted: boolean;
}

export type UploadRecord = NewUpload;

export interface PartRecord {
  readonly partNumber: number;
  readonly blobId: string;
  readonly size: number;
  /** Hex MD5 without quotes. */
  readonly etag: string;
  readonly lastModified: number;
  /** The part's checksum in the upload's algorithm (base64). */
  readonly checksum: string | undefined;
  /** SSE-KMS uploads: the AES-256-CTR initial counter of this part's blob. */
  readonly iv?: Buffer | undefined;
}

interface UploadRow extends KmsRow {
  upload_id: string;
  bucket: string;
  key: string;
  initiated: number;
  initiator_arn: string;
  initiator_id: string;
  owner: string;
  owner_canonical_id: string;
  storage_class: string;
  sse: string | null;
  headers: string;
  metadata: string;
  tags: string;
  acl: string | null;
  checksum_algorithm: string | null;
  checksum_type: string | null;
  key_existed: number;
}

interface PartRow {
  part_number: number;
  blob_id: string;
  size: number;
  etag: string;
  last_modified: number;
  checksum: string | null;
  sse_iv: Buffer | null;
}

/** An upload id in the shape S3 issues: long, opaque, URL-safe. */
export function newUploadId(): string {
  return randomBytes(48).toString('base64url');
}

export function createUpload(db: Database, upload: NewUpload): void {
  db.prepare(
    `INSERT INTO s3_uploads (upload_id, bucket, key, initiated, initiator_arn, initiator_id, owner, owner_canonical_id,
       storage_class, sse, headers, metadata, tags, acl, checksum_algorithm, checksum_type, key_existed, ${KMS_COLUMN_NAMES})
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    upload.uploadId,
    upload.bucket,
    upload.key,
    upload.initiated,
    upload.initiator.arn,
    upload.initiator.id,
    upload.owner.account,
    upload.owner.canonicalId,
    upload.storageClass,
    upload.sse ?? null,
    JSON.stringify(upload.headers),
    JSON.stringify(upload.metadata),
    JSON.stringify(upload.tags),
    upload.acl === undefined ? null : JSON.stringify(upload.acl),
    upload.checksumAlgorithm ?? null,
    upload.checksumType ?? null,
    upload.keyExisted ? 1 : 0,
    ...kmsColumnValues(upload.kms),
  );
}

export function findUpload(db: Database, uploadId: string): UploadRecord | undefined {
  const row = db.prepare<[string], UploadRow>('SELECT * FROM s3_uploads WHERE upload_id = ?').get(uploadId);
  return row === undefined ? undefined : toUpload(row);
}

/**
 * Records a part, replacing an earlier upload of the same number. Returns the blobs freed, or undefined when the
 * upload no longer exists (it was completed or aborted while the part streamed in).
 */
export function putPart(db: Database, uploadId: string, part: PartRecord): readonly string[] | undefined {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM s3_uploads WHERE upload_id = ?').get(uploadId)) return undefined;
    const previous = db
      .prepare<[string, number], { blob_id: string }>(
        'SELECT blob_id FROM s3_upload_parts WHERE upload_id = ? AND part_number = ?',
      )
      .get(uploadId, part.partNumber);
    db.prepare(
      `INSERT INTO s3_upload_parts (upload_id, part_number, blob_id, size, etag, last_modified, checksum, sse_iv)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (upload_id, part_number) DO UPDATE SET blob_id = excluded.blob_id, size = excluded.size,
         etag = excluded.etag, last_modified = excluded.last_modified, checksum = excluded.checksum,
         sse_iv = excluded.sse_iv`,
    ).run(
      uploadId,
      part.partNumber,
      part.blobId,
      part.size,
      part.etag,
      part.lastModified,
      part.checksum ?? null,
      part.iv ?? null,
    );
    return previous === undefined ? [] : [previous.blob_id];
  });
}

/** Parts after `afterPartNumber`, in part-number order. */
export function listParts(db: Database, uploadId: string, afterPartNumber: number, limit: number): PartRecord[] {
  return db
    .prepare<[string, number, number], PartRow>(
      'SELECT * FROM s3_upload_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?',
    )
    .all(uploadId, afterPartNumber, limit)
    .map(toPart);
}

/** Deletes the upload and its parts; returns the part blobs to delete after the commit (none if it did not exist). */
export function removeUpload(db: Database, uploadId: string): readonly string[] {
  return db.transaction(() => {
    const blobs = partBlobs(db, uploadId);
    db.prepare('DELETE FROM s3_uploads WHERE upload_id = ?').run(uploadId);
    return blobs;
  });
}

/**
 * Turns the upload into an object version in one transaction: the upload and its parts go, the object comes. Returns
 * undefined when the upload vanished meanwhile. `check` sees the key's current version (conditional writes);
 * `remember` runs in the same transaction with the new version (the record that answers retries).
 */
export function completeUpload(
  db: Database,
  uploadId: string,
  object: NewObject,
  versioning: VersioningStatus | undefined,
  check?: (current: ObjectVersion | undefined) => void,
  remember?: (version: ObjectVersion) => void,
): WriteResult | undefined {
  return db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM s3_uploads WHERE upload_id = ?').get(uploadId)) return undefined;
    const blobs = partBlobs(db, uploadId);
    db.prepare('DELETE FROM s3_uploads WHERE upload_id = ?').run(uploadId);
    const written = putObjectVersion(db, object, versioning, check);
    remember?.(written.version);
    return { version: written.version, freedBlobs: [...written.freedBlobs, ...blobs] };
  });
}

/** Uploads in progress by key, then by initiation; resumes after `keyMarker` (and `uploadIdMarker` within it). */
export function listUploads(
  db: Database,
  bucket: string,
  keyMarker: string,
  uploadIdMarker: string | undefined,
  options: WalkOptions,
): WalkResult<UploadRecord> {
  const withinKey = db.prepare<[string, string, number, number, string, number], UploadRow>(
    `SELECT * FROM s3_uploads WHERE bucket = ? AND key = ? AND (initiated > ? OR (initiated = ? AND upload_id > ?))
     ORDER BY initiated, upload_id LIMIT ?`,
  );
  const afterKey = db.prepare<[string, string, string, number], UploadRow>(
    `SELECT * FROM s3_uploads WHERE bucket = ? AND key > ? AND key >= ? ORDER BY key, initiated, upload_id LIMIT ?`,
  );
  const marker = uploadIdMarker === undefined ? undefined : findUpload(db, uploadIdMarker);
  const start =
    marker && marker.key === keyMarker ? { initiated: marker.initiated, uploadId: marker.uploadId } : undefined;
  return walkListing<UploadRecord, { initiated: number; uploadId: string }>(
    {
      fetch: (cursor, prefix, limit) => {
        const { within } = cursor;
        const rest =
          within === undefined
            ? []
            : withinKey.all(bucket, cursor.key, within.initiated, within.initiated, within.uploadId, limit);
        const next = rest.length < limit ? afterKey.all(bucket, cursor.key, prefix, limit - rest.length) : [];
        return [...rest, ...next].map(toUpload);
      },
      keyOf: (upload) => upload.key,
      after: (upload) => ({ key: upload.key, within: { initiated: upload.initiated, uploadId: upload.uploadId } }),
    },
    { key: keyMarker, within: start },
    options,
  );
}

function partBlobs(db: Database, uploadId: string): string[] {
  return db
    .prepare<[string], { blob_id: string }>('SELECT blob_id FROM s3_upload_parts WHERE upload_id = ?')
    .all(uploadId)
    .map((row) => row.blob_id);
}

function toUpload(row: UploadRow): UploadRecord {
  return {
    uploadId: row.upload_id,
    bucket: row.bucket,
    key: row.key,
    initiated: row.initiated,
    initiator: { arn: row.initiator_arn, id: row.initiator_id },
    owner: { account: row.owner, canonicalId: row.owner_canonical_id },
    storageClass: row.storage_class,
    sse: row.sse ?? undefined,
    headers: JSON.parse(row.headers),
    metadata: JSON.parse(row.metadata),
    tags: JSON.parse(row.tags),
    acl: row.acl === null ? undefined : (JSON.parse(row.acl) as StoredAcl),
    checksumAlgorithm: row.checksum_algorithm ?? undefined,
    checksumType: (row.checksum_type as ChecksumType | null) ?? undefined,
    keyExisted: row.key_existed === 1,
    kms: kmsFromRow(row),
  };
}

function toPart(row: PartRow): PartRecord {
  return {
    partNumber: row.part_number,
    blobId: row.blob_id,
    size: row.size,
    etag: row.etag,
    lastModified: row.last_modified,
    checksum: row.checksum ?? undefined,
    iv: row.sse_iv ?? undefined,
  };
}
