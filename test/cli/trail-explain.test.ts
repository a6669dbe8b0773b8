// `xacct trail` and `xacct explain` against a live server: requests made with the SDK as an IAM user (one allowed,
// one implicitly denied, one explicitly denied by a condition) and read back through the admin API.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateAccessKeyCommand,
  CreateUserCommand,
  GetUserCommand,
  IAMClient,
  ListRolesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExplain } from '../../src/cli/commands/explain.js';
import { runTrail } from '../../src/cli/commands/trail.js';
import { startTestServer, type TestServer } from '../sdk/harness.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'bin', 'main.js');

let server: TestServer;
let deniedEventId: string;
let explicitEventId: string;

async function run(command: typeof runTrail, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (t: string) => {
      stdout += t;
    },
    err: (t: string) => {
      stderr += t;
    },
  };
  const code = await command([...args, '--endpoint', server.url], io);
  return { code, stdout, stderr };
}

function eventIdOf(error: unknown): string {
  return (error as { $response: { headers: Record<string, string> } }).$response.headers['x-xacct-event-id']!;
}

beforeAll(async () => {
  server = await startTestServer();
  const root = new IAMClient(server.client('111111111111'));
  await root.send(new CreateUserCommand({ UserName: 'alice' }));
  const document = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ReadSelf', Effect: 'Allow', Action: ['iam:GetUser', 'iam:ListRoles'], Resource: '*' },
      {
        Sid: 'DenyOffNetwork',
        Effect: 'Deny',
        Action: 'iam:ListRoles',
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ],
  };
  await root.send(
    new PutUserPolicyCommand({ UserName: 'alice', PolicyName: 'self', PolicyDocument: JSON.stringify(document) }),
  );
  const key = (await root.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
  const alice = new IAMClient(server.client({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }));
  await alice.send(new GetUserCommand({}));
  explicitEventId = eventIdOf(await alice.send(new ListRolesCommand({})).catch((e: unknown) => e));
  deniedEventId = eventIdOf(await alice.send(new ListUsersCommand({})).catch((e: unknown) => e));
});
afterAll(async () => server.close());

describe('xacct trail', () => {
  it('prints a table, oldest first, with decision, principal, action, error code and event id', async () => {
    const r = await run(runTrail);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^TIME\s+DECISION\s+PRINCIPAL\s+ACTION\s+RESOURCE\s+ERROR\s+EVENT ID$/);
    const last = lines.at(-1)!;
    expect(last).toMatch(/DENIED implicit\s+111111111111:user\/alice\s+iam:ListUsers\s+/);
    expect(last).toContain('AccessDenied');
    expect(last.endsWith(deniedEventId)).toBe(true);
    expect(lines.at(-3)).toMatch(
      /allowed\s+111111111111:user\/alice\s+iam:GetUser\s+arn:aws:iam::111111111111:user\/alice\s+-/,
    );
  });

  it('filters denied events and prints JSON', async () => {
    const r = await run(runTrail, '--denied', '--since', '10m', '--json');
    expect(r.code).toBe(0);
    const events = JSON.parse(r.stdout) as { eventId: string; decision: string }[];
    expect(events.map((e) => e.eventId)).toEqual([explicitEventId, deniedEventId]);
    expect(events.map((e) => e.decision)).toEqual(['ExplicitDeny', 'ImplicitDeny']);
    const limited = JSON.parse((await run(runTrail, '--limit', '1', '--json')).stdout) as { eventId: string }[];
    expect(limited.map((e) => e.eventId)).toEqual([deniedEventId]);
  });

  it('exits 3 for bad arguments and 1 when the server refuses or does not answer', async () => {
    expect((await run(runTrail, '--since', 'yesterday')).code).toBe(3);
    expect((await run(runTrail, '--limit', '0')).code).toBe(3);
    const refusing = createServer((_, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{}'));
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.address() as { port: number }).port;
    let stderr = '';
    const code = await runTrail(['--endpoint', `http://127.0.0.1:${port}`], {
      out: () => {},
      err: (t) => {
        stderr += t;
      },
    });
    refusing.close();
    expect(code).toBe(1);
    expect(stderr).toBe(
      `xacct trail: http://127.0.0.1:${port} refused the admin token; pass --admin-token or set XACCT_ADMIN_TOKEN\n`,
    );
  });
});

describe('xacct explain', () => {
  it('leads with why an implicit deny happened, then the AWS message and the trace', async () => {
    const r = await run(runExplain, deniedEventId);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Request /);
    expect(r.stdout).toContain('  principal  arn:aws:iam::111111111111:user/alice (account 111111111111)');
    expect(r.stdout).toContain('  status     403 AccessDenied');
    expect(r.stdout).toContain('Denied because: no identity-based policy allows iam:ListUsers');
    expect(r.stdout).toContain(
      'AWS says: User: arn:aws:iam::111111111111:user/alice is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::111111111111:user/ because no identity-based policy allows the iam:ListUsers action',
    );
    expect(r.stdout).toContain('policy types consulted: identity-based');
    expect(r.stdout).toContain('Evaluation steps');
  });

  it('names the deny statement and the condition values for --last-denied', async () => {
    const r = await run(runExplain, '--last-denied');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(deniedEventId);
    const explicit = await run(runExplain, explicitEventId, '--json');
    const body = JSON.parse(explicit.stdout) as { event: { eventId: string }; summaries: { headline: string }[] };
    expect(body.event.eventId).toBe(explicitEventId);
    expect(body.summaries[0]!.headline).toMatch(
      /^Denied because: explicit Deny in identity-based policy \S+ statement DenyOffNetwork: condition NotIpAddress aws:SourceIp: request "127\.0\.0\.1" vs policy "10\.0\.0\.0\/8"$/,
    );
  });

  it('exits 1 for an unknown event and 3 for bad arguments', async () => {
    const missing = await run(runExplain, '00000000-0000-0000-0000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('xacct explain: no event 00000000-0000-0000-0000-000000000000 in the trail\n');
    expect((await run(runExplain)).code).toBe(3);
    expect((await run(runExplain, 'a', 'b')).code).toBe(3);
    expect((await run(runExplain, deniedEventId, '--last-denied')).code).toBe(3);
    expect((await run(runExplain, '../health')).code).toBe(3);
  });
});

// The built CLI (CI builds before testing; locally dist/ may be missing or older than src/).
describe.skipIf(!existsSync(CLI))('the built CLI', () => {
  it('runs `xacct trail --denied --json` in a child process', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [CLI, 'trail', '--denied', '--json', '--endpoint', server.url],
      {
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect((JSON.parse(stdout) as { eventId: string }[]).map((e) => e.eventId)).toContain(deniedEventId);
  });
});
