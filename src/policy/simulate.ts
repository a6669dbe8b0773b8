// `xacct simulate`'s engine side: a self-contained JSON request (principal, action, resource, context and
// every applicable policy) checked strictly, turned into an authorization request and decided.

import { type ContextInput, RequestContext } from './context.js';
import { type AuthorizationRequest, authorize, type PolicySet } from './evaluate/authorize.js';
import { CompiledPolicy } from './evaluate/compiled-policy.js';
import { parsePolicy } from './parse/parse-policy.js';
import { type Principal, principalFromArn } from './principal.js';
import type { DecisionTrace } from './trace.js';
import type { DecisionKind, PolicyKind, PolicyTypeLabel } from './types.js';

export class SimulateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulateInputError';
  }
}

export interface SimulateOptions {
  /** Milliseconds since the epoch for `aws:CurrentTime`/`aws:EpochTime`; defaults to the clock. */
  readonly now?: number;
  readonly trace?: boolean;
}

export interface SimulateResult {
  readonly decision: DecisionKind;
  readonly deniedBy: PolicyTypeLabel | null;
  readonly message: string;
  readonly matched: readonly { policy: string; statement: number; sid: string | null; effect: 'Allow' | 'Deny' }[];
  readonly trace?: DecisionTrace;
}

const MUST_ALLOW: ReadonlySet<PolicyKind> = new Set(['trust', 'kms-key']);
const REQUEST_KEYS = new Set(['principal', 'action', 'resource', 'resourceAccount', 'context', 'policies']);
const POLICY_KEYS = new Set(['identity', 'resource', 'permissionsBoundary', 'session', 'scp', 'rcp', 'vpcEndpoint']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(message: string): never {
  throw new SimulateInputError(message);
}

function checkKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(value)) if (!allowed.has(key)) fail(`${where}: unknown field '${key}'`);
}

function compile(doc: unknown, kind: PolicyKind, id: string): CompiledPolicy {
  if (!isRecord(doc) && typeof doc !== 'string') fail(`${id}: a policy must be a JSON object`);
  const { document, diagnostics } = parsePolicy(doc, kind);
  if (document === undefined) {
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.path}: ${d.message}`);
    fail(`${id}: invalid ${kind} policy: ${errors.join('; ')}`);
  }
  return new CompiledPolicy(kind, id, document);
}

function list(value: unknown, id: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${id} must be an array of policies`);
  return value;
}

function levels(value: unknown, kind: PolicyKind, id: string): CompiledPolicy[][] | undefined {
  if (value === undefined) return undefined;
  return list(value, id).map((level, i) =>
    list(level, `${id}[${i}]`).map((p, j) => compile(p, kind, `${id}[${i}][${j}]`)),
  );
}

/** Which kind of resource-based policy the resource ARN implies (trust and key policies must allow explicitly). */
function resourcePolicyKind(resource: string, action: string): PolicyKind {
  const lower = action.toLowerCase();
  if (/^arn:[\w-]+:iam::\d{12}:role\//.test(resource) && lower.startsWith('sts:')) return 'trust';
  if (/^arn:[\w-]+:kms:[^:]*:\d{12}:key\//.test(resource)) return 'kms-key';
  const service = /^arn:[\w-]+:([^:]+):/.exec(resource)?.[1];
  if (service === 's3') return 's3-bucket';
  if (service === 'sqs') return 'sqs-queue';
  if (service === 'sns') return 'sns-topic';
  if (service === 'ecr') return 'ecr-repository';
  return 'resource';
}

function compilePolicies(raw: unknown, principal: Principal, resource: string, action: string): PolicySet {
  if (raw === undefined) return {};
  if (!isRecord(raw)) fail('policies must be an object');
  checkKeys(raw, POLICY_KEYS, 'policies');
  const identity = list(raw.identity, 'identity').map((p, i) => compile(p, 'identity', `identity[${i}]`));
  const boundary = raw.permissionsBoundary ?? null;
  if (principal.type === 'Account' && (identity.length > 0 || boundary !== null)) {
    fail('the root user cannot have identity-based policies or a permissions boundary');
  }
  const single = (value: unknown, kind: PolicyKind, id: string): CompiledPolicy | undefined =>
    value === undefined || value === null ? undefined : compile(value, kind, id);
  return {
    identity,
    resource: single(raw.resource, resourcePolicyKind(resource, action), 'resource'),
    permissionsBoundary: single(boundary, 'permissions-boundary', 'permissionsBoundary'),
    session: list(raw.session, 'session').map((p, i) => compile(p, 'session', `session[${i}]`)),
    scp: levels(raw.scp, 'scp', 'scp'),
    rcp: levels(raw.rcp, 'rcp', 'rcp'),
    vpcEndpoint: single(raw.vpcEndpoint, 'vpc-endpoint', 'vpcEndpoint'),
  };
}

function readContext(raw: unknown): ContextInput {
  if (raw === undefined) return {};
  if (!isRecord(raw)) fail('context must be an object');
  for (const [key, value] of Object.entries(raw)) {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      fail(`context '${key}' must be a string, number, boolean or an array of them`);
    }
  }
  return raw as ContextInput;
}

/** The keys AWS would put in every request for this principal and resource, unless the request gives them. */
function derivedContext(principal: Principal, resourceAccount: string | undefined, now: number): ContextInput {
  const keys: Record<string, string> = {
    'aws:CurrentTime': new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'aws:EpochTime': String(Math.floor(now / 1000)),
  };
  if (resourceAccount !== undefined) keys['aws:ResourceAccount'] = resourceAccount;
  if (principal.type === 'Anonymous') return { ...keys, 'aws:PrincipalType': 'Anonymous', 'aws:userid': 'anonymous' };
  keys['aws:PrincipalIsAWSService'] = String(principal.type === 'Service');
  if (principal.type === 'Service') return { ...keys, 'aws:PrincipalServiceName': principal.serviceName! };
  if (principal.account === undefined) return keys;
  keys['aws:PrincipalAccount'] = principal.account;
  keys['aws:PrincipalType'] = principal.type;
  keys['aws:PrincipalArn'] = principal.type === 'AssumedRole' ? principal.roleArn! : principal.arn;
  if (principal.type === 'Account') keys['aws:userid'] = principal.account;
  if (principal.type === 'User') keys['aws:username'] = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
  if (principal.type === 'FederatedUser') keys['aws:userid'] = `${principal.account}:${principal.arn.split('/')[1]}`;
  return keys;
}

export function simulate(request: unknown, options: SimulateOptions = {}): SimulateResult {
  if (!isRecord(request)) fail('the request must be a JSON object');
  checkKeys(request, REQUEST_KEYS, 'request');
  const { principal: principalText, action, resource, resourceAccount } = request;
  if (typeof principalText !== 'string') fail("'principal' must be a string");
  if (typeof action !== 'string' || !/^[A-Za-z0-9-]+:[A-Za-z0-9*?_.-]+$/.test(action))
    fail("'action' must look like 'service:Action'");
  if (typeof resource !== 'string' || resource === '') fail("'resource' must be an ARN or '*'");
  if (resourceAccount !== undefined && (typeof resourceAccount !== 'string' || !/^\d{12}$/.test(resourceAccount))) {
    fail("'resourceAccount' must be 12 digits");
  }
  const context = readContext(request.context);
  const roleArn = Object.entries(context).find(([k]) => k.toLowerCase() === 'aws:principalarn')?.[1];
  const principal = principalFromArn(principalText, typeof roleArn === 'string' ? roleArn : undefined);
  if (principal === undefined) fail(`'principal' is not a principal ARN, '*' or a service principal: ${principalText}`);
  const policies = compilePolicies(request.policies, principal, resource, action);
  const owner = resourceAccount ?? /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? principal.account;
  const authorization: AuthorizationRequest = {
    // Role trust and KMS key policies must allow explicitly, so a missing one means no access.
    resourcePolicyRequired: MUST_ALLOW.has(resourcePolicyKind(resource, action)),
    principal,
    action,
    resource,
    resourceAccount: owner,
    context: RequestContext.from(context).withDefaults(derivedContext(principal, owner, options.now ?? Date.now())),
  };
  const decision = authorize(authorization, policies, { trace: options.trace === true });
  return {
    decision: decision.decision,
    deniedBy: decision.deniedBy,
    message: decision.message,
    matched: decision.matched.map((m) => ({
      policy: m.policyId,
      statement: m.statementIndex,
      sid: m.sid,
      effect: m.effect,
    })),
    ...(decision.trace === undefined ? {} : { trace: decision.trace }),
  };
}
