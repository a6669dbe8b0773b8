// iam:CreatePolicy: a customer managed policy with its first version (v1, the default).
import { newUniqueId } from '../../../core/ids.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { entityArn } from '../arns.js';
import { callerAccount } from '../authorization.js';
import { policyExists } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { policyOutput } from '../output.js';
import { checkManagedPolicy } from '../policy-documents.js';
import { requestTags } from '../tag-input.js';

export function createPolicy(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.PolicyName as string;
  const path = (input.Path as string | undefined) ?? '/';
  const document = input.PolicyDocument as string;
  const tags = requestTags(input.Tags);
  checkManagedPolicy(document);
  if (iam.managedPolicies.byName(account, name)) throw policyExists(name);
  const id = newUniqueId('ANPA');
  const arn = entityArn(account, 'policy', path, name);
  iam.write(() => {
    iam.managedPolicies.insert(
      {
        id,
        account,
        name,
        path,
        arn,
        description: input.Description as string | undefined,
        createdAt: call.now,
        updatedAt: call.now,
        defaultVersion: 'v1',
        nextVersion: 2,
      },
      { versionId: 'v1', document, createdAt: call.now },
    );
    iam.tags.put('policy', id, tags);
  });
  return { Policy: policyOutput(iam, account, iam.policies.find(arn)!, 'full') };
}
