// The short answer `xacct explain` leads with: why one recorded decision came out as it did, read off its trace
// (the deciding statement, the condition values that made a Deny apply, the Allow statements that nearly applied).
import type { RecordedDecision } from '../audit/trail-event.js';
import type {
  ConditionTrace,
  DecisionTrace,
  MatchedStatement,
  PolicyTrace,
  PolicyTypeLabel,
  StatementTrace,
} from '../policy/index.js';

export interface ExplainSummary {
  /** One line: `Allowed by: ...` or `Denied because: ...`. */
  readonly headline: string;
  /** Supporting facts, one line each: statements that nearly applied and why not, the failed evaluation step. */
  readonly details: readonly string[];
  /** The policy types the engine looked at, in AWS's order. */
  readonly consulted: readonly PolicyTypeLabel[];
}

const MAX_NEAR_MISSES = 5;

export function explainSummary(d: RecordedDecision): ExplainSummary {
  const trace = d.trace;
  const consulted = trace ? [...new Set(trace.policies.map((p) => p.type))] : [];
  if (d.decision === 'Allowed') return { headline: allowedHeadline(d), details: [], consulted };
  if (d.decision === 'ExplicitDeny') {
    return {
      headline: `Denied because: ${d.matched.map((m) => denyReason(m, trace)).join('; ')}`,
      details: [],
      consulted,
    };
  }
  // The trail stores the engine's label as text; it is always one of the engine's labels.
  const type = (d.deniedBy ?? 'identity-based') as PolicyTypeLabel;
  return {
    headline: `Denied because: no ${type} policy allows ${d.action}`,
    details: trace ? implicitDetails(type, d.action, trace) : [],
    consulted,
  };
}

function allowedHeadline(d: RecordedDecision): string {
  if (d.matched.length > 0) return `Allowed by: ${d.matched.map(statementRef).join('; ')}`;
  if (d.trace?.principal.endsWith(':root')) {
    return "Allowed: the account's root user holds every permission of its own account, and nothing denies it";
  }
  return `Allowed: ${d.message}`;
}

function statementRef(m: MatchedStatement): string {
  return `${m.policyType} policy ${shortId(m.policyId)} statement ${m.sid ?? `#${m.statementIndex}`}`;
}

/** Organizations policy ARNs say little beyond their `p-...` id, which is what the console and CLI show. */
function shortId(policyId: string): string {
  return /^arn:[\w-]+:organizations::[^:]*:policy\/.*\/(p-[\w]+)$/.exec(policyId)?.[1] ?? policyId;
}

/** `explicit Deny in ... statement S: condition Op key: request "a" vs policy "b"`: the values that made it apply. */
function denyReason(m: MatchedStatement, trace: DecisionTrace | undefined): string {
  const statement = findStatement(trace, m);
  const conditions = statement?.conditions.filter((c) => c.result) ?? [];
  const because = conditions.length > 0 ? `: ${conditions.map(conditionText).join('; ')}` : '';
  return `explicit Deny in ${statementRef(m)}${because}`;
}

function findStatement(trace: DecisionTrace | undefined, m: MatchedStatement): StatementTrace | undefined {
  const policy = trace?.policies.find((p) => p.id === m.policyId && p.type === m.policyType);
  return policy?.statements.find((s) => s.index === m.statementIndex);
}

function conditionText(c: ConditionTrace): string {
  const request = c.requestValues === null ? 'absent' : c.requestValues.map((v) => JSON.stringify(v)).join(', ');
  const policy = c.policyValues.map((v) => JSON.stringify(v)).join(', ');
  return `condition ${c.operator} ${c.key}: request ${request} vs policy ${policy}`;
}

function implicitDetails(type: PolicyTypeLabel, action: string, trace: DecisionTrace): string[] {
  const details: string[] = [];
  const failed = trace.steps.find((s) => s.outcome === 'fail');
  // The grant step's detail only repeats the headline; SCP levels and the like add to it.
  if (failed && failed.detail !== `no ${type} policy grants the request`)
    details.push(`${failed.step}: ${failed.detail}`);
  if (type === 'resource-based' && /^arn:[\w-]+:iam::\d{12}:role\//.test(trace.resource)) {
    details.push("a role's resource-based policy is its trust policy, which must allow the caller explicitly");
  }
  if (type === 'resource-based' && trace.crossAccount) {
    details.push(
      `the resource belongs to account ${trace.resourceAccount}, so its policy must grant the caller (or the caller's account)`,
    );
  }
  const policies = trace.policies.filter((p) => p.type === type);
  if (policies.length === 0) {
    details.push(type === 'resource-based' ? 'the resource has no policy' : `no ${type} policy applies to the caller`);
    return details;
  }
  const misses = policies.flatMap((p) => nearMisses(p));
  if (misses.length === 0) details.push(`no Allow statement in ${policyList(policies)} covers ${action}`);
  details.push(...misses.slice(0, MAX_NEAR_MISSES));
  if (misses.length > MAX_NEAR_MISSES) details.push(`... and ${misses.length - MAX_NEAR_MISSES} more`);
  return details;
}

function policyList(policies: readonly PolicyTrace[]): string {
  const ids = policies.map((p) => shortId(p.id));
  return ids.length === 1
    ? `${policies[0]!.type} policy ${ids[0]}`
    : `the ${policies[0]!.type} policies ${ids.join(', ')}`;
}

/** Allow statements whose action matched but which did not apply: the first element or condition that failed. */
function nearMisses(policy: PolicyTrace): string[] {
  return policy.statements
    .filter((s) => s.effect === 'Allow' && s.evaluated && !s.applies)
    .map(
      (s) =>
        `${policy.type} policy ${policy.id} statement ${s.sid ?? `#${s.index}`} covers the action but ${whyNot(s)}`,
    );
}

function whyNot(s: StatementTrace): string {
  if (s.resource && !s.resource.matched) {
    return `not the resource (${s.resource.negated ? 'NotResource' : 'Resource'} ${s.resource.values.join(', ')})`;
  }
  if (s.principal && !s.principal.matched) {
    return `not the caller (${s.principal.negated ? 'NotPrincipal' : 'Principal'} ${s.principal.values.join(', ')})`;
  }
  const failed = s.conditions.filter((c) => !c.result);
  if (failed.length > 0) return failed.map((c) => `${conditionText(c)} does not hold`).join(' and ');
  return 'does not apply';
}
