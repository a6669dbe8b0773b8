// `xacct trail [--denied] [--since DURATION] [--limit N] [--json]`: the server's recent requests as a table,
// oldest first so that the newest line ends up next to the prompt.
import { parseArgs } from 'node:util';
import type { TrailEvent } from '../../audit/trail-event.js';
import { AdminClient, AdminError, EndpointError, resolveServer, serverOptions, serverUsage } from '../admin-client.js';
import { type CliIo, processIo } from '../cli-io.js';
import { parseSince, SinceError } from '../parse-since.js';
import { style } from '../style.js';

export const trailUsage = `Usage: xacct trail [--denied] [--since DURATION] [--limit N] [--json]

Lists the requests the server answered, oldest first, with their authorization decision.
  --denied           only requests that were denied
  --since DURATION   only requests of the last 30s, 15m, 2h, 1d ... (or since an ISO time)
  --limit N          at most the N newest requests (default 50)
  --json             the events as one JSON array
${serverUsage}Exit codes: 0 ok, 1 the server failed, 3 invalid arguments.
`;

const RESOURCE_WIDTH = 60;

export async function runTrail(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      ...serverOptions,
      denied: { type: 'boolean' },
      since: { type: 'string' },
      limit: { type: 'string', default: '50' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    io.out(trailUsage);
    return 0;
  }
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    io.err(`xacct trail: --limit must be a whole number from 1 to 10000, not '${values.limit}'\n`);
    return 3;
  }
  try {
    const since = values.since === undefined ? undefined : parseSince(values.since, Date.now());
    const client = new AdminClient(resolveServer(values));
    const events = (await client.listEvents({ denied: values.denied, since, limit })).reverse();
    io.out(values.json ? `${JSON.stringify(events, null, 2)}\n` : renderTrail(events));
    return 0;
  } catch (error) {
    if (error instanceof SinceError || error instanceof EndpointError) {
      io.err(`xacct trail: ${error.message}\n`);
      return 3;
    }
    if (error instanceof AdminError) {
      io.err(`xacct trail: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

interface Column {
  readonly title: string;
  readonly text: (e: TrailEvent) => string;
  readonly colour?: (e: TrailEvent) => (text: string) => string;
}

const COLUMNS: readonly Column[] = [
  { title: 'TIME', text: (e) => e.time.replace('T', ' ').replace(/Z$/, '') },
  { title: 'DECISION', text: (e) => decisionLabel(e), colour: decisionColour },
  { title: 'PRINCIPAL', text: (e) => shortPrincipal(e.principal) },
  { title: 'ACTION', text: (e) => e.action ?? `${e.service}:${e.operation}` },
  { title: 'RESOURCE', text: (e) => middleEllipsis(e.resource ?? '-', RESOURCE_WIDTH) },
  { title: 'ERROR', text: (e) => e.errorCode ?? '-', colour: (e) => (e.errorCode ? style.yellow : String) },
  { title: 'EVENT ID', text: (e) => e.eventId, colour: () => style.dim },
];

/** The table; padding is computed on the plain text so that colour codes do not skew the columns. */
export function renderTrail(events: readonly TrailEvent[]): string {
  if (events.length === 0) return 'No matching events.\n';
  const cells = events.map((e) => COLUMNS.map((c) => c.text(e)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i]!.length)));
  const line = (parts: readonly string[]) => parts.join('  ').trimEnd();
  const header = line(COLUMNS.map((c, i) => style.bold(c.title.padEnd(widths[i]!))));
  const rows = events.map((e, r) =>
    line(COLUMNS.map((c, i) => (c.colour?.(e) ?? String)(cells[r]![i]!.padEnd(widths[i]!)))),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

function decisionLabel(e: TrailEvent): string {
  if (e.decision === 'Allowed') return 'allowed';
  if (e.decision === 'ExplicitDeny') return 'DENIED explicit';
  if (e.decision === 'ImplicitDeny') return 'DENIED implicit';
  return '-';
}

function decisionColour(e: TrailEvent): (text: string) => string {
  if (e.decision === 'Allowed') return style.green;
  return e.decision === 'NotEvaluated' ? style.dim : style.red;
}

/** `arn:aws:iam::111111111111:user/alice` -> `111111111111:user/alice`: the partition and service add nothing here. */
function shortPrincipal(arn: string): string {
  return arn.replace(/^arn:[\w-]+:(iam|sts)::/, '');
}

function middleEllipsis(text: string, width: number): string {
  if (text.length <= width) return text;
  const head = Math.ceil((width - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (width - 1 - head))}`;
}
