// S3 Control operations: the account action each is authorized for (aws-reference 1.2) and its handler.
import type { Shaped } from '../../protocol/index.js';
import { requestConditionKeys } from '../s3/authorization/condition-keys.js';
import { s3DeniedError } from '../s3/authorization/denial.js';
import type { AuthorizationTarget, CallContext, ServiceOperation, ServiceOperations } from '../types.js';
import { deletePublicAccessBlock } from './handlers/delete-public-access-block.js';
import { getPublicAccessBlock } from './handlers/get-public-access-block.js';
import { putPublicAccessBlock } from './handlers/put-public-access-block.js';

/**
 * An account action on `*`, owned by the account `x-amz-account-id` names: another account's settings need that
 * account's permission, which no resource policy can give, so they are denied.
 */
function onAccount(action: string, handle: ServiceOperation['handle']): ServiceOperation {
  return {
    authorization: (input: Shaped, call: CallContext): AuthorizationTarget => {
      const account = input.AccountId as string;
      return {
        action,
        resource: '*',
        resourceAccount: account,
        context: requestConditionKeys(call, undefined),
        deniedError: s3DeniedError(call, account, action, '*'),
      };
    },
    handle,
  };
}

export const s3ControlOperations: ServiceOperations = {
  PutPublicAccessBlock: onAccount('s3:PutAccountPublicAccessBlock', putPublicAccessBlock),
  GetPublicAccessBlock: onAccount('s3:GetAccountPublicAccessBlock', getPublicAccessBlock),
  DeletePublicAccessBlock: onAccount('s3:PutAccountPublicAccessBlock', deletePublicAccessBlock),
};
