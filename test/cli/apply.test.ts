// `xacct apply` against a live server: the example world applied twice (the second run changes nothing), the
// created keys work, and --write-profiles keeps the rest of the AWS files intact.
import { execFile, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetRoleCommand, IAMClient, ListPolicyVersionsCommand } from '@aws-sdk/client-iam';
import { GetBucketPolicyCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runApply } from '../../src/cli/commands/apply.js';
import { runExplain } from '../../src/cli/commands/explain.js';
import { runServe } from '../../src/cli/commands/serve.js';
import { startTestServer, type TestServer } from '../sdk/harness.js';

const WORLD = join(import.meta.dirname, '..', '..', 'examples', 'worlds', 'seed-000-two-accounts.yaml');
const dir = mkdtempSync(join(tmpdir(), 'xacct-apply-'));
const HAS_AWS_CLI = spawnSync('aws', ['--version']).status === 0;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

async function apply(...args: string[]) {
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
  const code = await runApply([...args, '--endpoint', server.url], io);
  return { code, stdout, stderr };
}

interface Report {
  summary: { created: number; updated: number; unchanged: number };
  changes: { account: string; kind: string; name: string; outcome: string; details: string[] }[];
  accessKeys: { account: string; user: string; accessKeyId: string; secretAccessKey: string }[];
  profiles: string[];
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

describe('xacct apply', () => {
  let first: Report;
  const credentials = join(dir, 'credentials');
  const config = join(dir, 'config');

  it('creates the example world, prints the new keys and writes profiles next to existing ones', async () => {
    writeFileSync(credentials, '[default]\naws_access_key_id = AKIAKEEPME\naws_secret_access_key = keep\n');
    writeFileSync(config, '[default]\nregion = eu-west-1\n# keep this comment\n');
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    process.env.AWS_CONFIG_FILE = config;
    try {
      const r = await apply(WORLD, '--write-profiles', '--json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      first = JSON.parse(r.stdout) as Report;
    } finally {
      delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      delete process.env.AWS_CONFIG_FILE;
    }
    expect(first.summary.updated).toBe(0);
    expect(first.changes.filter((c) => c.outcome === 'created').map((c) => `${c.account} ${c.kind} ${c.name}`)).toEqual(
      [
        '111111111111 account 111111111111',
        '222222222222 account 222222222222',
        '111111111111 policy yeom-a-s3-work',
        '111111111111 group s3-operators',
        '222222222222 group s3-operators',
        '111111111111 user yeom-a',
        '222222222222 user yeom',
        '111111111111 role yeom-accountA-s3',
        '222222222222 role yeom-accountB-s3',
        '111111111111 bucket yeom-a-s3',
        '222222222222 bucket yeom-b-s3',
      ],
    );
    expect(first.accessKeys.map((k) => `${k.account} ${k.user}`)).toEqual(['111111111111 yeom-a', '222222222222 yeom']);
    expect(first.profiles).toEqual(['account-a-root', 'account-b-root', 'account-a-yeom-a', 'account-b-yeom']);
    const yeomA = first.accessKeys[0]!;
    expect(readFileSync(credentials, 'utf8')).toBe(
      '[default]\naws_access_key_id = AKIAKEEPME\naws_secret_access_key = keep\n\n' +
        '[account-a-root]\naws_access_key_id = 111111111111\naws_secret_access_key = test\n\n' +
        '[account-b-root]\naws_access_key_id = 222222222222\naws_secret_access_key = test\n\n' +
        `[account-a-yeom-a]\naws_access_key_id = ${yeomA.accessKeyId}\naws_secret_access_key = ${yeomA.secretAccessKey}\n\n` +
        `[account-b-yeom]\naws_access_key_id = ${first.accessKeys[1]!.accessKeyId}\naws_secret_access_key = ${first.accessKeys[1]!.secretAccessKey}\n`,
    );
    const configText = readFileSync(config, 'utf8');
    expect(
      configText.startsWith('[default]\nregion = eu-west-1\n# keep this comment\n\n[profile account-a-root]\n'),
    ).toBe(true);
    expect(configText).toContain(`[profile account-b-yeom]\nregion = ap-northeast-2\nendpoint_url = ${server.url}\n`);
  });

  it('changes nothing when applied again', async () => {
    const r = await apply(WORLD);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No changes: all \d+ resources already match the world\.\n$/);
    expect(r.stdout).toContain('unchanged  role yeom-accountB-s3');
    const json = JSON.parse((await apply(WORLD, '--json')).stdout) as Report;
    expect(json.summary).toEqual({ created: 0, updated: 0, unchanged: first.changes.length });
    expect(json.accessKeys).toEqual([]);
  });

  it('gives keys that sign requests: the tutorial flow of account A user, cross-account bucket and role', async () => {
    const yeomA = first.accessKeys[0]!;
    const as = {
      ...server.client({ accessKeyId: yeomA.accessKeyId, secretAccessKey: yeomA.secretAccessKey }),
      region: 'ap-northeast-2',
    };
    const identity = await new STSClient(as).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:iam::111111111111:user/yeom-a');
    const s3 = new S3Client(as);
    await s3.send(new PutObjectCommand({ Bucket: 'yeom-a-s3', Key: '1.jpg', Body: 'jpeg' }));
    await s3.send(new PutObjectCommand({ Bucket: 'yeom-b-s3', Key: '1.jpg', Body: 'jpeg' }));
    const session = await new STSClient(as).send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::222222222222:role/yeom-accountB-s3',
        RoleSessionName: 'AWSCLI-session',
      }),
    );
    const c = session.Credentials!;
    const asRole = new S3Client({
      ...as,
      credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken },
    });
    const listed = await asRole.send(new ListObjectsV2Command({ Bucket: 'yeom-a-s3' }));
    expect(listed.Contents?.map((o) => o.Key)).toEqual(['1.jpg']);
  });

  // A real client reading the written profiles: endpoint_url in the config file is all it needs to reach xacct.
  it.skipIf(!HAS_AWS_CLI)('lets the AWS CLI use the written profiles', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_CONFIG_FILE: config,
    };
    for (const key of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_ENDPOINT_URL',
    ]) {
      delete env[key];
    }
    const aws = (...args: string[]) => promisify(execFile)('aws', [...args, '--output', 'json'], { env });
    const identity = JSON.parse((await aws('sts', 'get-caller-identity', '--profile', 'account-b-yeom')).stdout);
    expect(identity.Arn).toBe('arn:aws:iam::222222222222:user/yeom');
    const listed = JSON.parse(
      (await aws('s3api', 'list-objects-v2', '--bucket', 'yeom-b-s3', '--profile', 'account-a-yeom-a')).stdout,
    );
    expect(listed.Contents.map((o: { Key: string }) => o.Key)).toEqual(['1.jpg']);
  });

  it('updates a document that drifted, and only that', async () => {
    const s3 = new S3Client({ ...server.client('222222222222'), region: 'ap-northeast-2' });
    const { PutBucketPolicyCommand } = await import('@aws-sdk/client-s3');
    const drift = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::yeom-b-s3',
        },
      ],
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: 'yeom-b-s3', Policy: JSON.stringify(drift) }));
    const r = JSON.parse((await apply(WORLD, '--json')).stdout) as Report;
    expect(r.changes.filter((c) => c.outcome !== 'unchanged')).toEqual([
      {
        account: '222222222222',
        kind: 'bucket',
        name: 'yeom-b-s3',
        outcome: 'updated',
        details: ['bucket policy updated'],
      },
    ]);
    const policy = JSON.parse((await s3.send(new GetBucketPolicyCommand({ Bucket: 'yeom-b-s3' }))).Policy!);
    expect(policy.Statement[0].Action).toContain('s3:PutObject');
  });

  it('reports what a dry run would change without changing anything', async () => {
    const world = join(dir, 'dry.yaml');
    writeFileSync(
      world,
      [
        'accounts:',
        '  - id: "111111111111"',
        '    users: [{ name: yeom-a, tags: { team: data } }, { name: carol, accessKeys: 1 }]',
        '  - id: "333333333333"',
        '    groups: [{ name: auditors }]',
        '',
      ].join('\n'),
    );
    const r = JSON.parse((await apply(world, '--dry-run', '--json')).stdout) as Report;
    expect(r.changes.filter((c) => c.outcome !== 'unchanged')).toEqual([
      { account: '333333333333', kind: 'account', name: '333333333333', outcome: 'created', details: [] },
      { account: '111111111111', kind: 'user', name: 'yeom-a', outcome: 'updated', details: ['tags team'] },
      { account: '111111111111', kind: 'user', name: 'carol', outcome: 'created', details: ['access key created'] },
      { account: '333333333333', kind: 'group', name: 'auditors', outcome: 'created', details: [] },
    ]);
    expect(r.accessKeys).toEqual([]);
    expect(server.app.accounts.find('333333333333')).toBeUndefined();
    const human = await apply(world, '--dry-run');
    expect(human.stdout).toContain('would be created  user carol: access key created');
    expect(human.stdout).toContain('Dry run, nothing was changed: 3 to be created, 1 to be updated');
    const again = JSON.parse((await apply(world, '--dry-run', '--json')).stdout) as Report;
    expect(again.summary).toEqual(r.summary);
  });

  it('exits 3 naming the problem for an invalid world, and 1 when the server does not answer', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'accounts:\n  - id: "111111111111"\n  - id: "222222222222"\n    users:\n      - path: /\n');
    const r = await apply(bad);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('accounts[1].users[0].name: required');
    let stderr = '';
    const closed = await closedPort();
    const io = {
      out: () => {},
      err: (t: string) => {
        stderr += t;
      },
    };
    expect(await runApply([WORLD, '--endpoint', `http://127.0.0.1:${closed}`], io)).toBe(1);
    expect(stderr).toBe(
      `xacct apply: cannot reach xacct at http://127.0.0.1:${closed} (ECONNREFUSED); is 'xacct serve' running?\n`,
    );
  });
});

describe('xacct apply with an organization', () => {
  let report: Report;
  const ORG_WORLD = join(import.meta.dirname, '..', '..', 'examples', 'worlds', 'organization-guardrails.yaml');

  it('creates the organization, joins the members, builds the OU tree and attaches SCPs and RCPs, once', async () => {
    const r = await apply(ORG_WORLD, '--json');
    expect(r.stderr).toBe('');
    report = JSON.parse(r.stdout) as Report;
    const byName = (kind: string, name: string) => report.changes.find((c) => c.kind === kind && c.name === name);
    expect(byName('organization', 'managed by 100000000001')).toMatchObject({
      outcome: 'created',
      details: [
        'enabled SERVICE_CONTROL_POLICY',
        'enabled RESOURCE_CONTROL_POLICY',
        'account 200000000002 joined',
        'account 300000000003 joined',
      ],
    });
    expect(report.changes.filter((c) => c.kind === 'ou').map((c) => c.name)).toEqual([
      'Workloads',
      'Workloads/Prod',
      'Sandbox',
    ]);
    expect(byName('scp', 'DenyOutsideRegions')).toMatchObject({
      outcome: 'created',
      details: ['attached to Workloads'],
    });
    expect(byName('rcp', 'OnlyOurPrincipals')).toMatchObject({ outcome: 'created', details: ['attached to Root'] });
    const again = JSON.parse((await apply(ORG_WORLD, '--json')).stdout) as Report;
    expect(again.changes.filter((c) => c.outcome !== 'unchanged')).toEqual([]);
  });

  it('lets explain name the SCP statement and the region that denied a member user', async () => {
    const dev = report.accessKeys.find((k) => k.user === 'dev')!;
    const s3 = new S3Client({
      ...server.client({ accessKeyId: dev.accessKeyId, secretAccessKey: dev.secretAccessKey }),
      region: 'eu-west-1',
    });
    const { CreateBucketCommand } = await import('@aws-sdk/client-s3');
    await expect(
      s3.send(
        new CreateBucketCommand({ Bucket: 'eu-data', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    const out: string[] = [];
    const code = await runExplain(['--last-denied', '--endpoint', server.url], {
      out: (t) => out.push(t),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(
      /Denied because: explicit Deny in service control policy p-[a-z0-9]+ statement DenyOutsideRegions: condition StringNotEquals aws:RequestedRegion: request "eu-west-1" vs policy "us-east-1"/,
    );
  });
});

describe('managed policy versions', () => {
  it('makes each changed document the new default version and keeps at most five', async () => {
    const world = join(dir, 'versions.yaml');
    for (let i = 1; i <= 6; i++) {
      writeFileSync(
        world,
        [
          'accounts:',
          '  - id: "444444444444"',
          '    policies:',
          '      - name: Rotating',
          `        document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::b${i}/*" }] }`,
          '',
        ].join('\n'),
      );
      const r = JSON.parse((await apply(world, '--json')).stdout) as Report;
      expect(r.changes.find((c) => c.kind === 'policy')?.outcome).toBe(i === 1 ? 'created' : 'updated');
    }
    const iam = new IAMClient(server.client('444444444444'));
    const PolicyArn = 'arn:aws:iam::444444444444:policy/Rotating';
    const versions = (await iam.send(new ListPolicyVersionsCommand({ PolicyArn }))).Versions ?? [];
    expect(versions.map((v) => v.VersionId).sort()).toEqual(['v2', 'v3', 'v4', 'v5', 'v6']);
    expect(versions.find((v) => v.IsDefaultVersion)?.VersionId).toBe('v6');
    const again = JSON.parse((await apply(world, '--json')).stdout) as Report;
    expect(again.summary.updated).toBe(0);
  });
});

describe('xacct serve --world', () => {
  it('applies the world to itself before printing the endpoint, and stops on SIGINT', async () => {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => writes.push(String(chunk)) > 0);
    const before = new Set(process.listeners('SIGINT'));
    const serving = runServe(['--memory', '--port', '0', '--quiet', '--world', WORLD]);
    try {
      await vi.waitFor(() => expect(writes.join('')).toContain('xacct listening on'), {
        timeout: 30_000,
        interval: 50,
      });
    } finally {
      spy.mockRestore();
    }
    const out = writes.join('');
    expect(out.indexOf('created    role yeom-accountB-s3')).toBeGreaterThan(-1);
    expect(out.indexOf('Access keys created')).toBeLessThan(out.indexOf('xacct listening on'));
    const url = /xacct listening on (\S+)/.exec(out)![1]!;
    const role = await new IAMClient({ ...server.client('222222222222'), endpoint: url }).send(
      new GetRoleCommand({ RoleName: 'yeom-accountB-s3' }),
    );
    expect(role.Role?.Arn).toBe('arn:aws:iam::222222222222:role/yeom-accountB-s3');
    // Only the server's own handler: the test runner may listen for SIGINT too.
    for (const listener of process.listeners('SIGINT')) if (!before.has(listener)) listener('SIGINT');
    expect(await serving).toBe(0);
  });

  it('refuses an invalid world before starting, with exit 3', async () => {
    const bad = join(dir, 'bad-serve.yaml');
    writeFileSync(bad, 'accounts:\n  - id: "1"\n');
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => errors.push(String(chunk)) > 0);
    try {
      expect(await runServe(['--memory', '--port', '0', '--world', bad])).toBe(3);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('')).toBe(
      `xacct serve: ${bad} is not a valid world:\n  accounts[0].id: must be a 12-digit account id in quotes, not '1'\n`,
    );
  });
});
