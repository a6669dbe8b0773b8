// AbortMultipartUpload: the upload and every part it holds are gone.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { requireBucket } from '../../authorization/s3-target.js';
import { removeUpload } from '../../repos/multipart-uploads.js';
import { deleteBlobs } from './commit-object.js';
import { requireUpload } from './multipart-common.js';

export async function abortMultipartUpload(input: Shaped, call: CallContext): Promise<Shaped> {
  requireBucket(call, input.Bucket as string);
  const upload = requireUpload(call, input);
  await deleteBlobs(call, removeUpload(call.deps.storage.db, upload.uploadId));
  return {};
}
