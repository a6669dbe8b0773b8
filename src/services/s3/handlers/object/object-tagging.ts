// Get/Put/DeleteObjectTagging: the tag set of an object version (`s3:ExistingObjectTag/<k>` and, when putting,
// `s3:RequestObjectTag/<k>` in the decision).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { checkBufferedDigests } from '../../body/buffered-digests.js';
import { updateObjectTags } from '../../repos/objects.js';
import { authorizeObject, type FoundObject } from './object-access.js';
import { requestTagKeys, tagsFromDocument } from './object-tags.js';

export function getObjectTagging(input: Shaped, call: CallContext): Shaped {
  const found = authorizeObject(call, input, { current: 's3:GetObjectTagging', version: 's3:GetObjectVersionTagging' });
  return { VersionId: versionHeader(found), TagSet: found.version.tags };
}

export function putObjectTagging(input: Shaped, call: CallContext): Shaped {
  const tags = tagsFromDocument(input.Tagging as Shaped | undefined);
  const found = authorizeObject(
    call,
    input,
    { current: 's3:PutObjectTagging', version: 's3:PutObjectVersionTagging' },
    requestTagKeys(tags),
  );
  checkBufferedDigests(call, { required: true });
  updateObjectTags(call.deps.storage.db, found.version.id, tags);
  return { VersionId: versionHeader(found) };
}

export function deleteObjectTagging(input: Shaped, call: CallContext): Shaped {
  const found = authorizeObject(call, input, {
    current: 's3:DeleteObjectTagging',
    version: 's3:DeleteObjectVersionTagging',
  });
  updateObjectTags(call.deps.storage.db, found.version.id, []);
  return { VersionId: versionHeader(found) };
}

/** Versioned buckets name the version the tags belong to. */
function versionHeader(found: FoundObject): string | undefined {
  return found.bucket.versioning === undefined ? undefined : found.version.versionId;
}
