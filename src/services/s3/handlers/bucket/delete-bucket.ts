// DeleteBucket: only an empty bucket goes (no object version, no delete marker). Multipart uploads still in
// progress go with it, as they do in S3, so a later bucket of the same name never inherits them.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { BucketStore } from '../../repos/buckets.js';
import { listUploads, removeUpload } from '../../repos/multipart-uploads.js';
import { bucketHasObjects } from '../../repos/objects.js';

export async function deleteBucket(input: Shaped, call: CallContext): Promise<Shaped> {
  const bucket = requireBucket(call, input.Bucket as string);
  const { db, blobs } = call.deps.storage;
  const freed = db.transaction(() => {
    if (bucketHasObjects(db, bucket.name)) {
      const versions = bucket.versioning === undefined ? '' : ' You must delete all versions in the bucket.';
      throw new AwsError('BucketNotEmpty', `The bucket you tried to delete is not empty.${versions}`, {
        status: 409,
        extra: { BucketName: bucket.name },
      });
    }
    const parts: string[] = [];
    for (;;) {
      const page = listUploads(db, bucket.name, '', undefined, { prefix: '', delimiter: undefined, maxKeys: 1000 });
      for (const item of page.items) if (item.row !== undefined) parts.push(...removeUpload(db, item.row.uploadId));
      if (!page.truncated) break;
    }
    BucketStore.of(db).delete(bucket.name);
    return parts;
  });
  // Blobs go after the commit: a crash in between leaves orphans for the startup sweep, never rows without bodies.
  for (const id of freed) await blobs.delete(id);
  return {};
}
