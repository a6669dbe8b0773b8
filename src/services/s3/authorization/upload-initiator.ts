// S3's default for multipart uploads (S3 UG, "Multipart upload API and permissions"): the initiator of an upload
// may list its parts and abort it, and when the initiator is an IAM user, so may that user's account. Like an ACL
// grant this is an allow path the engine does not know, so it becomes a resource-policy statement; the initiator
// still needs its own identity-based permission where any grant from another account would.
import { type PrincipalElement, principalFromArn, type Statement } from '../../../policy/index.js';

export const INITIATOR_ACTIONS: readonly string[] = ['s3:AbortMultipartUpload', 's3:ListMultipartUploadParts'];

/** The Allow statement the upload's initiator (ARN as recorded at CreateMultipartUpload) gets on `objectArn`. */
export function initiatorStatement(initiatorArn: string, objectArn: string, index: number): Statement {
  const initiator = principalFromArn(initiatorArn);
  const principal: PrincipalElement = {
    wildcard: false,
    aws:
      initiator?.type === 'User' && initiator.account !== undefined
        ? [initiatorArn, initiator.account]
        : [initiatorArn],
    service: [],
    federated: [],
    canonicalUser: [],
  };
  return {
    index,
    sid: 'Upload initiator',
    effect: 'Allow',
    principal,
    notPrincipal: undefined,
    action: INITIATOR_ACTIONS,
    notAction: undefined,
    resource: [objectArn],
    notResource: undefined,
    conditions: [],
  };
}
