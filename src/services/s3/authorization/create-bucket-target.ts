// What CreateBucket must be authorized for (aws-reference 1.2): s3:CreateBucket on the new bucket's ARN, plus
// s3:PutBucketAcl when an ACL other than `private` is asked for, s3:PutBucketOwnershipControls with the ownership
// header, and the Object Lock actions when Object Lock is enabled. The name and location are checked first.
import type { ContextScalar } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { AuthorizationTarget, CallContext } from '../../types.js';
import { checkBucketName } from '../handlers/bucket/bucket-name.js';
import { requestedRegion } from '../handlers/bucket/location-constraint.js';
import { aclContext } from './acl-context.js';
import { aclParts } from './acl-input.js';
import { requestConditionKeys } from './condition-keys.js';
import { s3DeniedError } from './denial.js';

export function createBucketTargets(input: Shaped, call: CallContext): AuthorizationTarget[] {
  const name = input.Bucket as string;
  checkBucketName(name);
  requestedRegion(call, input);
  const account = call.caller.account;
  const resource = `arn:aws:s3:::${name}`;
  const context = { ...requestConditionKeys(call, account), ...createContext(input) };
  const target = (action: string): AuthorizationTarget => ({
    action,
    resource,
    resourceAccount: account,
    context,
    deniedError: s3DeniedError(call, account ?? '', action, resource),
  });
  const targets = [target('s3:CreateBucket')];
  const parts = aclParts(input);
  if (parts.grants || (parts.canned && input.ACL !== 'private')) targets.push(target('s3:PutBucketAcl'));
  if (input.ObjectOwnership !== undefined) targets.push(target('s3:PutBucketOwnershipControls'));
  if (input.ObjectLockEnabledForBucket === true) {
    targets.push(target('s3:PutBucketObjectLockConfiguration'), target('s3:PutBucketVersioning'));
  }
  return targets;
}

function createContext(input: Shaped): Record<string, ContextScalar | readonly ContextScalar[]> {
  const out: Record<string, ContextScalar | readonly ContextScalar[]> = { ...aclContext(input) };
  const configuration = input.CreateBucketConfiguration as Shaped | undefined;
  const constraint = configuration?.LocationConstraint;
  if (typeof constraint === 'string') out['s3:locationconstraint'] = constraint;
  if (typeof input.ObjectOwnership === 'string') out['s3:x-amz-object-ownership'] = input.ObjectOwnership;
  const tags = (configuration?.Tags as { Key: string; Value: string }[] | undefined) ?? [];
  for (const tag of tags) out[`aws:RequestTag/${tag.Key}`] = tag.Value;
  if (tags.length > 0) out['aws:TagKeys'] = tags.map((t) => t.Key);
  return out;
}
