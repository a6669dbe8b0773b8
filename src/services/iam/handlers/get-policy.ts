// iam:GetPolicy: a customer or AWS managed policy's metadata (its documents are read with GetPolicyVersion).
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requirePolicy } from '../entities.js';
import type { IamContext } from '../iam-context.js';
import { policyOutput } from '../output.js';

export function getPolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  return { Policy: policyOutput(iam, account, requirePolicy(iam, account, input.PolicyArn as string), 'full') };
}
