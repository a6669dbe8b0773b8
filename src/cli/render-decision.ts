// Human-readable rendering of a decision and its trace, shared by `simulate` and `explain`.

import type { ConditionTrace, DecisionTrace, PolicyTrace, StatementTrace } from '../policy/index.js';
import { style } from './style.js';

export interface RenderableDecision {
  readonly decision: 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';
  readonly deniedBy: string | null;
  readonly message: string;
  readonly matched: readonly { policy: string; statement: number; sid: string | null; effect: string }[];
  readonly trace?: DecisionTrace;
}

function headline(d: RenderableDecision): string {
  if (d.decision === 'Allowed') return style.green(style.bold('ALLOWED'));
  const kind = d.decision === 'ExplicitDeny' ? 'explicit deny' : 'implicit deny';
  return `${style.red(style.bold('DENIED'))} ${style.dim(`(${kind} by the ${d.deniedBy} policy type)`)}`;
}

function statementName(s: { statement: number; sid: string | null }): string {
  return s.sid === null ? `statement ${s.statement}` : `statement ${s.statement} (Sid ${s.sid})`;
}

export function renderDecision(d: RenderableDecision): string {
  const lines = [headline(d), `  ${d.message}`];
  if (d.matched.length > 0) {
    lines.push(style.bold('  deciding statements:'));
    for (const m of d.matched) lines.push(`    ${m.effect.padEnd(5)} ${m.policy} ${statementName(m)}`);
  }
  if (d.trace !== undefined) lines.push('', ...renderTrace(d.trace));
  return `${lines.join('\n')}\n`;
}

export function renderTrace(t: DecisionTrace): string[] {
  const lines = [
    style.bold('Request'),
    `  principal ${t.principal}`,
    `  action    ${t.action}`,
    `  resource  ${t.resource}${t.resourceAccount ? ` (account ${t.resourceAccount})` : ''}`,
    `  ${t.crossAccount ? "cross-account: both the principal's and the resource's side must allow" : 'same account'}`,
    style.bold('Evaluation steps'),
  ];
  for (const s of t.steps) {
    const mark =
      s.outcome === 'pass' ? style.green('pass') : s.outcome === 'fail' ? style.red('FAIL') : style.dim('n/a ');
    lines.push(`  ${mark}  ${s.step}: ${s.detail}`);
  }
  lines.push(style.bold('Policies'));
  if (t.policies.length === 0) lines.push('  (no policies apply)');
  for (const p of t.policies) lines.push(...renderPolicy(p));
  return lines;
}

function renderPolicy(p: PolicyTrace): string[] {
  const outcome =
    p.outcome === 'Deny' ? style.red('denies') : p.outcome === 'Allow' ? style.green('allows') : style.dim('no match');
  return [`  ${p.type} ${style.cyan(p.id)}: ${outcome}`, ...p.statements.flatMap(renderStatement)];
}

function renderStatement(s: StatementTrace): string[] {
  const name = s.sid === null ? `#${s.index}` : `#${s.index} ${s.sid}`;
  const verdict = s.applies ? style.bold('applies') : style.dim('does not apply');
  const lines = [`    ${s.effect} ${name}: ${verdict}`];
  const el = (label: string, e: { matched: boolean; negated: boolean; values: readonly string[] }) =>
    `      ${e.matched ? style.green('✓') : style.red('✗')} ${e.negated ? `Not${label}` : label} ${e.values.join(', ')}`;
  lines.push(el('Action', s.action));
  if (!s.evaluated) return [...lines, style.dim('      (the action does not match, so nothing else was compared)')];
  if (s.resource !== undefined) lines.push(el('Resource', s.resource));
  if (s.principal !== undefined) {
    lines.push(
      `${el('Principal', s.principal)}${s.principal.kind ? style.dim(` (matched as ${s.principal.kind})`) : ''}`,
    );
  }
  for (const c of s.conditions) lines.push(renderCondition(c));
  return lines;
}

function renderCondition(c: ConditionTrace): string {
  const request = c.requestValues === null ? 'absent' : c.requestValues.map((v) => JSON.stringify(v)).join(', ');
  const policy = c.policyValues.map((v) => JSON.stringify(v)).join(', ');
  const mark = c.result ? style.green('✓') : style.red('✗');
  return `      ${mark} ${c.operator} ${c.key}: request ${request} vs policy ${policy} — ${c.reason}`;
}
