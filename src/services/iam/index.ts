// AWS IAM: users, groups, roles, instance profiles, managed and inline policies and access keys; and the identity
// side of the directory every request is authorized against (access key credentials, principal policies, roles).
import { AwsError } from '../../core/aws-error.js';
import type { ServiceFactory } from '../types.js';
import { accessKeyCredentialSource } from './credential-source.js';
import { IamContext } from './iam-context.js';
import { iamIdentityLookup } from './identity-lookup.js';
import { iamOperations } from './operations/index.js';
import { PrincipalPolicyProvider } from './principal-policies.js';

export const createIamService: ServiceFactory = (deps, registry) => {
  const iam = new IamContext(deps.storage.db, deps.clock);
  const principalPolicies = new PrincipalPolicyProvider(iam);
  registry.addCredentialSource(accessKeyCredentialSource(iam));
  registry.providePrincipalPolicies((caller) => principalPolicies.policiesOf(caller));
  registry.provideIdentities(iamIdentityLookup(iam));
  return {
    id: 'iam',
    operations: iamOperations(iam),
    accessDenied: (message) => new AwsError('AccessDenied', message, { status: 403 }),
  };
};
