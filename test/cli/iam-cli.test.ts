// A short IAM scenario through the Debian AWS CLI v2 against a live xacct server: a user with an access key and the
// AWS managed ReadOnlyAccess policy, what that key may and may not do, the authorization details, and a virtual MFA
// device written to a file and enabled with codes from its seed.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, timeStep, totpCode } from '../../src/services/iam/mfa/totp.js';
import { startTestServer, type TestServer } from '../sdk/harness.js';
import { AWS_CLI_V2, awsCliV2Installed, type CliResult, runAwsCli } from './aws-cli-v2.js';

const ACCOUNT = '111111111111';
const present = awsCliV2Installed;
if (!present && process.env.CI) throw new Error(`${AWS_CLI_V2} is required in CI (Debian package awscli)`);
if (!present) console.warn(`skipping the AWS CLI scenario: ${AWS_CLI_V2} is not installed (apt-get install awscli)`);

const dir = mkdtempSync(join(tmpdir(), 'xacct-iam-cli-'));
let server: TestServer;

/** Runs `aws iam ...` (or another service) as the given credentials. */
function aws(args: string[], keyId = ACCOUNT, secret = 'test'): Promise<CliResult> {
  return runAwsCli({ endpoint: server.url, home: dir, accessKeyId: keyId, secretAccessKey: secret }, args);
}

function json(result: CliResult): Record<string, unknown> {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

// Each CLI run starts a Python interpreter, several seconds on a busy two-core machine.
describe.skipIf(!present)('AWS CLI v2: IAM scenario', { timeout: 120_000 }, () => {
  let key: { AccessKeyId: string; SecretAccessKey: string };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  it('creates a user with an access key and attaches ReadOnlyAccess', async () => {
    const user = json(await aws(['iam', 'create-user', '--user-name', 'cli-user']));
    expect(user.User).toMatchObject({ UserName: 'cli-user', Arn: `arn:aws:iam::${ACCOUNT}:user/cli-user` });
    key = json(await aws(['iam', 'create-access-key', '--user-name', 'cli-user'])).AccessKey as typeof key;
    expect(key.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const attach = await aws([
      'iam',
      'attach-user-policy',
      '--user-name',
      'cli-user',
      '--policy-arn',
      'arn:aws:iam::aws:policy/ReadOnlyAccess',
    ]);
    expect(attach).toMatchObject({ code: 0, stdout: '' });
    const attached = json(await aws(['iam', 'list-attached-user-policies', '--user-name', 'cli-user']));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ]);
  });

  it("lets the user's key read and refuses it a write with the IAM access-denied message", async () => {
    const users = json(await aws(['iam', 'list-users'], key.AccessKeyId, key.SecretAccessKey));
    expect((users.Users as { UserName: string }[]).map((u) => u.UserName)).toEqual(['cli-user']);
    const denied = await aws(['iam', 'create-user', '--user-name', 'intruder'], key.AccessKeyId, key.SecretAccessKey);
    expect(denied.code).toBe(254);
    expect(denied.stderr).toContain('(AccessDenied) when calling the CreateUser operation');
    expect(denied.stderr).toContain(
      `User: arn:aws:iam::${ACCOUNT}:user/cli-user is not authorized to perform: iam:CreateUser`,
    );
  });

  it('shows the user and the AWS managed policy in the authorization details', async () => {
    const details = json(
      await aws(['iam', 'get-account-authorization-details', '--filter', 'User', 'AWSManagedPolicy']),
    );
    expect(details.UserDetailList).toEqual([
      expect.objectContaining({
        UserName: 'cli-user',
        AttachedManagedPolicies: [
          { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
      }),
    ]);
    const policies = details.Policies as { PolicyName: string; PolicyVersionList: { Document: unknown }[] }[];
    expect(policies.map((p) => p.PolicyName)).toEqual(['ReadOnlyAccess']);
    // The CLI decodes the URL-encoded documents IAM sends into JSON objects.
    expect(policies[0]!.PolicyVersionList[0]!.Document).toMatchObject({ Version: '2012-10-17' });
  });

  it('writes a virtual MFA device seed with --outfile and enables the device with codes from it', async () => {
    const seedFile = join(dir, 'seed.txt');
    const created = json(
      await aws([
        'iam',
        'create-virtual-mfa-device',
        '--virtual-mfa-device-name',
        'cli-mfa',
        '--outfile',
        seedFile,
        '--bootstrap-method',
        'Base32StringSeed',
      ]),
    );
    const serial = `arn:aws:iam::${ACCOUNT}:mfa/cli-mfa`;
    expect(created.VirtualMFADevice).toEqual({ SerialNumber: serial });
    const seed = readFileSync(seedFile, 'utf8');
    expect(seed).toMatch(/^[A-Z2-7]{64}$/);
    const step = timeStep(Date.now());
    const code = (s: number) => totpCode(base32Decode(seed), s);
    const enable = await aws([
      'iam',
      'enable-mfa-device',
      '--user-name',
      'cli-user',
      '--serial-number',
      serial,
      '--authentication-code1',
      code(step - 1),
      '--authentication-code2',
      code(step),
    ]);
    expect(enable).toMatchObject({ code: 0, stderr: '' });
    const devices = json(await aws(['iam', 'list-mfa-devices', '--user-name', 'cli-user']));
    expect(devices.MFADevices).toEqual([expect.objectContaining({ UserName: 'cli-user', SerialNumber: serial })]);
    const qrFile = join(dir, 'qr.png');
    json(
      await aws([
        'iam',
        'create-virtual-mfa-device',
        '--virtual-mfa-device-name',
        'cli-mfa-qr',
        '--outfile',
        qrFile,
        '--bootstrap-method',
        'QRCodePNG',
      ]),
    );
    expect(readFileSync(qrFile).subarray(1, 4).toString('ascii')).toBe('PNG');
  });
});
