// KMS keys through the real KMS client: lifecycle, metadata, tags, aliases and key policies.
import {
  CancelKeyDeletionCommand,
  CreateAliasCommand,
  CreateKeyCommand,
  DeleteAliasCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeyPoliciesCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  PutKeyPolicyCommand,
  ScheduleKeyDeletionCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAliasCommand,
  UpdateKeyDescriptionCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { allow, failure, policy, StsWorld } from './sts-fixtures.js';

const A = '111111111111';
let server: TestServer;
let kms: KMSClient;

beforeAll(async () => {
  server = await startTestServer();
  kms = new KMSClient(server.client(A));
});
afterAll(async () => server.close());

async function newKey(description = 'test key'): Promise<string> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({ Description: description }));
  return KeyMetadata!.KeyId!;
}

describe('key lifecycle', () => {
  it('creates a symmetric key with AWS metadata and the default key policy', async () => {
    const { KeyMetadata } = await kms.send(
      new CreateKeyCommand({ Description: 'orders', Tags: [{ TagKey: 'team', TagValue: 'blue' }] }),
    );
    expect(KeyMetadata).toMatchObject({
      AWSAccountId: A,
      Arn: `arn:aws:kms:us-east-1:${A}:key/${KeyMetadata!.KeyId}`,
      Description: 'orders',
      Enabled: true,
      KeyState: 'Enabled',
      KeyUsage: 'ENCRYPT_DECRYPT',
      KeySpec: 'SYMMETRIC_DEFAULT',
      CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      KeyManager: 'CUSTOMER',
      Origin: 'AWS_KMS',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
    });
    expect(KeyMetadata!.KeyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(KeyMetadata!.CreationDate).toBeInstanceOf(Date);
    const { Policy } = await kms.send(new GetKeyPolicyCommand({ KeyId: KeyMetadata!.KeyId, PolicyName: 'default' }));
    expect(JSON.parse(Policy!)).toEqual({
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${A}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
      ],
    });
    const tags = await kms.send(new ListResourceTagsCommand({ KeyId: KeyMetadata!.Arn }));
    expect(tags.Tags).toEqual([{ TagKey: 'team', TagValue: 'blue' }]);
    const policies = await kms.send(new ListKeyPoliciesCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(policies.PolicyNames).toEqual(['default']);
  });

  it('refuses key kinds it does not make, with the AWS KeyUsage rule first', async () => {
    const missingUsage = await failure(kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048' })));
    expect(missingUsage).toMatchObject({
      name: 'ValidationException',
      message: 'You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.',
    });
    const asymmetric = await failure(kms.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' })));
    expect(asymmetric.name).toBe('UnsupportedOperationException');
  });

  it('disables, enables, updates the description and lists the key', async () => {
    const keyId = await newKey();
    await kms.send(new DisableKeyCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata).toMatchObject({
      Enabled: false,
      KeyState: 'Disabled',
    });
    await kms.send(new EnableKeyCommand({ KeyId: keyId }));
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: keyId, Description: 'renamed' }));
    const described = await kms.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(described.KeyMetadata).toMatchObject({ Enabled: true, Description: 'renamed' });
    const listed = await kms.send(new ListKeysCommand({}));
    expect(listed.Keys?.some((k) => k.KeyId === keyId && k.KeyArn === described.KeyMetadata!.Arn)).toBe(true);
  });

  it('schedules deletion (7 to 30 days), refuses use while pending, and cancels back to Disabled', async () => {
    const keyId = await newKey();
    const tooSoon = await failure(kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 5 })));
    expect(tooSoon.name).toBe('ValidationException');
    const scheduled = await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: 7 }));
    expect(scheduled).toMatchObject({ KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    const days = (scheduled.DeletionDate!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);
    const arn = (await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!.Arn!;
    const refused = await failure(kms.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x') })));
    expect(refused).toMatchObject({ name: 'KMSInvalidStateException', message: `${arn} is pending deletion.` });
    const enable = await failure(kms.send(new EnableKeyCommand({ KeyId: keyId })));
    expect(enable.name).toBe('KMSInvalidStateException');
    await kms.send(new CancelKeyDeletionCommand({ KeyId: keyId }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata?.KeyState).toBe('Disabled');
    const notPending = await failure(kms.send(new CancelKeyDeletionCommand({ KeyId: keyId })));
    expect(notPending).toMatchObject({ name: 'KMSInvalidStateException', message: `${arn} is not pending deletion.` });
  });

  it('answers NotFoundException with the key ARN for an unknown key and for a malformed id', async () => {
    const missing = '11111111-2222-3333-4444-555555555555';
    const notFound = await failure(kms.send(new DescribeKeyCommand({ KeyId: missing })));
    expect(notFound).toMatchObject({
      name: 'NotFoundException',
      message: `Key 'arn:aws:kms:us-east-1:${A}:key/${missing}' does not exist`,
      $metadata: { httpStatusCode: 400 },
    });
    const invalid = await failure(kms.send(new DescribeKeyCommand({ KeyId: 'fake-key-id' })));
    expect(invalid).toMatchObject({ name: 'NotFoundException', message: "Invalid keyId 'fake-key-id'" });
  });

  it('tags and untags, and records rotation settings', async () => {
    const keyId = await newKey();
    await kms.send(
      new TagResourceCommand({
        KeyId: keyId,
        Tags: [
          { TagKey: 'a', TagValue: '1' },
          { TagKey: 'b', TagValue: '2' },
        ],
      }),
    );
    await kms.send(new UntagResourceCommand({ KeyId: keyId, TagKeys: ['a'] }));
    expect((await kms.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags).toEqual([
      { TagKey: 'b', TagValue: '2' },
    ]);
    const reserved = await failure(
      kms.send(new TagResourceCommand({ KeyId: keyId, Tags: [{ TagKey: 'aws:x', TagValue: '1' }] })),
    );
    expect(reserved.name).toBe('TagException');
    expect((await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).KeyRotationEnabled).toBe(false);
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    expect(await kms.send(new GetKeyRotationStatusCommand({ KeyId: keyId }))).toMatchObject({
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
    });
  });
});

describe('aliases', () => {
  it('creates, resolves, retargets, lists and deletes an alias', async () => {
    const first = await newKey();
    const second = await newKey();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: first }));
    expect((await kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' }))).KeyMetadata?.KeyId).toBe(first);
    const byArn = await kms.send(new DescribeKeyCommand({ KeyId: `arn:aws:kms:us-east-1:${A}:alias/orders` }));
    expect(byArn.KeyMetadata?.KeyId).toBe(first);
    const again = await failure(kms.send(new CreateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: second })));
    expect(again).toMatchObject({
      name: 'AlreadyExistsException',
      message: `An alias with the name arn:aws:kms:us-east-1:${A}:alias/orders already exists`,
    });
    await kms.send(new UpdateAliasCommand({ AliasName: 'alias/orders', TargetKeyId: second }));
    const listed = await kms.send(new ListAliasesCommand({ KeyId: second }));
    expect(listed.Aliases).toEqual([
      expect.objectContaining({
        AliasName: 'alias/orders',
        AliasArn: `arn:aws:kms:us-east-1:${A}:alias/orders`,
        TargetKeyId: second,
      }),
    ]);
    await kms.send(new DeleteAliasCommand({ AliasName: 'alias/orders' }));
    const gone = await failure(kms.send(new DescribeKeyCommand({ KeyId: 'alias/orders' })));
    expect(gone).toMatchObject({
      name: 'NotFoundException',
      message: `Alias arn:aws:kms:us-east-1:${A}:alias/orders is not found.`,
    });
  });

  it('refuses alias names without the prefix, with a colon, or reserved for AWS', async () => {
    const keyId = await newKey();
    const noPrefix = await failure(kms.send(new CreateAliasCommand({ AliasName: 'orders', TargetKeyId: keyId })));
    expect(noPrefix).toMatchObject({
      name: 'ValidationException',
      message:
        'Alias must start with the prefix "alias/". Please see https://docs.aws.amazon.com/kms/latest/developerguide/kms-alias.html',
    });
    const colon = await failure(kms.send(new CreateAliasCommand({ AliasName: 'alias/a:b', TargetKeyId: keyId })));
    expect(colon).toMatchObject({
      name: 'ValidationException',
      message: 'alias/a:b contains invalid characters for an alias',
    });
    const reserved = await failure(
      kms.send(new CreateAliasCommand({ AliasName: 'alias/aws/mine', TargetKeyId: keyId })),
    );
    expect(reserved.name).toBe('NotAuthorizedException');
  });

  it('lists the predefined AWS aliases, and DescribeKey on one creates its AWS managed key', async () => {
    const before = await kms.send(new ListAliasesCommand({ Limit: 1000 }));
    expect(before.Aliases).toContainEqual({
      AliasName: 'alias/aws/s3',
      AliasArn: `arn:aws:kms:us-east-1:${A}:alias/aws/s3`,
    });
    const { KeyMetadata } = await kms.send(new DescribeKeyCommand({ KeyId: 'alias/aws/s3' }));
    expect(KeyMetadata).toMatchObject({ KeyManager: 'AWS', KeyState: 'Enabled' });
    const after = await kms.send(new ListAliasesCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(after.Aliases?.map((a) => a.AliasName)).toEqual(['alias/aws/s3']);
    const managedPolicy = await kms.send(new GetKeyPolicyCommand({ KeyId: KeyMetadata!.KeyId }));
    expect(managedPolicy.Policy).toContain('"kms:ViaService" : "s3.us-east-1.amazonaws.com"');
    const put = await failure(
      kms.send(new PutKeyPolicyCommand({ KeyId: KeyMetadata!.KeyId, Policy: policy(allow('kms:*')) })),
    );
    expect(put).toMatchObject({
      name: 'AccessDeniedException',
      message: `User: arn:aws:iam::${A}:root is not authorized to perform: kms:PutKeyPolicy on resource: ${KeyMetadata!.Arn} because no resource-based policy allows the kms:PutKeyPolicy action`,
    });
  });
});

describe('key policies', () => {
  const world = () => new StsWorld(server);

  it('rejects a malformed policy and keeps the old one', async () => {
    const keyId = await newKey();
    const before = (await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy;
    const missingPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }],
    });
    const error = await failure(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: missingPrincipal })));
    expect(error.name).toBe('MalformedPolicyDocumentException');
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(before);
  });

  it('rejects principals that do not exist', async () => {
    const keyId = await newKey();
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/nobody` }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    const error = await failure(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: text })));
    expect(error).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy contains a statement with one or more invalid principals.',
    });
    await world().user(A, 'somebody');
    const fixed = text.replace('user/nobody', 'user/somebody');
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: fixed }));
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(fixed);
  });

  it('accepts a session of a role with a path, whose session ARN names the role without it', async () => {
    const keyId = await newKey();
    await world().role(
      A,
      'PathedKeyUser',
      [{ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }],
      undefined,
      {
        Path: '/apps/',
      },
    );
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:sts::${A}:assumed-role/PathedKeyUser/worker` },
          Action: 'kms:Decrypt',
          Resource: '*',
        },
      ],
    });
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: text }));
    expect((await kms.send(new GetKeyPolicyCommand({ KeyId: keyId }))).Policy).toBe(text);
    const unknown = text.replace('PathedKeyUser', 'NoSuchRole');
    const error = await failure(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: unknown })));
    expect(error.name).toBe('MalformedPolicyDocumentException');
  });

  it('refuses a policy that would lock the caller out, unless the safety check is bypassed', async () => {
    const keyId = await newKey();
    const onlyUse = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:Decrypt', Resource: '*' },
      ],
    });
    const error = await failure(kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: onlyUse })));
    expect(error).toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'The new key policy will not allow you to update the key policy in the future.',
    });
    const created = await failure(kms.send(new CreateKeyCommand({ Policy: onlyUse })));
    expect(created.name).toBe('MalformedPolicyDocumentException');
    await kms.send(new PutKeyPolicyCommand({ KeyId: keyId, Policy: onlyUse, BypassPolicyLockoutSafetyCheck: true }));
    const locked = await failure(kms.send(new DisableKeyCommand({ KeyId: keyId })));
    expect(locked.name).toBe('AccessDeniedException');
  });
});
