import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../storage/index.js';
import { createUpload, listUploads, newUploadId, putPart, removeUpload } from './multipart-uploads.js';
import { listCurrentObjects, listVersions, versionRowId } from './object-listing.js';
import type { NewObject } from './object-types.js';
import {
  bucketHasObjects,
  currentVersion,
  findVersion,
  isBlobReferenced,
  putDeleteMarker,
  putObjectVersion,
  removeObjectVersion,
  updateObjectTags,
} from './objects.js';

let storage: Storage;
beforeEach(() => {
  storage = openStorage({ memory: true });
});
afterEach(() => storage.close());

const OWNER = { account: '111111111111', canonicalId: 'c'.repeat(64) };
let blobCounter = 0;

function object(key: string, overrides: Partial<NewObject> = {}): NewObject {
  blobCounter++;
  return {
    bucket: 'b',
    key,
    blobId: blobCounter.toString(16).padStart(32, '0'),
    size: 3,
    etag: 'abc',
    lastModified: 1000,
    owner: OWNER,
    storageClass: 'STANDARD',
    sse: 'AES256',
    headers: { ContentType: 'text/plain' },
    metadata: { a: '1' },
    tags: [{ Key: 'k', Value: 'v' }],
    acl: undefined,
    checksum: { algorithm: 'CRC32', value: 'AAAAAA==', type: 'FULL_OBJECT' },
    parts: undefined,
    ...overrides,
  };
}

const walk = { prefix: '', delimiter: undefined, maxKeys: 1000 };

describe('object versions', () => {
  it('replaces the null version in an unversioned bucket and frees the old blob', () => {
    const first = putObjectVersion(storage.db, object('k'), undefined);
    const second = putObjectVersion(storage.db, object('k'), undefined);
    expect(second.freedBlobs).toEqual([first.version.blobId]);
    expect(currentVersion(storage.db, 'b', 'k')).toMatchObject({
      versionId: 'null',
      blobId: second.version.blobId,
      headers: { ContentType: 'text/plain' },
      tags: [{ Key: 'k', Value: 'v' }],
      checksum: { algorithm: 'CRC32' },
    });
    expect(isBlobReferenced(storage.db, first.version.blobId!)).toBe(false);
    expect(isBlobReferenced(storage.db, second.version.blobId!)).toBe(true);
  });

  it('keeps every version when versioning is enabled, and promotes the previous one when the current is removed', () => {
    const first = putObjectVersion(storage.db, object('k'), 'Enabled');
    const second = putObjectVersion(storage.db, object('k'), 'Enabled');
    expect(first.version.versionId).toMatch(/^[A-Za-z0-9._]{32}$/);
    expect(second.freedBlobs).toEqual([]);
    expect(findVersion(storage.db, 'b', 'k', first.version.versionId)?.isLatest).toBe(false);
    const removed = removeObjectVersion(storage.db, 'b', 'k', second.version.versionId);
    expect(removed.freedBlobs).toEqual([second.version.blobId]);
    expect(currentVersion(storage.db, 'b', 'k')?.versionId).toBe(first.version.versionId);
  });

  it('stacks delete markers, and a suspended bucket replaces only the null version', () => {
    const kept = putObjectVersion(storage.db, object('k'), 'Enabled');
    const marker = putDeleteMarker(storage.db, { bucket: 'b', key: 'k', owner: OWNER, now: 5 }, 'Enabled');
    expect(currentVersion(storage.db, 'b', 'k')).toMatchObject({ deleteMarker: true, blobId: undefined });
    putObjectVersion(storage.db, object('k'), 'Suspended');
    const suspendedMarker = putDeleteMarker(storage.db, { bucket: 'b', key: 'k', owner: OWNER, now: 6 }, 'Suspended');
    expect(suspendedMarker.freedBlobs).toHaveLength(1);
    const versions = listVersions(storage.db, 'b', '', undefined, walk).items.map((i) => i.row?.versionId);
    expect(versions).toEqual(['null', marker.version.versionId, kept.version.versionId]);
  });

  it('lets a check inside the transaction abort the write', () => {
    putObjectVersion(storage.db, object('k'), undefined);
    expect(() =>
      putObjectVersion(storage.db, object('k', { etag: 'new' }), undefined, (current) => {
        if (current) throw new Error('exists');
      }),
    ).toThrow('exists');
    expect(currentVersion(storage.db, 'b', 'k')?.etag).toBe('abc');
  });

  it('knows whether a bucket holds anything', () => {
    expect(bucketHasObjects(storage.db, 'b')).toBe(false);
    putDeleteMarker(storage.db, { bucket: 'b', key: 'gone', owner: OWNER, now: 1 }, 'Enabled');
    expect(bucketHasObjects(storage.db, 'b')).toBe(true);
  });
});

describe('listing', () => {
  beforeEach(() => {
    for (const key of ['a/1', 'a/2', 'b/1', 'c', 'd/x/1', 'é']) putObjectVersion(storage.db, object(key), undefined);
  });

  it('rolls keys into common prefixes and counts both against max-keys', () => {
    const page = listCurrentObjects(storage.db, 'b', '', { prefix: '', delimiter: '/', maxKeys: 3 });
    expect(page.items).toEqual([
      { commonPrefix: 'a/' },
      { commonPrefix: 'b/' },
      { row: expect.objectContaining({ key: 'c' }) },
    ]);
    expect(page.truncated).toBe(true);
    const rest = listCurrentObjects(storage.db, 'b', 'c', { prefix: '', delimiter: '/', maxKeys: 3 });
    expect(rest.items.map((i) => i.commonPrefix ?? i.row?.key)).toEqual(['d/', 'é']);
    expect(rest.truncated).toBe(false);
  });

  it('restricts to the prefix and resumes after a common prefix marker', () => {
    const page = listCurrentObjects(storage.db, 'b', 'a/', { prefix: '', delimiter: '/', maxKeys: 10 });
    expect(page.items[0]).toEqual({ commonPrefix: 'b/' });
    const inside = listCurrentObjects(storage.db, 'b', 'a/1', { prefix: '', delimiter: '/', maxKeys: 10 });
    expect(inside.items[0]).toEqual({ commonPrefix: 'b/' });
    const flat = listCurrentObjects(storage.db, 'b', 'a/1', { ...walk, maxKeys: 1 });
    expect(flat.items).toEqual([{ row: expect.objectContaining({ key: 'a/2' }) }]);
    const under = listCurrentObjects(storage.db, 'b', '', { prefix: 'd/', delimiter: '/', maxKeys: 10 });
    expect(under.items).toEqual([{ commonPrefix: 'd/x/' }]);
  });

  it('answers max-keys 0 with nothing and no truncation', () => {
    expect(listCurrentObjects(storage.db, 'b', '', { ...walk, maxKeys: 0 })).toEqual({ items: [], truncated: false });
  });

  it('resumes a version listing inside a key', () => {
    const v1 = putObjectVersion(storage.db, object('c'), 'Enabled');
    putObjectVersion(storage.db, object('c'), 'Enabled');
    const id = versionRowId(storage.db, 'b', 'c', v1.version.versionId);
    const page = listVersions(storage.db, 'b', 'c', id, walk);
    expect(page.items.map((i) => i.row?.key)).toEqual(['c', 'd/x/1', 'é']);
    expect(page.items[0]?.row?.versionId).toBe('null');
  });
});

describe('multipart uploads', () => {
  const upload = (key: string, initiated: number) => ({
    uploadId: newUploadId(),
    bucket: 'b',
    key,
    initiated,
    initiator: { id: 'x', arn: 'arn:aws:iam::111111111111:root' },
    owner: OWNER,
    storageClass: 'STANDARD',
    sse: 'AES256',
    headers: {},
    metadata: {},
    tags: [],
    acl: undefined,
    checksumAlgorithm: undefined,
    checksumType: undefined,
    keyExisted: false,
  });

  it('replaces a part and frees the old blob; a removed upload refuses parts', () => {
    const u = upload('k', 1);
    createUpload(storage.db, u);
    const part = { partNumber: 1, blobId: 'f'.repeat(32), size: 1, etag: 'e', lastModified: 1, checksum: undefined };
    expect(putPart(storage.db, u.uploadId, part)).toEqual([]);
    expect(putPart(storage.db, u.uploadId, { ...part, blobId: 'e'.repeat(32) })).toEqual(['f'.repeat(32)]);
    expect(isBlobReferenced(storage.db, 'e'.repeat(32))).toBe(true);
    expect(removeUpload(storage.db, u.uploadId)).toEqual(['e'.repeat(32)]);
    expect(putPart(storage.db, u.uploadId, part)).toBeUndefined();
  });

  it('lists uploads by key then initiation and resumes after an upload id marker', () => {
    const [a1, a2, b1] = [upload('a', 2), upload('a', 5), upload('b', 1)];
    for (const u of [a1, a2, b1]) createUpload(storage.db, u);
    const all = listUploads(storage.db, 'b', '', undefined, walk).items.map((i) => i.row?.uploadId);
    expect(all).toEqual([a1.uploadId, a2.uploadId, b1.uploadId]);
    const rest = listUploads(storage.db, 'b', 'a', a1.uploadId, walk).items.map((i) => i.row?.uploadId);
    expect(rest).toEqual([a2.uploadId, b1.uploadId]);
  });
});

describe('the current-version cache', () => {
  it('answers reads after every kind of write with the committed row', () => {
    const db = storage.db;
    putObjectVersion(db, object('c', { etag: 'one' }), undefined);
    expect(currentVersion(db, 'b', 'c')?.etag).toBe('one');
    putObjectVersion(db, object('c', { etag: 'two' }), undefined);
    expect(currentVersion(db, 'b', 'c')?.etag).toBe('two');
    const current = currentVersion(db, 'b', 'c')!;
    updateObjectTags(db, current.id, [{ Key: 'new', Value: 'tag' }]);
    expect(currentVersion(db, 'b', 'c')?.tags).toEqual([{ Key: 'new', Value: 'tag' }]);
    putDeleteMarker(db, { bucket: 'b', key: 'c', owner: OWNER, now: 2000 }, 'Enabled');
    expect(currentVersion(db, 'b', 'c')?.deleteMarker).toBe(true);
    removeObjectVersion(db, 'b', 'c', currentVersion(db, 'b', 'c')!.versionId);
    expect(currentVersion(db, 'b', 'c')?.etag).toBe('two');
  });

  it('keeps nothing a rolled-back write read or wrote', () => {
    const db = storage.db;
    putObjectVersion(db, object('r', { etag: 'kept' }), undefined);
    expect(currentVersion(db, 'b', 'r')?.etag).toBe('kept');
    expect(() =>
      db.transaction(() => {
        putObjectVersion(db, object('r', { etag: 'lost' }), undefined);
        expect(currentVersion(db, 'b', 'r')?.etag).toBe('lost');
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(currentVersion(db, 'b', 'r')?.etag).toBe('kept');
  });
});
