// Checks the policy documents IAM stores, as IAM does before it stores anything: the grammar of the policy type
// (MalformedPolicyDocument with the engine's message), IAM's size quotas (LimitExceeded), and for trust policies
// that every IAM user and role they name exists (IAM binds such principals to unique ids, so it must resolve them).
import { KIND_RULES, type PolicyDocument, parsePolicy, policySize } from '../../policy/index.js';
import { bindPrincipals, type PrincipalIdLookup, type PrincipalIds } from '../bound-principals.js';
import { limitExceeded, malformedPolicy } from './errors.js';
import type { IamContext } from './iam-context.js';
import type { PolicyHolderType } from './repos/inline-policies.js';

export const MANAGED_POLICY_SIZE = 6144;
export const TRUST_POLICY_SIZE = 2048;
/** Aggregate size of all inline policies of one user, group or role (IAM quotas). */
export const INLINE_POLICY_SIZE: Readonly<Record<PolicyHolderType, number>> = { user: 2048, group: 5120, role: 10240 };

/** Size as IAM counts it: characters, whitespace outside strings not counted. */
export function iamPolicySize(document: string): number {
  return policySize(document, KIND_RULES.identity);
}

/** An identity-based policy (managed, inline or boundary); throws MalformedPolicyDocument. */
export function checkIdentityPolicy(document: string): PolicyDocument {
  return parseOrThrow(document, 'identity');
}

export function checkManagedPolicy(document: string): void {
  checkIdentityPolicy(document);
  if (iamPolicySize(document) > MANAGED_POLICY_SIZE) {
    throw limitExceeded(`Cannot exceed quota for PolicySize: ${MANAGED_POLICY_SIZE}`);
  }
}

/**
 * Checks a role trust policy and resolves the IAM users and roles it names. Returns the unique id each of their
 * ARNs resolved to, which the role keeps with the document (see bound-principals.ts).
 */
export function checkTrustPolicy(iam: IamContext, document: string): PrincipalIds {
  const parsed = parseOrThrow(document, 'trust');
  if (iamPolicySize(document) > TRUST_POLICY_SIZE) {
    throw limitExceeded(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_SIZE}`);
  }
  const values = parsed.statements.flatMap((statement) => statement.principal?.aws ?? []);
  for (const value of values) {
    if (resolvePrincipal(iam, value) === undefined)
      throw malformedPolicy(`Invalid principal in policy: "AWS":"${value}"`);
  }
  return bindPrincipals(values, iamPrincipalIds(iam)).ids;
}

function parseOrThrow(document: string, kind: 'identity' | 'trust'): PolicyDocument {
  const { document: parsed, diagnostics } = parsePolicy(document, kind, { sizeLimit: false });
  if (parsed === undefined) {
    const error = diagnostics.find((d) => d.severity === 'error');
    throw malformedPolicy(error?.message ?? 'Syntax errors in policy.');
  }
  return parsed;
}

const USER_OR_ROLE_ARN = /^arn:aws:iam::(\d{12}):(user|role)(\/(?:.*\/)?)([^/]+)$/;
const SESSION_ARN = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/** The unique id of the user or role an ARN names, path included (the ARN must be the entity's); else undefined. */
export function userOrRoleId(iam: IamContext, arn: string): string | undefined {
  const m = USER_OR_ROLE_ARN.exec(arn);
  if (!m) return undefined;
  const [, account, type, , name] = m as unknown as [string, string, string, string, string];
  const entity = type === 'user' ? iam.users.byName(account, name) : iam.roles.byName(account, name);
  return entity?.arn === arn ? entity.id : undefined;
}

/** IAM's own answers to which user or role an ARN names now, for the documents IAM binds (trust policies). */
export function iamPrincipalIds(iam: IamContext): PrincipalIdLookup {
  return {
    principalId: (arn) => userOrRoleId(iam, arn),
    get generation() {
      return iam.generation;
    },
  };
}

/**
 * The unique id of the user or role a principal ARN names, with the path the ARN gives; accounts, `*` and other
 * principals stand as written (returned unchanged); undefined when it names nobody.
 */
export function resolvePrincipal(iam: IamContext, value: string): string | undefined {
  if (USER_OR_ROLE_ARN.test(value)) return userOrRoleId(iam, value);
  const session = SESSION_ARN.exec(value);
  if (session) return iam.roles.byName(session[1]!, session[2]!) ? value : undefined;
  if (/^AIDA[A-Z0-9]+$/.test(value)) return iam.users.byId(value) ? value : undefined;
  if (/^AROA[A-Z0-9]+$/.test(value)) return iam.roles.byId(value) ? value : undefined;
  return value;
}
