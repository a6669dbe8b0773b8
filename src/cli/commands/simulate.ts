// `xacct simulate --input FILE [--trace] [--json]`: evaluate requests against policies without a server.
// One JSON request gives one result (exit 0 allowed, 2 denied); JSON Lines give one JSON result per line.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SimulateInputError, type SimulateResult, simulate } from '../../policy/index.js';
import { renderDecision } from '../render-decision.js';

export const simulateUsage = `Usage: xacct simulate --input FILE [--trace] [--json]

Evaluates one request (a JSON object) or many (JSON Lines, one request per line) against the
policies the request carries. FILE may be - for standard input.
Exit codes: 0 allowed (or a batch), 2 denied, 3 invalid input.
`;

function readInput(path: string): string {
  return readFileSync(path === '-' ? 0 : path, 'utf8');
}

function evaluateLine(line: string, trace: boolean): SimulateResult | { error: string } {
  try {
    return simulate(JSON.parse(line), { trace });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function runSimulate(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      input: { type: 'string' },
      trace: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(simulateUsage);
    return 0;
  }
  if (values.input === undefined) {
    process.stderr.write(`xacct simulate: --input is required\n${simulateUsage}`);
    return 3;
  }
  const text = readInput(values.input);
  const trace = values.trace === true;
  let single: unknown;
  try {
    single = JSON.parse(text);
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const results = lines.map((line) => evaluateLine(line, trace));
    for (const r of results) process.stdout.write(`${JSON.stringify(r)}\n`);
    return results.some((r) => 'error' in r) ? 3 : 0;
  }
  let result: SimulateResult;
  try {
    result = simulate(single, { trace });
  } catch (error) {
    if (!(error instanceof SimulateInputError)) throw error;
    process.stderr.write(`xacct simulate: invalid input: ${error.message}\n`);
    return 3;
  }
  process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderDecision(result));
  return result.decision === 'Allowed' ? 0 : 2;
}
