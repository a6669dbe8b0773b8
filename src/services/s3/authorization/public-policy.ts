// Whether a bucket policy is "public" as Block Public Access defines it (S3 UG, "The meaning of public"): a policy
// is public unless every Allow statement is limited to fixed principals or by a fixed value of a limiting key.
import type { ConditionClause, PolicyDocument, Statement } from '../../../policy/index.js';

/** Keys whose fixed values make a `Principal: "*"` statement non-public (lower case). */
const LIMITING_KEYS: ReadonlySet<string> = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  // `AROLEID:*` patterns are wildcards, so only fixed user ids limit access.
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
]);

/** Operators that pin a key to the listed values; negated operators and IfExists variants limit nothing. */
const PINNING_OPERATORS: ReadonlySet<string> = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
]);

export function isPublicPolicy(document: PolicyDocument): boolean {
  return document.statements.some(isPublicStatement);
}

function isPublicStatement(statement: Statement): boolean {
  if (statement.effect !== 'Allow') return false;
  const principal = statement.principal;
  // NotPrincipal with Allow names everyone but a few.
  if (principal === undefined) return true;
  const fixedPrincipals = !principal.wildcard && principal.federated.length === 0 && !principal.aws.includes('*');
  if (fixedPrincipals) return false;
  return !statement.conditions.some(limitsAccess);
}

function limitsAccess(clause: ConditionClause): boolean {
  if (clause.ifExists || clause.qualifier === 'ForAllValues') return false;
  const key = clause.key.toLowerCase();
  if (key === 'aws:sourceip') return clause.baseOperator === 'IpAddress' && clause.values.every(isNarrowCidr);
  if (!PINNING_OPERATORS.has(clause.baseOperator) || !clause.values.every(isFixed)) return false;
  return LIMITING_KEYS.has(key);
}

function isFixed(value: string): boolean {
  return value.length > 0 && !/[*?]/.test(value) && !value.includes('${');
}

/** An IPv4 range no broader than /8, an IPv6 range no broader than /32. */
function isNarrowCidr(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const bits = slash < 0 ? undefined : Number(value.slice(slash + 1));
  if (bits !== undefined && !Number.isInteger(bits)) return false;
  return address.includes(':') ? (bits ?? 128) >= 32 : (bits ?? 32) >= 8;
}
