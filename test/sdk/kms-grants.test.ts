// KMS grants through the real clients: a grant allows what the key policy and IAM do not, within its operations
// and encryption context constraints, never against an explicit deny; retiring, revoking and grants that create
// grants.
import {
  CreateGrantCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  KMSClient,
  ListGrantsCommand,
  ListRetirableGrantsCommand,
  RetireGrantCommand,
  RevokeGrantCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { failure, policy, StsWorld, type UserHandle } from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
let server: TestServer;
let owner: KMSClient;
let world: StsWorld;

beforeAll(async () => {
  server = await startTestServer();
  owner = new KMSClient(server.client(A));
  world = new StsWorld(server);
});
afterAll(async () => server.close());

async function newKey(): Promise<{ id: string; arn: string }> {
  const { KeyMetadata } = await owner.send(new CreateKeyCommand({}));
  return { id: KeyMetadata!.KeyId!, arn: KeyMetadata!.Arn! };
}

describe('grants as an authorization path', () => {
  let dave: UserHandle;
  let asDave: KMSClient;
  beforeAll(async () => {
    dave = await world.user(A, 'dave');
    asDave = new KMSClient(server.client(dave.credentials));
  });

  it('allows an operation the policies do not, only with the constrained context, and shows the grant in the trail', async () => {
    const key = await newKey();
    const before = await failure(asDave.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x') })));
    expect(before.message).toBe(
      `User: ${dave.arn} is not authorized to perform: kms:Encrypt on resource: ${key.arn} because no identity-based policy allows the kms:Encrypt action`,
    );
    const created = await owner.send(
      new CreateGrantCommand({
        KeyId: key.id,
        GranteePrincipal: dave.arn,
        RetiringPrincipal: `arn:aws:iam::${A}:root`,
        Operations: ['Encrypt', 'Decrypt'],
        Constraints: { EncryptionContextSubset: { project: 'apollo' } },
        Name: 'dave-apollo',
      }),
    );
    expect(created.GrantId).toMatch(/^[0-9a-f]{64}$/);
    expect(created.GrantToken).toBeTruthy();
    const context = { project: 'apollo', file: 'a.txt' };
    const encrypted = await asDave.send(
      new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('granted'), EncryptionContext: context }),
    );
    const decrypted = await asDave.send(
      new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context }),
    );
    expect(Buffer.from(decrypted.Plaintext!).toString()).toBe('granted');
    const event = server.app.trail
      .list({ limit: 10 })
      .find((e) => e.operation === 'Decrypt' && e.principal === dave.arn);
    expect(event).toMatchObject({
      decision: 'Allowed',
      decidingPolicy: `kms-grant:${created.GrantId}#dave-apollo`,
    });
    const wrong = await failure(
      asDave.send(
        new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x'), EncryptionContext: { project: 'x' } }),
      ),
    );
    expect(wrong.name).toBe('AccessDeniedException');
    // Constraint keys compare case-insensitively, values case-sensitively (API reference, GrantConstraints).
    await asDave.send(
      new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x'), EncryptionContext: { Project: 'apollo' } }),
    );
    const wrongCase = await failure(
      asDave.send(
        new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x'), EncryptionContext: { project: 'Apollo' } }),
      ),
    );
    expect(wrongCase.name).toBe('AccessDeniedException');
    const notGranted = await failure(asDave.send(new DescribeKeyCommand({ KeyId: key.id })));
    expect(notGranted.name).toBe('AccessDeniedException');
  });

  it('returns the same grant for the same named request, and lists it', async () => {
    const key = await newKey();
    const request = { KeyId: key.id, GranteePrincipal: dave.arn, Operations: ['DescribeKey' as const], Name: 'same' };
    const first = await owner.send(new CreateGrantCommand(request));
    const second = await owner.send(new CreateGrantCommand(request));
    expect(second.GrantId).toBe(first.GrantId);
    const { Grants } = await owner.send(new ListGrantsCommand({ KeyId: key.arn }));
    expect(Grants).toEqual([
      expect.objectContaining({
        KeyId: key.arn,
        GrantId: first.GrantId,
        Name: 'same',
        GranteePrincipal: dave.arn,
        IssuingAccount: `arn:aws:iam::${A}:root`,
        Operations: ['DescribeKey'],
      }),
    ]);
    expect((await asDave.send(new DescribeKeyCommand({ KeyId: key.arn }))).KeyMetadata?.KeyId).toBe(key.id);
  });

  it('never overrides an explicit deny', async () => {
    const denied = await world.user(A, 'denied', policy({ Effect: 'Deny', Action: 'kms:Encrypt', Resource: '*' }));
    const key = await newKey();
    await owner.send(new CreateGrantCommand({ KeyId: key.id, GranteePrincipal: denied.arn, Operations: ['Encrypt'] }));
    const asDenied = new KMSClient(server.client(denied.credentials));
    const error = await failure(asDenied.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x') })));
    expect(error.message).toBe(
      `User: ${denied.arn} is not authorized to perform: kms:Encrypt on resource: ${key.arn} with an explicit deny in an identity-based policy`,
    );
  });

  it('lets a principal of another account use the key through a grant', async () => {
    const erin = await world.user(B, 'erin');
    const key = await newKey();
    await owner.send(new CreateGrantCommand({ KeyId: key.id, GranteePrincipal: erin.arn, Operations: ['Encrypt'] }));
    const asErin = new KMSClient(server.client(erin.credentials));
    const result = await asErin.send(new EncryptCommand({ KeyId: key.arn, Plaintext: Buffer.from('x') }));
    expect(result.KeyId).toBe(key.arn);
  });

  it('retires a grant by its retiring principal and revokes one as the key administrator', async () => {
    const key = await newKey();
    const frank = await world.user(A, 'frank');
    const asFrank = new KMSClient(server.client(frank.credentials));
    const retirable = await owner.send(
      new CreateGrantCommand({
        KeyId: key.id,
        GranteePrincipal: dave.arn,
        RetiringPrincipal: frank.arn,
        Operations: ['Encrypt'],
      }),
    );
    const listed = await owner.send(new ListRetirableGrantsCommand({ RetiringPrincipal: frank.arn }));
    expect(listed.Grants?.map((g) => g.GrantId)).toEqual([retirable.GrantId]);
    await asFrank.send(new RetireGrantCommand({ GrantToken: retirable.GrantToken }));
    const after = await failure(asDave.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x') })));
    expect(after.name).toBe('AccessDeniedException');
    const other = await owner.send(
      new CreateGrantCommand({ KeyId: key.id, GranteePrincipal: dave.arn, Operations: ['Encrypt'] }),
    );
    const notFrank = await failure(asFrank.send(new RetireGrantCommand({ KeyId: key.arn, GrantId: other.GrantId })));
    expect(notFrank.name).toBe('AccessDeniedException');
    await owner.send(new RevokeGrantCommand({ KeyId: key.id, GrantId: other.GrantId }));
    expect((await owner.send(new ListGrantsCommand({ KeyId: key.id }))).Grants).toEqual([]);
    const gone = await failure(owner.send(new RevokeGrantCommand({ KeyId: key.id, GrantId: other.GrantId })));
    expect(gone.name).toBe('NotFoundException');
  });

  it('lists the grants another account may retire to that account, and to no one else', async () => {
    const key = await newKey();
    const retiringB = `arn:aws:iam::${B}:root`;
    const grant = await owner.send(
      new CreateGrantCommand({
        KeyId: key.id,
        GranteePrincipal: retiringB,
        RetiringPrincipal: retiringB,
        Operations: ['Decrypt'],
      }),
    );
    const asB = new KMSClient(server.client(B));
    const listed = await asB.send(new ListRetirableGrantsCommand({ RetiringPrincipal: retiringB }));
    expect(listed.Grants).toEqual([expect.objectContaining({ KeyId: key.arn, GrantId: grant.GrantId })]);
    const fromA = await failure(owner.send(new ListRetirableGrantsCommand({ RetiringPrincipal: retiringB })));
    expect(fromA.name).toBe('AccessDeniedException');
    await asB.send(new RetireGrantCommand({ KeyId: key.arn, GrantId: grant.GrantId }));
    expect((await asB.send(new ListRetirableGrantsCommand({ RetiringPrincipal: retiringB }))).Grants).toEqual([]);
  });

  it('lets a grantee with CreateGrant pass on no more than its own operations', async () => {
    const key = await newKey();
    const gina = await world.user(A, 'gina');
    await owner.send(
      new CreateGrantCommand({ KeyId: key.id, GranteePrincipal: dave.arn, Operations: ['CreateGrant', 'Decrypt'] }),
    );
    await asDave.send(new CreateGrantCommand({ KeyId: key.arn, GranteePrincipal: gina.arn, Operations: ['Decrypt'] }));
    const wider = await failure(
      asDave.send(new CreateGrantCommand({ KeyId: key.arn, GranteePrincipal: gina.arn, Operations: ['Encrypt'] })),
    );
    expect(wider.name).toBe('AccessDeniedException');
  });
});
