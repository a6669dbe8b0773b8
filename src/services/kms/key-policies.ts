// Key policy documents KMS writes itself (the default key policy, AWS managed key policies) and the validation of
// the ones customers write: the engine's grammar and size rules for kind `kms-key`, then every principal must exist,
// and the users and roles it names are bound to their unique ids (bound-principals.ts).
import { type CompiledPolicy, compilePolicy, type PrincipalElement } from '../../policy/index.js';
import { awsPrincipalValues, bindPrincipals, type PrincipalIds, principalIds } from '../bound-principals.js';
import type { ServiceDeps } from '../types.js';
import { malformedPolicy } from './kms-errors.js';
import { principalExists } from './principal-exists.js';

/** The policy CreateKey gives a key when the request has none (as the API emits it, Sid included). */
export function defaultKeyPolicy(account: string): string {
  return awsJson({
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  });
}

/**
 * The policy of an AWS managed key: every principal of the account may use it, but only through the service;
 * the account may read its metadata. Services that create grants for their resources (RDS, EBS) may also do so.
 */
export function awsManagedKeyPolicy(account: string, region: string, service: string): string {
  const grants = service === 'rds' || service === 'ebs' ? ['kms:CreateGrant', 'kms:ListGrants'] : [];
  return awsJson({
    Version: '2012-10-17',
    Id: `auto-${service}-2`,
    Statement: [
      {
        Sid: `Allow access through ${service.toUpperCase()} for all principals in the account that are authorized to use ${service.toUpperCase()}`,
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', ...grants, 'kms:DescribeKey'],
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:CallerAccount': account, 'kms:ViaService': `${service}.${region}.amazonaws.com` },
        },
      },
      {
        Sid: 'Allow direct access to key metadata to the account',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
        Resource: '*',
      },
    ],
  });
}

const INVALID_PRINCIPALS = 'Policy contains a statement with one or more invalid principals.';

export interface CustomerKeyPolicy {
  readonly policy: CompiledPolicy;
  /** What the key stores with the text: the unique ids its user and role ARNs resolved to. */
  readonly principalIds: PrincipalIds;
}

/** Compiles a customer's key policy and binds its principals, or throws MalformedPolicyDocumentException. */
export function compileCustomerKeyPolicy(text: string, keyArn: string, deps: ServiceDeps): CustomerKeyPolicy {
  const { policy, diagnostics } = compilePolicy(text, 'kms-key', keyArn);
  const error = diagnostics.find((d) => d.severity === 'error');
  if (policy === undefined || error !== undefined) throw malformedPolicy(error?.message ?? 'Invalid policy');
  for (const statement of policy.document.statements) {
    for (const element of [statement.principal, statement.notPrincipal]) {
      if (element !== undefined && !principalsExist(element, deps)) throw malformedPolicy(INVALID_PRINCIPALS);
    }
  }
  const binding = bindPrincipals(awsPrincipalValues(policy.document), principalIds(deps));
  // INVARIANT: every user and role ARN exists (checked above), so all are bound.
  if (binding.unknown.length > 0) throw malformedPolicy(INVALID_PRINCIPALS);
  return { policy, principalIds: binding.ids };
}

function principalsExist(element: PrincipalElement, deps: ServiceDeps): boolean {
  if (element.canonicalUser.length > 0) return false;
  return element.aws.every((principal) => principalExists(principal, deps));
}

/**
 * JSON as KMS prints the policies it writes (Jackson's default pretty printer): ` : ` between names and values,
 * arrays opened on the same line as their first element.
 */
export function awsJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return `[ ${value.map((item) => awsJson(item, indent)).join(', ')} ]`;
  }
  if (value !== null && typeof value === 'object') {
    const inner = `${indent}  `;
    const members = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)} : ${awsJson(v, inner)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
