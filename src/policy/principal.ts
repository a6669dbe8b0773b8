// Who is calling: the principal as the engine sees it, and how one is read from an ARN or a service name.

export type PrincipalType =
  | 'Account' // the root user of an account
  | 'User'
  | 'AssumedRole'
  | 'FederatedUser'
  | 'Anonymous'
  | 'Service'
  | 'WebIdentity' // a caller holding an OIDC token (AssumeRoleWithWebIdentity)
  | 'SAML'; // a caller holding a SAML assertion (AssumeRoleWithSAML)

export interface Principal {
  readonly type: PrincipalType;
  /** The ARN shown in access-denied messages (`anonymous` for anonymous callers, the service name for services). */
  readonly arn: string;
  /** The principal's account; undefined for anonymous callers, service principals and federated callers. */
  readonly account: string | undefined;
  /** AssumedRole: the role's ARN including its path. */
  readonly roleArn?: string | undefined;
  /** AssumedRole: the role's unique id (`AROA...`). */
  readonly roleId?: string | undefined;
  /** User: the user's unique id (`AIDA...`). */
  readonly userId?: string | undefined;
  /** FederatedUser: the ARN of the IAM user who called GetFederationToken. */
  readonly parentUserArn?: string | undefined;
  /** Service: the service principal name, e.g. `logging.s3.amazonaws.com`. */
  readonly serviceName?: string | undefined;
  /** WebIdentity/SAML: the identity provider (an IAM provider ARN or a well-known IdP name). */
  readonly provider?: string | undefined;
  /** The canonical user id of the principal's account (matches `CanonicalUser` principals in S3 policies). */
  readonly canonicalUserId?: string | undefined;
}

const ROOT_ARN = /^arn:[\w-]+:iam::(\d{12}):root$/;
const USER_ARN = /^arn:[\w-]+:iam::(\d{12}):user\/(?:[\x21-\x7e]*\/)?([\w+=,.@-]+)$/;
const SESSION_ARN = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/([\w+=,.@-]+)$/;
const FEDERATED_USER_ARN = /^arn:[\w-]+:sts::(\d{12}):federated-user\/([\w+=,.@-]+)$/;
const PROVIDER_ARN = /^arn:[\w-]+:iam::(\d{12}):(oidc-provider|saml-provider)\/.+$/;
const SERVICE_NAME = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

export function rootArn(account: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:root`;
}

/**
 * Reads a principal from its ARN (or `*` for anonymous, or a service principal name).
 * For a role session without a known path, the role ARN gets the path `/`; pass `roleArn` to override.
 */
export function principalFromArn(text: string, roleArn?: string): Principal | undefined {
  if (text === '*' || text === 'anonymous') return { type: 'Anonymous', arn: 'anonymous', account: undefined };
  let m = ROOT_ARN.exec(text);
  if (m) return { type: 'Account', arn: text, account: m[1] };
  m = USER_ARN.exec(text);
  if (m) return { type: 'User', arn: text, account: m[1] };
  m = SESSION_ARN.exec(text);
  if (m) {
    const [, partition, account, role] = m;
    return {
      type: 'AssumedRole',
      arn: text,
      account,
      roleArn: roleArn ?? `arn:${partition}:iam::${account}:role/${role}`,
    };
  }
  m = FEDERATED_USER_ARN.exec(text);
  if (m) return { type: 'FederatedUser', arn: text, account: m[1] };
  m = PROVIDER_ARN.exec(text);
  if (m)
    return { type: m[2] === 'saml-provider' ? 'SAML' : 'WebIdentity', arn: text, account: undefined, provider: text };
  if (SERVICE_NAME.test(text)) return { type: 'Service', arn: text, account: undefined, serviceName: text };
  return undefined;
}

/** Service-linked roles live under the `/aws-service-role/` path; SCPs do not apply to them. */
export function isServiceLinkedRole(principal: Principal): boolean {
  return (
    principal.type === 'AssumedRole' && /^arn:[\w-]+:iam::\d{12}:role\/aws-service-role\//.test(principal.roleArn ?? '')
  );
}
