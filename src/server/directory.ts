// The directory the pipeline reads identities and organizations from, filled by the services that own them.
// Without Organizations every account stands alone; without IAM a caller has no identity policies.
import type {
  Caller,
  CredentialSource,
  Directory,
  DirectoryRegistry,
  IdentityLookup,
  OrganizationMembership,
  PrincipalPolicies,
} from '../services/types.js';

const NO_POLICIES: PrincipalPolicies = { identity: [], permissionsBoundary: undefined, tags: {} };

export class AppDirectory implements Directory, DirectoryRegistry {
  readonly credentialSources: CredentialSource[] = [];
  private principalPolicyProvider: ((caller: Caller) => PrincipalPolicies) | undefined;
  private organizationProvider: ((account: string) => OrganizationMembership | undefined) | undefined;
  private identityLookup: IdentityLookup | undefined;

  addCredentialSource(source: CredentialSource): void {
    this.credentialSources.push(source);
  }

  providePrincipalPolicies(provider: (caller: Caller) => PrincipalPolicies): void {
    this.principalPolicyProvider = provider;
  }

  provideOrganizations(provider: (account: string) => OrganizationMembership | undefined): void {
    this.organizationProvider = provider;
  }

  provideIdentities(lookup: IdentityLookup): void {
    this.identityLookup = lookup;
  }

  get identities(): IdentityLookup {
    if (this.identityLookup === undefined) throw new Error('no IAM service is registered to answer identity lookups');
    return this.identityLookup;
  }

  principalPolicies(caller: Caller): PrincipalPolicies {
    return this.principalPolicyProvider?.(caller) ?? NO_POLICIES;
  }

  organizationOf(account: string): OrganizationMembership | undefined {
    return this.organizationProvider?.(account);
  }
}
