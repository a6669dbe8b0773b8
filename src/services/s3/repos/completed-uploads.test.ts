import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../storage/index.js';
import {
  COMPLETION_RETRY_WINDOW_MS,
  type CompletedUpload,
  findCompletedUpload,
  MAX_REMEMBERED_COMPLETIONS,
  rememberCompletedUpload,
} from './completed-uploads.js';

let storage: Storage;
beforeEach(() => {
  storage = openStorage({ memory: true });
  storage.db
    .prepare(
      `INSERT INTO s3_buckets (name, owner, region, created_at, acl) VALUES ('b', '111111111111', 'us-east-1', 0, '{}')`,
    )
    .run();
});
afterEach(() => storage.close());

function completion(uploadId: string, completedAt: number): CompletedUpload {
  return {
    uploadId,
    bucket: 'b',
    key: 'k',
    etag: 'abc-2',
    completedAt,
    result: { Bucket: 'b', Key: 'k', ETag: '"abc-2"', VersionId: 'v1', BucketKeyEnabled: true },
  };
}

describe('completed uploads', () => {
  it('gives back the completion with its result until the retry window has passed', () => {
    rememberCompletedUpload(storage.db, completion('u1', 1000));
    expect(findCompletedUpload(storage.db, 'u1', 1000 + COMPLETION_RETRY_WINDOW_MS)).toEqual(completion('u1', 1000));
    expect(findCompletedUpload(storage.db, 'u1', 1001 + COMPLETION_RETRY_WINDOW_MS)).toBeUndefined();
    expect(findCompletedUpload(storage.db, 'other', 1000)).toBeUndefined();
  });

  it('drops expired records when a new completion is remembered', () => {
    rememberCompletedUpload(storage.db, completion('old', 0));
    rememberCompletedUpload(storage.db, completion('new', COMPLETION_RETRY_WINDOW_MS + 1));
    const count = storage.db.prepare<[], number>('SELECT count(*) FROM s3_completed_uploads').pluck().get();
    expect(count).toBe(1);
  });

  it('keeps only the newest records beyond the cap', () => {
    storage.db.transaction(() => {
      for (let i = 0; i <= MAX_REMEMBERED_COMPLETIONS; i++) rememberCompletedUpload(storage.db, completion(`u${i}`, i));
    });
    const count = storage.db.prepare<[], number>('SELECT count(*) FROM s3_completed_uploads').pluck().get();
    expect(count).toBe(MAX_REMEMBERED_COMPLETIONS);
    expect(findCompletedUpload(storage.db, 'u0', 10)).toBeUndefined();
    expect(findCompletedUpload(storage.db, 'u1', 10)).toBeDefined();
  });

  it('forgets the completions of a deleted bucket', () => {
    rememberCompletedUpload(storage.db, completion('u1', 1000));
    storage.db.prepare(`DELETE FROM s3_buckets WHERE name = 'b'`).run();
    expect(findCompletedUpload(storage.db, 'u1', 1000)).toBeUndefined();
  });
});
