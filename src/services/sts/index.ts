// AWS STS: temporary credentials (AssumeRole and friends), the caller's identity, and xacct's own OIDC issuer whose
// tokens AssumeRoleWithWebIdentity accepts.
import { AwsError } from '../../core/aws-error.js';
import { ManagedPolicyRepo } from '../iam/repos/managed-policies.js';
import { ManagedPolicyLookup } from '../iam/repos/managed-policy-lookup.js';
import type { ServiceFactory } from '../types.js';
import { OidcIssuer } from './oidc/oidc-issuer.js';
import { stsOperations } from './operations.js';
import { SessionStore } from './session-store.js';

export const createStsService: ServiceFactory = (deps, registry) => {
  const sessions = new SessionStore(deps.storage.db, deps.clock);
  registry.addCredentialSource(sessions.credentialSource);
  const managedPolicies = new ManagedPolicyLookup(new ManagedPolicyRepo(deps.storage.db));
  return {
    id: 'sts',
    operations: stsOperations({
      sessions,
      issuer: new OidcIssuer(deps.storage.db, deps.config),
      managedPolicy: (arn) => managedPolicies.defaultDocument(arn)?.document,
    }),
    accessDenied: (message) => new AwsError('AccessDenied', message, { status: 403 }),
  };
};
