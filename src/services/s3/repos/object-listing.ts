// Listing a bucket: current objects (ListObjects, ListObjectsV2) and every version and delete marker
// (ListObjectVersions), in UTF-8 key order as SQLite compares text, a page at a time from an index.
import type { Database } from '../../../storage/db.js';
import { type WalkOptions, type WalkResult, walkListing } from './listing-walk.js';
import type { ObjectOwner, StoredChecksum } from './object-types.js';

/** What a listing shows of one object version. */
export interface ListedVersion {
  readonly id: number;
  readonly key: string;
  readonly versionId: string;
  readonly isLatest: boolean;
  readonly deleteMarker: boolean;
  readonly size: number;
  readonly etag: string;
  readonly lastModified: number;
  readonly owner: ObjectOwner;
  readonly storageClass: string;
  readonly checksum: StoredChecksum | undefined;
}

interface ListedRow {
  id: number;
  key: string;
  version_id: string;
  is_latest: number;
  delete_marker: number;
  size: number;
  etag: string;
  last_modified: number;
  owner: string;
  owner_canonical_id: string;
  storage_class: string;
  checksum: string | null;
}

const COLUMNS =
  'id, key, version_id, is_latest, delete_marker, size, etag, last_modified, owner, owner_canonical_id, storage_class, checksum';

/** Current objects after `startAfter` (exclusive); delete markers hide their keys. */
export function listCurrentObjects(
  db: Database,
  bucket: string,
  startAfter: string,
  options: WalkOptions,
): WalkResult<ListedVersion> {
  const statement = db.prepare<[string, string, string, number], ListedRow>(
    `SELECT ${COLUMNS} FROM s3_objects
     WHERE bucket = ? AND is_latest = 1 AND delete_marker = 0 AND key > ? AND key >= ?
     ORDER BY key LIMIT ?`,
  );
  return walkListing<ListedVersion, never>(
    {
      fetch: (cursor, prefix, limit) => statement.all(bucket, cursor.key, prefix, limit).map(toListed),
      keyOf: (row) => row.key,
      after: (row) => ({ key: row.key, within: undefined }),
    },
    { key: startAfter, within: undefined },
    options,
  );
}

/**
 * Every version and delete marker, by key and then newest first. Starts after `keyMarker`, or, with `afterId` (the
 * row of the version-id-marker), after that version of `keyMarker`.
 */
export function listVersions(
  db: Database,
  bucket: string,
  keyMarker: string,
  afterId: number | undefined,
  options: WalkOptions,
): WalkResult<ListedVersion> {
  const withinKey = db.prepare<[string, string, number, number], ListedRow>(
    `SELECT ${COLUMNS} FROM s3_objects WHERE bucket = ? AND key = ? AND id < ? ORDER BY id DESC LIMIT ?`,
  );
  const afterKey = db.prepare<[string, string, string, number], ListedRow>(
    `SELECT ${COLUMNS} FROM s3_objects WHERE bucket = ? AND key > ? AND key >= ? ORDER BY key, id DESC LIMIT ?`,
  );
  return walkListing<ListedVersion, number>(
    {
      fetch: (cursor, prefix, limit) => {
        const rest = cursor.within === undefined ? [] : withinKey.all(bucket, cursor.key, cursor.within, limit);
        const next = rest.length < limit ? afterKey.all(bucket, cursor.key, prefix, limit - rest.length) : [];
        return [...rest, ...next].map(toListed);
      },
      keyOf: (row) => row.key,
      after: (row) => ({ key: row.key, within: row.id }),
    },
    { key: keyMarker, within: afterId },
    options,
  );
}

/** The row id of a version, to resume a version listing after it. */
export function versionRowId(db: Database, bucket: string, key: string, versionId: string): number | undefined {
  return db
    .prepare<[string, string, string], { id: number }>(
      'SELECT id FROM s3_objects WHERE bucket = ? AND key = ? AND version_id = ?',
    )
    .get(bucket, key, versionId)?.id;
}

function toListed(row: ListedRow): ListedVersion {
  return {
    id: row.id,
    key: row.key,
    versionId: row.version_id,
    isLatest: row.is_latest === 1,
    deleteMarker: row.delete_marker === 1,
    size: row.size,
    etag: row.etag,
    lastModified: row.last_modified,
    owner: { account: row.owner, canonicalId: row.owner_canonical_id },
    storageClass: row.storage_class,
    checksum: row.checksum === null ? undefined : (JSON.parse(row.checksum) as StoredChecksum),
  };
}
