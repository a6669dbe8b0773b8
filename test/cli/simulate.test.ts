// Black-box tests of `xacct simulate` through the built CLI (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'bin', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'xacct-simulate-'));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const identity = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }],
};
const request = (resourceAccount: string) => ({
  principal: 'arn:aws:iam::111111111111:user/alice',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::b/k',
  resourceAccount,
  policies: { identity: [identity] },
});

describe('xacct simulate', () => {
  it('exits 0 and says ALLOWED for an allowed request', () => {
    const r = run(['simulate', '--input', file('allowed.json', JSON.stringify(request('111111111111')))]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ALLOWED/);
    expect(r.stdout).toContain('identity[0] statement 0');
  });

  it('exits 2 with the AWS message for a denied request, and prints JSON with --json', () => {
    const path = file('denied.json', JSON.stringify(request('222222222222')));
    const human = run(['simulate', '--input', path]);
    expect(human.code).toBe(2);
    expect(human.stdout).toContain('because no resource-based policy allows the s3:GetObject action');
    const json = run(['simulate', '--input', path, '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      decision: 'ImplicitDeny',
      deniedBy: 'resource-based',
      matched: [],
    });
  });

  it('adds the detailed trace with --trace', () => {
    const r = run([
      'simulate',
      '--input',
      file('trace.json', JSON.stringify(request('222222222222'))),
      '--trace',
      '--json',
    ]);
    const result = JSON.parse(r.stdout);
    expect(result.trace.crossAccount).toBe(true);
    expect(result.trace.policies[0].statements[0].resource).toEqual({
      matched: true,
      negated: false,
      values: ['arn:aws:s3:::b/*'],
    });
    const human = run(['simulate', '--input', file('trace2.json', JSON.stringify(request('222222222222'))), '--trace']);
    expect(human.stdout).toContain('Evaluation steps');
  });

  it('answers JSON Lines with one result per line, in order, exit 0', () => {
    const lines = [request('111111111111'), request('222222222222')].map((r) => JSON.stringify(r)).join('\n');
    const r = run(['simulate', '--input', '-'], `${lines}\n`);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).decision),
    ).toEqual(['Allowed', 'ImplicitDeny']);
  });

  it('exits 3 for invalid input', () => {
    expect(run(['simulate', '--input', file('extra.json', JSON.stringify({ ...request('1'), extra: 1 }))]).code).toBe(
      3,
    );
    const bad = run([
      'simulate',
      '--input',
      file(
        'badpolicy.json',
        JSON.stringify({ ...request('111111111111'), policies: { identity: [{ Statement: [{ Effect: 'Allow' }] }] } }),
      ),
    ]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('Policy statement must contain actions.');
    expect(run(['simulate']).code).toBe(3);
    expect(run(['simulate', '--bogus']).code).toBe(3);
    const batch = run(['simulate', '--input', '-'], `${JSON.stringify(request('111111111111'))}\nnot json\n`);
    expect(batch.code).toBe(3);
    expect(JSON.parse(batch.stdout.trim().split('\n')[1]!)).toHaveProperty('error');
  });
});
