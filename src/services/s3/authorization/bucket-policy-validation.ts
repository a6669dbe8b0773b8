// PutBucketPolicy's checks, with S3's MalformedPolicy messages: the grammar (policy engine diagnostics), then that
// every resource is this bucket or inside it, every action an S3 action, every named IAM principal a real one,
// every service condition key a known S3 key, and every statement's actions applicable to its resources. The IAM
// users and roles the policy names (in any account, asked through the directory) are bound to their unique ids.
import { AwsError } from '../../../core/aws-error.js';
import {
  type Diagnostic,
  type PolicyDocument,
  parsePolicy,
  type Statement,
  validatePolicy,
} from '../../../policy/index.js';
import type { Database } from '../../../storage/db.js';
import { Accounts } from '../../accounts/accounts.js';
import {
  awsPrincipalValues,
  bindPrincipals,
  isUserOrRoleArn,
  type PrincipalIdLookup,
  type PrincipalIds,
} from '../../bound-principals.js';
import { RoleRepo } from '../../iam/repos/roles.js';
import { UserRepo } from '../../iam/repos/users.js';

/** The parser's diagnostic codes as S3 words them. */
const MESSAGES: Readonly<Record<string, string>> = {
  MissingStatement: 'Missing required field Statement',
  MissingEffect: 'Missing required field Effect',
  MissingPrincipal: 'Missing required field Principal',
  InvalidPrincipal: 'Invalid principal in policy',
  MissingAction: 'Missing required field Action',
  InvalidAction: 'Policy has invalid action',
  MissingResource: 'Missing required field Resource',
  InvalidResource: 'Policy has invalid resource',
  InvalidConditionKey: 'Policy has an invalid condition key',
  InvalidVersion: 'The policy must contain a valid version string',
  PolicyTooLarge: 'Policy exceeds the maximum allowed document size.',
};

function malformedPolicy(message: string): AwsError {
  return new AwsError('MalformedPolicy', message);
}

export interface CheckedBucketPolicy {
  readonly document: PolicyDocument;
  /** What the bucket stores with the text: the unique ids its user and role ARNs resolved to. */
  readonly principalIds: PrincipalIds;
}

/** A valid bucket policy for `bucketArn`, parsed and bound. @throws AwsError `MalformedPolicy` (400). */
export function checkBucketPolicy(
  db: Database,
  bucketArn: string,
  text: string,
  principals: PrincipalIdLookup,
): CheckedBucketPolicy {
  const diagnostics = validatePolicy(text, 's3-bucket');
  const error = diagnostics.find((d) => d.severity === 'error');
  if (error !== undefined) throw malformedPolicy(MESSAGES[error.code] ?? error.message);
  if (diagnostics.some((d) => d.code === 'InvalidConditionValue' && /IpAddress/.test(d.message))) {
    throw malformedPolicy('Invalid IP address in Conditions');
  }
  // INVARIANT: without error diagnostics the document parses.
  const document = parsePolicy(text, 's3-bucket').document!;
  for (const statement of document.statements) checkStatement(db, bucketArn, statement, principals);
  if (diagnostics.some(isUnknownAction)) throw malformedPolicy('Policy has invalid action');
  // S3 lets unknown `aws:` keys through; any other key must be one it knows.
  const unknownKeys = new Set(diagnostics.filter((d) => d.code === 'UnknownConditionKey').map((d) => d.path));
  for (const statement of document.statements) {
    for (const clause of statement.conditions) {
      if (unknownKeys.has(clause.path) && !clause.key.toLowerCase().startsWith('aws:')) {
        throw malformedPolicy('Policy has an invalid condition key');
      }
    }
  }
  for (const statement of document.statements) {
    if (appliesToNothing(statement, diagnostics)) {
      throw malformedPolicy('Action does not apply to any resource(s) in statement');
    }
  }
  const binding = bindPrincipals(awsPrincipalValues(document), principals);
  // INVARIANT: every user and role ARN exists (checkStatement), so all are bound.
  if (binding.unknown.length > 0) throw malformedPolicy('Invalid principal in policy');
  return { document, principalIds: binding.ids };
}

function isUnknownAction(d: Diagnostic): boolean {
  return d.code === 'UnknownAction' || d.code === 'UnknownService';
}

function checkStatement(db: Database, bucketArn: string, statement: Statement, principals: PrincipalIdLookup): void {
  for (const action of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
    if (action !== '*' && !action.toLowerCase().startsWith('s3:')) throw malformedPolicy('Policy has invalid action');
  }
  for (const resource of [...(statement.resource ?? []), ...(statement.notResource ?? [])]) {
    if (resource !== bucketArn && !resource.startsWith(`${bucketArn}/`)) {
      throw malformedPolicy('Policy has invalid resource');
    }
  }
  for (const element of [statement.principal, statement.notPrincipal]) {
    if (element === undefined) continue;
    const known =
      element.aws.every((value) => awsPrincipalExists(db, value, principals)) &&
      element.canonicalUser.every((id) => new Accounts(db).findByCanonicalUserId(id) !== undefined);
    if (!known) throw malformedPolicy('Invalid principal in policy');
  }
}

/** Whether an AWS principal value names something that exists: accounts always do, IAM users and roles must. */
function awsPrincipalExists(db: Database, value: string, principals: PrincipalIdLookup): boolean {
  if (value === '*' || /^\d{12}$/.test(value) || /^arn:aws:iam::\d{12}:root$/.test(value)) return true;
  if (/^AIDA/.test(value)) return new UserRepo(db).byId(value) !== undefined;
  if (/^AROA/.test(value)) return new RoleRepo(db).byId(value) !== undefined;
  const session = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/.exec(value);
  if (session !== null) return new RoleRepo(db).byName(session[1]!, session[2]!) !== undefined;
  if (/^arn:aws:sts::\d{12}:federated-user\/[^/]+$/.test(value)) return true;
  return isUserOrRoleArn(value) && principals.principalId(value) !== undefined;
}

/** True when the catalog found that no action of the statement applies to any of its resources. */
function appliesToNothing(statement: Statement, diagnostics: readonly Diagnostic[]): boolean {
  const resources = statement.resource;
  if (resources === undefined || statement.action === undefined) return false;
  const prefix = `$.Statement[${statement.index}].Resource`;
  const misfits = diagnostics.filter((d) => d.code === 'ResourceMismatch' && d.path.startsWith(prefix)).length;
  return misfits > 0 && misfits === resources.length;
}
