// KMS cryptography through the real KMS client: encryption context binding, key states, data keys, ReEncrypt.

import { createDecipheriv } from 'node:crypto';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  GenerateRandomCommand,
  KMSClient,
  ReEncryptCommand,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { failure } from './sts-fixtures.js';

const A = '111111111111';
let server: TestServer;
let kms: KMSClient;

beforeAll(async () => {
  server = await startTestServer();
  kms = new KMSClient(server.client(A));
});
afterAll(async () => server.close());

async function newKey(): Promise<{ id: string; arn: string }> {
  const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
  return { id: KeyMetadata!.KeyId!, arn: KeyMetadata!.Arn! };
}

const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes!).toString('utf8');

describe('Encrypt and Decrypt', () => {
  it('round-trips with the encryption context, and Decrypt needs no KeyId', async () => {
    const key = await newKey();
    const context = { tenant: 'acme', purpose: 'test' };
    const encrypted = await kms.send(
      new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('attack at dawn'), EncryptionContext: context }),
    );
    expect(encrypted).toMatchObject({ KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    expect(Buffer.from(encrypted.CiphertextBlob!).includes(Buffer.from('attack at dawn'))).toBe(false);
    const decrypted = await kms.send(
      new DecryptCommand({
        CiphertextBlob: encrypted.CiphertextBlob,
        EncryptionContext: { purpose: 'test', tenant: 'acme' },
      }),
    );
    expect(text(decrypted.Plaintext)).toBe('attack at dawn');
    expect(decrypted.KeyId).toBe(key.arn);
  });

  it('fails with InvalidCiphertextException (no message) for another context or none, and for a damaged blob', async () => {
    const key = await newKey();
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x'), EncryptionContext: { a: '1' } }),
    );
    const contexts: (Record<string, string> | undefined)[] = [{ a: '2' }, undefined, { a: '1', b: '2' }];
    for (const EncryptionContext of contexts) {
      const error = await failure(kms.send(new DecryptCommand({ CiphertextBlob, EncryptionContext })));
      expect(error).toMatchObject({ name: 'InvalidCiphertextException', $metadata: { httpStatusCode: 400 } });
    }
    const damaged = Buffer.from(CiphertextBlob!);
    damaged[damaged.length - 1]! ^= 1;
    const error = await failure(
      kms.send(new DecryptCommand({ CiphertextBlob: damaged, EncryptionContext: { a: '1' } })),
    );
    expect(error.name).toBe('InvalidCiphertextException');
    const garbage = await failure(kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from('not a ciphertext') })));
    expect(garbage.name).toBe('InvalidCiphertextException');
  });

  it('refuses Decrypt with a KeyId that is not the ciphertext key: IncorrectKeyException', async () => {
    const key = await newKey();
    const other = await newKey();
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x') }));
    const error = await failure(kms.send(new DecryptCommand({ CiphertextBlob, KeyId: other.id })));
    expect(error).toMatchObject({
      name: 'IncorrectKeyException',
      message: 'The key ID in the request does not identify a CMK that can perform this operation.',
    });
    const ok = await kms.send(new DecryptCommand({ CiphertextBlob, KeyId: key.arn }));
    expect(text(ok.Plaintext)).toBe('x');
  });

  it('refuses a disabled key with DisabledException and changes nothing', async () => {
    const key = await newKey();
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('kept') }));
    await kms.send(new DisableKeyCommand({ KeyId: key.id }));
    const encrypt = await failure(kms.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.from('x') })));
    expect(encrypt).toMatchObject({ name: 'DisabledException', message: `${key.arn} is disabled.` });
    const decrypt = await failure(kms.send(new DecryptCommand({ CiphertextBlob })));
    expect(decrypt).toMatchObject({ name: 'DisabledException', message: `${key.arn} is disabled.` });
    const state = await kms.send(new DescribeKeyCommand({ KeyId: key.id }));
    expect(state.KeyMetadata?.KeyState).toBe('Disabled');
    await kms.send(new EnableKeyCommand({ KeyId: key.id }));
    expect(text((await kms.send(new DecryptCommand({ CiphertextBlob }))).Plaintext)).toBe('kept');
  });

  it('encrypts by alias name and alias ARN, and enforces the 4096-byte limit', async () => {
    const key = await newKey();
    await kms.send(new CreateAliasCommand({ AliasName: 'alias/crypto', TargetKeyId: key.id }));
    const byName = await kms.send(new EncryptCommand({ KeyId: 'alias/crypto', Plaintext: Buffer.from('a') }));
    expect(byName.KeyId).toBe(key.arn);
    const byArn = await kms.send(
      new EncryptCommand({ KeyId: `arn:aws:kms:us-east-1:${A}:alias/crypto`, Plaintext: Buffer.from('a') }),
    );
    expect(byArn.KeyId).toBe(key.arn);
    const tooBig = await failure(kms.send(new EncryptCommand({ KeyId: key.id, Plaintext: Buffer.alloc(4097) })));
    expect(tooBig.name).toBe('ValidationException');
  });
});

describe('data keys, ReEncrypt and GenerateRandom', () => {
  it('returns a data key that decrypts back to the same bytes and actually works as an AES key', async () => {
    const key = await newKey();
    const dataKey = await kms.send(
      new GenerateDataKeyCommand({ KeyId: key.id, KeySpec: 'AES_256', EncryptionContext: { file: 'f1' } }),
    );
    expect(dataKey.Plaintext).toHaveLength(32);
    expect(dataKey.KeyId).toBe(key.arn);
    const back = await kms.send(
      new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: { file: 'f1' } }),
    );
    expect(Buffer.from(back.Plaintext!).equals(Buffer.from(dataKey.Plaintext!))).toBe(true);
    expect(() => createDecipheriv('aes-256-gcm', Buffer.from(back.Plaintext!), Buffer.alloc(12))).not.toThrow();
    const short = await kms.send(new GenerateDataKeyCommand({ KeyId: key.id, NumberOfBytes: 16 }));
    expect(short.Plaintext).toHaveLength(16);
    const neither = await failure(kms.send(new GenerateDataKeyCommand({ KeyId: key.id })));
    expect(neither).toMatchObject({
      name: 'ValidationException',
      message: 'Please specify either number of bytes or key spec.',
    });
    const hidden = await kms.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: key.id, KeySpec: 'AES_128' }));
    expect('Plaintext' in hidden).toBe(false);
    expect((await kms.send(new DecryptCommand({ CiphertextBlob: hidden.CiphertextBlob }))).Plaintext).toHaveLength(16);
  });

  it('re-encrypts under another key and context', async () => {
    const source = await newKey();
    const destination = await newKey();
    const { CiphertextBlob } = await kms.send(
      new EncryptCommand({ KeyId: source.id, Plaintext: Buffer.from('moved'), EncryptionContext: { v: '1' } }),
    );
    const moved = await kms.send(
      new ReEncryptCommand({
        CiphertextBlob,
        SourceEncryptionContext: { v: '1' },
        DestinationKeyId: destination.id,
        DestinationEncryptionContext: { v: '2' },
      }),
    );
    expect(moved).toMatchObject({ SourceKeyId: source.arn, KeyId: destination.arn });
    const back = await kms.send(
      new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob, EncryptionContext: { v: '2' } }),
    );
    expect(text(back.Plaintext)).toBe('moved');
    expect(back.KeyId).toBe(destination.arn);
  });

  it('generates 1 to 1024 random bytes', async () => {
    expect((await kms.send(new GenerateRandomCommand({ NumberOfBytes: 1024 }))).Plaintext).toHaveLength(1024);
    const none = await failure(kms.send(new GenerateRandomCommand({})));
    expect(none).toMatchObject({ name: 'ValidationException', message: 'NumberOfBytes is required.' });
    const tooMany = await failure(kms.send(new GenerateRandomCommand({ NumberOfBytes: 1025 })));
    expect(tooMany.name).toBe('ValidationException');
  });
});
