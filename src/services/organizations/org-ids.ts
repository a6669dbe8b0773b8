// Organizations identifiers and ARNs in AWS's formats (aws-reference 4.1): o-, r-, ou-, p-, h-, car- ids, and the
// ARNs of organizations, roots, OUs, accounts, policies and handshakes, all in the management account's namespace.
import { randomBytes, randomInt } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomLowerAlnum(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += LOWER_ALNUM[byte % LOWER_ALNUM.length];
  return out;
}

export const newOrganizationId = (): string => `o-${randomLowerAlnum(10)}`;
export const newRootId = (): string => `r-${randomLowerAlnum(4)}`;
/** OU ids carry the root's suffix: `ou-<root>-<8>`. */
export const newOuId = (rootId: string): string => `ou-${rootId.slice(2)}-${randomLowerAlnum(8)}`;
export const newPolicyId = (): string => `p-${randomLowerAlnum(8)}`;
export const newHandshakeId = (): string => `h-${randomLowerAlnum(10)}`;
export const newCreateAccountRequestId = (): string => `car-${randomLowerAlnum(32)}`;

/** A random 12-digit account id. */
export function newAccountId(): string {
  let out = '';
  for (let i = 0; i < 12; i++) out += String(randomInt(10));
  return out;
}

export type EntityKind = 'root' | 'ou' | 'account' | 'policy' | 'handshake';

/** What an Organizations id names, from its form alone. */
export function kindOfId(id: string): EntityKind | undefined {
  if (/^r-[0-9a-z]{4,32}$/.test(id)) return 'root';
  if (/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/.test(id)) return 'ou';
  if (/^\d{12}$/.test(id)) return 'account';
  if (/^p-[0-9a-zA-Z_]{8,128}$/.test(id)) return 'policy';
  if (/^h-[0-9a-z]{8,32}$/.test(id)) return 'handshake';
  return undefined;
}

/** The organization an ARN is formed in: its id and its management account. */
export interface OrgNamespace {
  readonly id: string;
  readonly managementAccount: string;
}

const prefix = (org: OrgNamespace): string => `arn:aws:organizations::${org.managementAccount}:`;

export const organizationArn = (org: OrgNamespace): string => `${prefix(org)}organization/${org.id}`;
export const rootArn = (org: OrgNamespace, rootId: string): string => `${prefix(org)}root/${org.id}/${rootId}`;
export const ouArn = (org: OrgNamespace, ouId: string): string => `${prefix(org)}ou/${org.id}/${ouId}`;
export const accountArn = (org: OrgNamespace, account: string): string => `${prefix(org)}account/${org.id}/${account}`;
export const handshakeArn = (org: OrgNamespace, handshakeId: string): string =>
  `${prefix(org)}handshake/${org.id}/invite/${handshakeId}`;

/** `SERVICE_CONTROL_POLICY` -> `service_control_policy`, as policy ARNs spell the type. */
export const policyTypeSegment = (type: string): string => type.toLowerCase();

export const customerPolicyArn = (org: OrgNamespace, type: string, policyId: string): string =>
  `${prefix(org)}policy/${org.id}/${policyTypeSegment(type)}/${policyId}`;

export const awsManagedPolicyArn = (type: string, policyId: string): string =>
  `arn:aws:organizations::aws:policy/${policyTypeSegment(type)}/${policyId}`;
