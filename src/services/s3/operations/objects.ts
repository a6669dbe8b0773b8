// S3 object operations: the IAM action(s) each is authorized for (aws-reference 1.2) and the handler that serves it.
// Operations on an existing object authorize inside the handler (object-access.ts), because the decision needs the
// object's ACL and tags, and the object is looked up once; copies authorize their source there too.
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext, ServiceOperation, ServiceOperations } from '../../types.js';
import { requireBucket, s3Target } from '../authorization/s3-target.js';
import { preflight } from '../cors/preflight.js';
import { abortMultipartUpload } from '../handlers/object/abort-multipart-upload.js';
import { completeMultipartUpload } from '../handlers/object/complete-multipart-upload.js';
import { copyObject, copyObjectTargets } from '../handlers/object/copy-object.js';
import { createMultipartUpload } from '../handlers/object/create-multipart-upload.js';
import { deleteObject, deleteObjectTargets } from '../handlers/object/delete-object.js';
import { deleteObjects } from '../handlers/object/delete-objects.js';
import { getObject } from '../handlers/object/get-object.js';
import { getObjectAttributes } from '../handlers/object/get-object-attributes.js';
import { headObject } from '../handlers/object/head-object.js';
import { listMultipartUploads, listMultipartUploadsTarget } from '../handlers/object/list-multipart-uploads.js';
import { listObjectVersions, listObjectVersionsTarget } from '../handlers/object/list-object-versions.js';
import { listObjects, listObjectsTarget, listObjectsV2 } from '../handlers/object/list-objects.js';
import { listParts } from '../handlers/object/list-parts.js';
import { getObjectAcl, putObjectAcl } from '../handlers/object/object-acl.js';
import { deleteObjectTagging, getObjectTagging, putObjectTagging } from '../handlers/object/object-tagging.js';
import { postObject } from '../handlers/object/post-object.js';
import { objectWriteTargets, putObject } from '../handlers/object/put-object.js';
import { uploadPart, uploadPartCopy } from '../handlers/object/upload-part.js';
import { findUpload } from '../repos/multipart-uploads.js';

type Handler = ServiceOperation['handle'];

/** An operation authorized for `action` on the object ARN alone. */
function onObject(action: string, handle: Handler): ServiceOperation {
  return {
    authorization: (input: Shaped, call: CallContext): AuthorizationTarget =>
      s3Target(call, { action, bucket: requireBucket(call, input.Bucket as string), key: input.Key as string }),
    handle,
  };
}

/** AbortMultipartUpload and ListParts, which S3 allows the upload's initiator by default (upload-initiator.ts). */
function onUpload(action: string, handle: Handler): ServiceOperation {
  return {
    authorization: (input: Shaped, call: CallContext): AuthorizationTarget => {
      const bucket = requireBucket(call, input.Bucket as string);
      const key = input.Key as string;
      const upload = findUpload(call.deps.storage.db, input.UploadId as string);
      const named = upload !== undefined && upload.bucket === bucket.name && upload.key === key;
      return s3Target(call, { action, bucket, key, uploadInitiator: named ? upload.initiator.arn : undefined });
    },
    handle,
  };
}

export const objectOperations: ServiceOperations = {
  PutObject: { authorization: objectWriteTargets('PutObject'), handle: putObject },
  // Unsigned at the HTTP level: the form carries the credential, and the handler authorizes its signer.
  PostObject: { handle: postObject, allowAnonymous: true },
  CopyObject: { authorization: copyObjectTargets, handle: copyObject },
  GetObject: { handle: getObject },
  HeadObject: { handle: headObject },
  GetObjectAttributes: { handle: getObjectAttributes },
  DeleteObject: { authorization: deleteObjectTargets, handle: deleteObject },
  // Each key is authorized on its own (s3:DeleteObject or s3:DeleteObjectVersion) inside the handler.
  DeleteObjects: { handle: deleteObjects },
  ListObjects: { authorization: listObjectsTarget, handle: listObjects },
  ListObjectsV2: { authorization: listObjectsTarget, handle: listObjectsV2 },
  ListObjectVersions: { authorization: listObjectVersionsTarget, handle: listObjectVersions },
  GetObjectTagging: { handle: getObjectTagging },
  PutObjectTagging: { handle: putObjectTagging },
  DeleteObjectTagging: { handle: deleteObjectTagging },
  GetObjectAcl: { handle: getObjectAcl },
  PutObjectAcl: { handle: putObjectAcl },

  CreateMultipartUpload: {
    authorization: objectWriteTargets('CreateMultipartUpload'),
    handle: createMultipartUpload,
  },
  UploadPart: onObject('s3:PutObject', uploadPart),
  UploadPartCopy: onObject('s3:PutObject', uploadPartCopy),
  CompleteMultipartUpload: onObject('s3:PutObject', completeMultipartUpload),
  AbortMultipartUpload: onUpload('s3:AbortMultipartUpload', abortMultipartUpload),
  ListParts: onUpload('s3:ListMultipartUploadParts', listParts),
  ListMultipartUploads: { authorization: listMultipartUploadsTarget, handle: listMultipartUploads },

  // CORS preflights carry no credentials and need no permission; the bucket's CORS rules decide.
  OptionsObject: { handle: preflight, allowAnonymous: true },
  OptionsBucket: { handle: preflight, allowAnonymous: true },
};
