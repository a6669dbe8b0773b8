// Get/PutObjectAcl. With the bucket's ACLs disabled the bucket owner's FULL_CONTROL is all there is and only an
// equivalent ACL is accepted; under IgnorePublicAcls the effective (non-public) grants are reported.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { aclOutput, cannedAcl, withoutPublicGrants } from '../../authorization/acl.js';
import { aclContext } from '../../authorization/acl-context.js';
import { checkAclAccepted, requestedAcl } from '../../authorization/acl-input.js';
import { bucketView } from '../../authorization/bucket-view.js';
import { checkBufferedDigests } from '../../body/buffered-digests.js';
import { updateObjectAcl } from '../../repos/objects.js';
import { authorizeObject } from './object-access.js';

export function getObjectAcl(input: Shaped, call: CallContext): Shaped {
  const { bucket, version } = authorizeObject(call, input, {
    current: 's3:GetObjectAcl',
    version: 's3:GetObjectVersionAcl',
  });
  if (!bucket.aclsEnabled) return aclOutput(cannedAcl('private', bucket.ownerCanonicalId));
  const acl = version.acl ?? cannedAcl('private', version.owner.canonicalId);
  const ignorePublic = bucketView(call.deps, bucket).block.ignorePublicAcls;
  return aclOutput(ignorePublic ? withoutPublicGrants(acl) : acl);
}

export function putObjectAcl(input: Shaped, call: CallContext): Shaped {
  const { bucket, version, key } = authorizeObject(
    call,
    input,
    { current: 's3:PutObjectAcl', version: 's3:PutObjectVersionAcl' },
    aclContext(input),
  );
  checkBufferedDigests(call, { required: (call.body?.length ?? 0) > 0 });
  const owner = bucket.aclsEnabled ? version.owner.canonicalId : bucket.ownerCanonicalId;
  const acl = requestedAcl(call, input, 'object', owner, bucket.ownerCanonicalId);
  if (acl === undefined) {
    throw new AwsError('MissingSecurityHeader', 'Your request was missing a required header', {
      extra: { MissingHeaderName: 'x-amz-acl' },
    });
  }
  checkAclAccepted(call, bucket, acl, 's3:PutObjectAcl', `${bucket.arn}/${key}`);
  if (bucket.aclsEnabled) updateObjectAcl(call.deps.storage.db, version.id, acl);
  return {};
}
