// Conformance corpus runner: every *.json file in this folder holds AWS-documented policy scenarios; each case runs
// through the engine's `simulate` and must reproduce the documented decision. Expectations come from AWS docs only.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SimulateInputError, simulate } from '../../src/policy/simulate.js';

type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';

interface ExpectedMatch {
  readonly policy?: string;
  readonly statement?: number;
  readonly sid?: string | null;
  readonly effect?: 'Allow' | 'Deny';
}

interface Expectation {
  readonly invalid?: true;
  readonly decision?: Decision;
  readonly deniedBy?: string | null;
  readonly message?: string;
  readonly matched?: readonly ExpectedMatch[];
}

interface CorpusCase {
  readonly name: string;
  readonly rule: string;
  readonly request: unknown;
  readonly expect: Expectation;
  readonly now?: number;
  readonly confidence?: 'inferred';
  readonly note?: string;
}

interface CorpusFile {
  readonly file: string;
  readonly topic: string;
  readonly cases: readonly CorpusCase[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const CASE_KEYS = new Set(['name', 'rule', 'request', 'expect', 'now', 'confidence', 'note']);
const EXPECT_KEYS = new Set(['invalid', 'decision', 'deniedBy', 'message', 'matched']);
const MATCH_KEYS = new Set(['policy', 'statement', 'sid', 'effect']);
const DECISIONS = new Set(['Allowed', 'ExplicitDeny', 'ImplicitDeny']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(value: Record<string, unknown>, allowed: Set<string>): string[] {
  return Object.keys(value).filter((k) => !allowed.has(k));
}

/** Structural problems of one case, as readable strings (empty when the case is well formed). */
function caseProblems(c: unknown): string[] {
  if (!isRecord(c)) return ['case is not an object'];
  const problems = unknownKeys(c, CASE_KEYS).map((k) => `unknown case field "${k}"`);
  if (typeof c.name !== 'string' || c.name.trim() === '') problems.push('missing name');
  if (typeof c.rule !== 'string' || c.rule.trim() === '') problems.push('missing rule');
  if (!('request' in c)) problems.push('missing request');
  if (c.now !== undefined && typeof c.now !== 'number') problems.push('now must be a number (ms epoch)');
  if (c.confidence !== undefined && c.confidence !== 'inferred') problems.push('confidence must be "inferred"');
  if (c.confidence === 'inferred' && (typeof c.note !== 'string' || c.note === ''))
    problems.push('inferred without note');
  const e = c.expect;
  if (!isRecord(e)) return [...problems, 'expect is not an object'];
  problems.push(...unknownKeys(e, EXPECT_KEYS).map((k) => `unknown expect field "${k}"`));
  if (e.invalid !== undefined) {
    if (e.invalid !== true || Object.keys(e).length !== 1) problems.push('expect.invalid must be true and alone');
    return problems;
  }
  if (typeof e.decision !== 'string' || !DECISIONS.has(e.decision)) problems.push('expect.decision missing or bad');
  if (e.matched !== undefined) {
    if (!Array.isArray(e.matched)) problems.push('expect.matched must be an array');
    else
      for (const mm of e.matched) {
        if (!isRecord(mm) || unknownKeys(mm, MATCH_KEYS).length > 0) problems.push('bad expect.matched entry');
      }
  }
  return problems;
}

function loadCorpus(): CorpusFile[] {
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((file) => {
    const data: unknown = JSON.parse(readFileSync(join(HERE, file), 'utf8'));
    if (!isRecord(data) || typeof data.topic !== 'string' || !Array.isArray(data.cases)) {
      throw new Error(`${file}: expected {"topic": string, "cases": [...]}`);
    }
    for (const c of data.cases) {
      const problems = caseProblems(c);
      if (problems.length > 0) {
        const label = isRecord(c) && typeof c.name === 'string' ? c.name : '?';
        throw new Error(`${file}: malformed case "${label}": ${problems.join('; ')}`);
      }
    }
    return { file, topic: data.topic, cases: data.cases as CorpusCase[] };
  });
}

const corpus = loadCorpus();

/** Every expected entry must be found (on the fields it gives) in a distinct actual entry. */
function matchedContains(actual: readonly Record<string, unknown>[], wanted: readonly ExpectedMatch[]): boolean {
  const used = new Set<number>();
  return wanted.every((w) => {
    const i = actual.findIndex((a, idx) => !used.has(idx) && Object.entries(w).every(([k, v]) => a[k] === v));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

function check(c: CorpusCase): void {
  const options = c.now === undefined ? {} : { now: c.now };
  if (c.expect.invalid) {
    expect(() => simulate(c.request, options), c.rule).toThrow(SimulateInputError);
    return;
  }
  const result = simulate(c.request, options);
  const context = `${c.rule}\nresult: ${JSON.stringify({ ...result, trace: undefined })}`;
  expect(result.decision, context).toBe(c.expect.decision);
  if (c.expect.deniedBy !== undefined) expect(result.deniedBy, context).toBe(c.expect.deniedBy);
  if (c.expect.message !== undefined) expect(result.message, context).toBe(c.expect.message);
  if (c.expect.matched !== undefined) {
    if (c.expect.matched.length === 0) expect(result.matched, context).toEqual([]);
    else {
      const actual = result.matched as unknown as readonly Record<string, unknown>[];
      expect(matchedContains(actual, c.expect.matched), `matched ${JSON.stringify(c.expect.matched)}\n${context}`).toBe(
        true,
      );
    }
  }
}

describe('policy conformance corpus: meta', () => {
  const all = corpus.flatMap((f) => f.cases);

  it('holds at least 300 cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
  });

  it('gives every case a non-empty rule citation', () => {
    expect(all.filter((c) => c.rule.trim().length === 0).map((c) => c.name)).toEqual([]);
  });

  it('never reuses a case name', () => {
    const counts = new Map<string, number>();
    for (const c of all) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1).map(([name]) => name)).toEqual([]);
  });

  it('asserts a message on a good share of denials', () => {
    const denials = all.filter((c) => c.expect.decision !== undefined && c.expect.decision !== 'Allowed');
    const withMessage = denials.filter((c) => c.expect.message !== undefined);
    expect(withMessage.length / denials.length).toBeGreaterThan(0.4);
  });
});

for (const f of corpus) {
  describe(`${f.file}: ${f.topic}`, () => {
    for (const c of f.cases) {
      it(c.confidence === 'inferred' ? `${c.name} [inferred]` : c.name, () => check(c));
    }
  });
}
