// The world file as data: accounts, their IAM identities, policies and buckets, and an optional organization.
// validate-world.ts turns YAML into these types; the reconcilers read them. Documents stay plain JSON objects.

/** A policy document as written in the file (a YAML or JSON object). */
export type PolicyDocument = Readonly<Record<string, unknown>>;

export type Tags = Readonly<Record<string, string>>;

export interface World {
  /** The region for clients, bucket defaults and written profiles. */
  readonly region: string;
  readonly accounts: readonly WorldAccount[];
  readonly organization: WorldOrganization | undefined;
}

export interface WorldAccount {
  readonly id: string;
  readonly alias: string | undefined;
  readonly policies: readonly ManagedPolicySpec[];
  readonly groups: readonly GroupSpec[];
  readonly users: readonly UserSpec[];
  readonly roles: readonly RoleSpec[];
  readonly buckets: readonly BucketSpec[];
}

/** A customer managed policy of the account. */
export interface ManagedPolicySpec {
  readonly name: string;
  readonly path: string;
  readonly description: string | undefined;
  readonly document: PolicyDocument;
}

/** What users, groups and roles share: inline policies by name and attached managed policies (ARNs, resolved). */
export interface PolicyHolder {
  readonly name: string;
  readonly path: string;
  readonly inlinePolicies: Readonly<Record<string, PolicyDocument>>;
  readonly managedPolicies: readonly string[];
}

export type GroupSpec = PolicyHolder;

export interface UserSpec extends PolicyHolder {
  readonly groups: readonly string[];
  readonly permissionsBoundary: string | undefined;
  readonly tags: Tags;
  /** How many access keys the user should have; missing ones are created (IAM allows two). */
  readonly accessKeys: number;
}

export interface RoleSpec extends PolicyHolder {
  readonly trustPolicy: PolicyDocument;
  readonly description: string | undefined;
  readonly maxSessionDuration: number | undefined;
  readonly permissionsBoundary: string | undefined;
  readonly tags: Tags;
}

export interface BucketSpec {
  readonly name: string;
  readonly region: string;
  readonly policy: PolicyDocument | undefined;
}

export type OrgPolicyType = 'scp' | 'rcp';

export interface WorldOrganization {
  readonly managementAccount: string;
  /** Accounts directly under the root. */
  readonly accounts: readonly string[];
  readonly units: readonly OrganizationalUnitSpec[];
  readonly policies: readonly OrgPolicySpec[];
}

export interface OrganizationalUnitSpec {
  readonly name: string;
  readonly accounts: readonly string[];
  readonly units: readonly OrganizationalUnitSpec[];
}

export interface OrgPolicySpec {
  readonly name: string;
  readonly type: OrgPolicyType;
  readonly description: string;
  readonly document: PolicyDocument;
  /** `Root`, an OU path such as `Workloads/Prod`, or an account id. */
  readonly targets: readonly string[];
}
