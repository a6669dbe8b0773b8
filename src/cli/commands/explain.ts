// `xacct explain EVENT_ID | --last-denied [--json]`: one request from the trail, and for each decision made for it
// a short answer first (why), then the policies consulted and the full trace.
import { parseArgs } from 'node:util';
import type { RecordedDecision, TrailEvent } from '../../audit/trail-event.js';
import { AdminClient, AdminError, EndpointError, resolveServer, serverOptions, serverUsage } from '../admin-client.js';
import { type CliIo, processIo } from '../cli-io.js';
import { explainSummary } from '../explain-summary.js';
import { renderTrace } from '../render-decision.js';
import { style } from '../style.js';

export const explainUsage = `Usage: xacct explain EVENT_ID | --last-denied [--json]

Explains why a request was allowed or denied: the request, then each authorization decision made for it
(AssumeRole makes several) with the deciding statement, failed conditions and the full evaluation trace.
EVENT_ID is the x-xacct-event-id response header, or the last column of 'xacct trail'.
  --last-denied      the most recent denied request
  --json             the event and the summaries as JSON
${serverUsage}Exit codes: 0 explained, 1 no such event or the server failed, 3 invalid arguments.
`;

export async function runExplain(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      ...serverOptions,
      'last-denied': { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(explainUsage);
    return 0;
  }
  const eventId = positionals[0];
  const lastDenied = values['last-denied'] === true;
  const problem =
    positionals.length > 1
      ? 'give one event id'
      : lastDenied === (eventId !== undefined)
        ? 'give an event id or --last-denied (one of them)'
        : eventId !== undefined && !/^[\w-]+$/.test(eventId)
          ? `'${eventId}' is not an event id`
          : undefined;
  if (problem !== undefined) {
    io.err(`xacct explain: ${problem}\n${explainUsage}`);
    return 3;
  }
  try {
    const client = new AdminClient(resolveServer(values));
    const event = eventId !== undefined ? await client.getEvent(eventId) : await lastDeniedEvent(client);
    if (event === undefined) {
      io.err(
        `xacct explain: ${eventId === undefined ? 'no denied request in the trail' : `no event ${eventId} in the trail`}\n`,
      );
      return 1;
    }
    if (values.json) {
      io.out(`${JSON.stringify({ event, summaries: event.decisions.map(explainSummary) }, null, 2)}\n`);
    } else {
      io.out(renderExplanation(event));
    }
    return 0;
  } catch (error) {
    if (error instanceof EndpointError || error instanceof AdminError) {
      io.err(`xacct explain: ${error.message}\n`);
      return error instanceof EndpointError ? 3 : 1;
    }
    throw error;
  }
}

async function lastDeniedEvent(client: AdminClient): Promise<TrailEvent | undefined> {
  const [latest] = await client.listEvents({ denied: true, limit: 1 });
  return latest === undefined ? undefined : client.getEvent(latest.eventId);
}

export function renderExplanation(event: TrailEvent): string {
  const lines = [...renderRequest(event)];
  if (event.decisions.length === 0) {
    lines.push(
      '',
      event.errorCode
        ? `No authorization decision was made: the request failed before authorization (${event.errorCode}).`
        : 'No authorization decision was made: the operation needs none.',
    );
  }
  event.decisions.forEach((d, i) => {
    lines.push('', ...renderDecisionExplanation(d, i, event.decisions.length));
  });
  return `${lines.join('\n')}\n`;
}

function renderRequest(e: TrailEvent): string[] {
  const outcome = e.errorCode ? `${e.status} ${style.yellow(e.errorCode)}` : String(e.status);
  return [
    `${style.bold('Request')} ${style.dim(e.eventId)}`,
    `  time       ${e.time}`,
    `  principal  ${e.principal}${e.account ? style.dim(` (account ${e.account})`) : ''}`,
    `  operation  ${e.service} ${e.operation}${e.action ? style.dim(` (action ${e.action})`) : ''}`,
    `  resource   ${e.resource ?? '-'}`,
    `  source IP  ${e.sourceIp}`,
    `  status     ${outcome}`,
  ];
}

function renderDecisionExplanation(d: RecordedDecision, index: number, count: number): string[] {
  const summary = explainSummary(d);
  const title = count > 1 ? `Decision ${index + 1} of ${count}` : 'Decision';
  const verdict = d.decision === 'Allowed' ? style.green(style.bold('ALLOWED')) : style.red(style.bold('DENIED'));
  const lines = [
    `${style.bold(title)}: ${verdict} ${d.action} on ${d.resource}`,
    `  ${summary.headline}`,
    ...summary.details.map((line) => `    - ${line}`),
    `  AWS says: ${d.message}`,
    `  policy types consulted: ${summary.consulted.length > 0 ? summary.consulted.join(', ') : 'none'}`,
  ];
  for (const m of d.matched) {
    const name = m.sid === null ? `statement #${m.statementIndex}` : `statement #${m.statementIndex} (Sid ${m.sid})`;
    lines.push(`  deciding:  ${m.effect} in ${m.policyType} policy ${style.cyan(m.policyId)} ${name}`);
  }
  if (d.trace !== undefined) lines.push('', ...renderTrace(d.trace).map((line) => `  ${line}`));
  return lines;
}
