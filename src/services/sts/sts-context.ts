// What STS's operations share: the session store, xacct's OIDC issuer, and where managed session policies come from.
import type { OidcIssuer } from './oidc/oidc-issuer.js';
import type { ManagedPolicyLookup } from './session-policies.js';
import type { SessionStore } from './session-store.js';

export interface StsContext {
  readonly sessions: SessionStore;
  readonly issuer: OidcIssuer;
  readonly managedPolicy: ManagedPolicyLookup;
}
