// The policy language as data: the typed AST the parser produces and every other module reads.

/** The kinds of policy documents AWS has. The kind decides validation rules, size limits and evaluation role. */
export type PolicyKind =
  | 'identity' // managed or inline identity-based policy (also used as a permissions boundary)
  | 'permissions-boundary'
  | 'session'
  | 'scp'
  | 'rcp'
  | 'vpc-endpoint'
  | 'trust' // IAM role trust policy
  | 'kms-key'
  | 's3-bucket'
  | 'sqs-queue'
  | 'sns-topic'
  | 'ecr-repository'
  | 'resource'; // a generic resource-based policy

export type PolicyVersion = '2012-10-17' | '2008-10-17';

export type Effect = 'Allow' | 'Deny';

/** One Principal or NotPrincipal element. `wildcard` is `"*"` or `{"AWS": "*"}`. Arrays are always arrays. */
export interface PrincipalElement {
  readonly wildcard: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** One `operator: { key: values }` pair of a Condition block. */
export interface ConditionClause {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: string;
  /** The operator without qualifier and IfExists, e.g. `StringLike`. */
  readonly baseOperator: string;
  readonly qualifier: SetQualifier | undefined;
  readonly ifExists: boolean;
  /** The key as written (keys compare case-insensitively). */
  readonly key: string;
  /** Values as strings (JSON numbers and booleans are turned into their text). */
  readonly values: readonly string[];
  /** JSON path of the key, for diagnostics and traces. */
  readonly path: string;
}

export interface Statement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly principal: PrincipalElement | undefined;
  readonly notPrincipal: PrincipalElement | undefined;
  readonly action: readonly string[] | undefined;
  readonly notAction: readonly string[] | undefined;
  readonly resource: readonly string[] | undefined;
  readonly notResource: readonly string[] | undefined;
  readonly conditions: readonly ConditionClause[];
}

export interface PolicyDocument {
  readonly version: PolicyVersion | undefined;
  readonly id: string | undefined;
  readonly statements: readonly Statement[];
}

export type Severity = 'error' | 'warning';

/** A problem found in a policy document: an error makes the document invalid, a warning never changes a decision. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable identifier, e.g. `MissingEffect`, `UnknownAction`. */
  readonly code: string;
  /** JSON path, e.g. `$.Statement[0].Action[1]`. */
  readonly path: string;
  /** AWS-style text (what `MalformedPolicyDocument` / `MalformedPolicy` would carry). */
  readonly message: string;
}

/** The policy types as AWS names them in access-denied messages. */
export type PolicyTypeLabel =
  | 'identity-based'
  | 'resource-based'
  | 'permissions boundary'
  | 'session'
  | 'service control'
  | 'resource control'
  | 'VPC endpoint';

export type DecisionKind = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';
