// Runs a policy simulation on xacct's engine: every action against every resource, reporting the decision, the
// statements that decided it (with their place in the policy text), the condition keys the request lacked, and
// whether the permissions boundary and the organization's SCPs allowed it on their own.
import {
  authorize,
  type CompiledPolicy,
  type ContextInput,
  compilePolicy,
  type Decision,
  type DecisionTrace,
  type PolicyKind,
  type Principal,
  RequestContext,
} from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import { type SourcedPolicy, sourced } from './simulation-policies.js';
import { statementPositions } from './statement-positions.js';

export interface Simulation {
  readonly principal: Principal;
  readonly identity: readonly SourcedPolicy[];
  readonly boundary: SourcedPolicy | undefined;
  readonly resourcePolicy: string | undefined;
  /** The account owning resources whose ARNs name none (S3 buckets); defaults to the principal's. */
  readonly resourceOwner: string | undefined;
  readonly actions: readonly string[];
  readonly resources: readonly string[];
  readonly context: ContextInput;
  /** The SCP chain of the principal's organization, when it has one. */
  readonly scp: readonly (readonly CompiledPolicy[])[] | undefined;
}

const DECISIONS = { Allowed: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;
const ALLOW_ALL = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

/** One EvaluationResult per action and resource, in request order. */
export function runSimulation(sim: Simulation): Shaped[] {
  const sources = new Map<string, SourcedPolicy>();
  for (const p of [...sim.identity, ...(sim.boundary ? [sim.boundary] : [])]) sources.set(p.id, p);
  const results: Shaped[] = [];
  for (const action of sim.actions) {
    for (const resource of sim.resources) results.push(evaluate(sim, sources, action, resource));
  }
  return results;
}

function evaluate(sim: Simulation, sources: Map<string, SourcedPolicy>, action: string, resource: string): Shaped {
  const resourceAccount =
    /^arn:[^:]*:[^:]*:[^:]*:(\d{12}):/.exec(resource)?.[1] ?? sim.resourceOwner ?? sim.principal.account;
  const resourcePolicy =
    sim.resourcePolicy === undefined
      ? undefined
      : sourced('ResourcePolicy', 'resource', sim.resourcePolicy, resourcePolicyKind(resource, action));
  const all = resourcePolicy ? new Map([...sources, [resourcePolicy.id, resourcePolicy]]) : sources;
  const request = {
    principal: sim.principal,
    action,
    resource,
    resourceAccount,
    context: RequestContext.from(sim.context).withDefaults(principalKeys(sim.principal)),
  };
  const decision = authorize(
    request,
    {
      identity: sim.identity.map((p) => p.compiled),
      permissionsBoundary: sim.boundary?.compiled,
      resource: resourcePolicy?.compiled,
      scp: sim.scp,
    },
    { trace: true },
  );
  const matched = matchedStatements(decision, all);
  const missing = missingKeys(decision.trace);
  const out: Shaped = {
    EvalActionName: action,
    EvalResourceName: resource,
    EvalDecision: DECISIONS[decision.decision],
    MatchedStatements: matched,
    MissingContextValues: resource === '*' ? missing : [],
  };
  if (sim.boundary) {
    const alone = authorize(request, { identity: [sim.boundary.compiled] });
    out.PermissionsBoundaryDecisionDetail = { AllowedByPermissionsBoundary: alone.decision === 'Allowed' };
  }
  if (sim.scp) {
    // The SCPs alone decide, so the identity side allows everything.
    const allowAll = compilePolicy(ALLOW_ALL, 'identity', 'allow-all').policy!;
    const alone = authorize(request, { identity: [allowAll], scp: sim.scp });
    out.OrganizationsDecisionDetail = { AllowedByOrganizations: alone.decision === 'Allowed' };
  }
  if (resource !== '*') {
    out.ResourceSpecificResults = [
      {
        EvalResourceName: resource,
        EvalResourceDecision: out.EvalDecision,
        MatchedStatements: matched,
        MissingContextValues: missing,
      },
    ];
  }
  return out;
}

function matchedStatements(decision: Decision, sources: Map<string, SourcedPolicy>): Shaped[] {
  const out: Shaped[] = [];
  for (const m of decision.matched) {
    const source = sources.get(m.policyId);
    if (source === undefined) continue;
    const span = statementPositions(source.text)[m.statementIndex];
    out.push({
      SourcePolicyId: source.id,
      SourcePolicyType: source.type,
      ...(span ? { StartPosition: span.start, EndPosition: span.end } : {}),
    });
  }
  return out;
}

/** Condition keys of statements that matched the action and resource but that the request did not supply. */
function missingKeys(trace: DecisionTrace | undefined): string[] {
  const keys = new Map<string, string>();
  for (const policy of trace?.policies ?? []) {
    for (const statement of policy.statements) {
      if (!statement.evaluated || statement.resource?.matched === false) continue;
      for (const c of statement.conditions) {
        if (c.requestValues === null && !keys.has(c.key.toLowerCase())) keys.set(c.key.toLowerCase(), c.key);
      }
    }
  }
  return [...keys.values()];
}

/** The keys the simulator knows from the simulated principal itself. */
function principalKeys(principal: Principal): ContextInput {
  if (principal.account === undefined) return {};
  const keys: Record<string, string> = {
    'aws:PrincipalAccount': principal.account,
    'aws:PrincipalArn': principal.roleArn ?? principal.arn,
    'aws:PrincipalType': principal.type,
  };
  if (principal.type === 'User') keys['aws:username'] = principal.arn.slice(principal.arn.lastIndexOf('/') + 1);
  if (principal.userId !== undefined) keys['aws:userid'] = principal.userId;
  return keys;
}

/** The kind of resource-based policy the resource implies (trust and key policies must allow explicitly). */
function resourcePolicyKind(resource: string, action: string): PolicyKind {
  if (/^arn:[\w-]+:iam::\d{12}:role\//.test(resource) && action.toLowerCase().startsWith('sts:')) return 'trust';
  const service = /^arn:[\w-]+:([^:]+):/.exec(resource)?.[1];
  if (service === 'kms') return 'kms-key';
  if (service === 's3') return 's3-bucket';
  if (service === 'sqs') return 'sqs-queue';
  if (service === 'sns') return 'sns-topic';
  if (service === 'ecr') return 'ecr-repository';
  return 'resource';
}
