// iam:GetAccountSummary: how many of each IAM entity the account has, and IAM's default quotas.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { isAssigned, MfaDevices } from '../../mfa/mfa-devices.js';
import { OidcProviders } from '../../oidc/oidc-providers.js';
import { SamlProviders } from '../../oidc/saml-providers.js';

/** IAM's default quotas, as GetAccountSummary reports them. */
const QUOTAS = {
  AccessKeysPerUserQuota: 2,
  AssumeRolePolicySizeQuota: 2048,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  GroupPolicySizeQuota: 5120,
  GroupsPerUserQuota: 10,
  GroupsQuota: 300,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  PolicySizeQuota: 6144,
  PolicyVersionsInUseQuota: 10000,
  RolePolicySizeQuota: 10240,
  RolesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
  UserPolicySizeQuota: 2048,
  UsersQuota: 5000,
  VersionsPerPolicyQuota: 5,
};

export function getAccountSummary(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const devices = new MfaDevices(iam.db).listForAccount(account);
  const policies = iam.managedPolicies.list(account);
  const counts = {
    Users: iam.users.list(account).length,
    Groups: iam.groups.list(account).length,
    Roles: iam.roles.list(account).length,
    InstanceProfiles: iam.instanceProfiles.list(account).length,
    Policies: policies.length,
    PolicyVersionsInUse: policies.reduce((n, p) => n + iam.managedPolicies.versions(p.id).length, 0),
    MFADevices: devices.length,
    MFADevicesInUse: devices.filter(isAssigned).length,
    Providers: new OidcProviders(iam.db).list(account).length + new SamlProviders(iam.db).list(account).length,
    ServerCertificates: 0,
    AccountMFAEnabled: devices.some((d) => d.assignedRoot) ? 1 : 0,
    // The root user signs with its account id and has neither access keys, a password nor signing certificates.
    AccountAccessKeysPresent: 0,
    AccountPasswordPresent: 0,
    AccountSigningCertificatesPresent: 0,
    GlobalEndpointTokenVersion: 1,
  };
  return { SummaryMap: { ...QUOTAS, ...counts } };
}
