import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../types.js';
import type { BucketRecord } from '../repos/buckets.js';
import { type BodyCipher, decryptBody, deriveObjectKey, transformBytes } from './body-cipher.js';
import { sseRequestOf as sseRequestFor } from './sse-request.js';

const plaintext = randomBytes(100_000);

describe('AES-256-CTR bodies', () => {
  // Counters whose low bytes are all ones carry into higher bytes, and the all-ones block wraps to zero.
  const ivs = [Buffer.alloc(16), Buffer.alloc(16, 0xff), Buffer.concat([randomBytes(12), Buffer.alloc(4, 0xff)])];

  it('decrypts any range from its own offset exactly as the whole body decrypts', () => {
    for (const iv of ivs) {
      const cipher: BodyCipher = { key: randomBytes(32), iv };
      const stored = transformBytes(plaintext, cipher, 0);
      expect(stored.equals(plaintext)).toBe(false);
      for (const [start, end] of [
        [0, 0],
        [1, 15],
        [15, 17],
        [16, 31],
        [4095, 70_001],
        [99_999, 99_999],
      ] as const) {
        const range = stored.subarray(start, end + 1);
        expect(transformBytes(range, cipher, start).equals(plaintext.subarray(start, end + 1))).toBe(true);
      }
    }
  });

  it('decrypts a stream in uneven chunks, and leaves unencrypted bodies alone', async () => {
    const cipher: BodyCipher = { key: randomBytes(32), iv: ivs[2]! };
    const stored = transformBytes(plaintext, cipher, 0);
    const chunks = [stored.subarray(5, 1000), stored.subarray(1000, 1001), stored.subarray(1001, 80_000)];
    const out: Buffer[] = [];
    for await (const chunk of decryptBody(Readable.from(chunks), cipher, 5) as Readable) out.push(chunk as Buffer);
    expect(Buffer.concat(out).equals(plaintext.subarray(5, 80_000))).toBe(true);
    expect(decryptBody(stored, undefined, 0)).toBe(stored);
  });

  it('derives a distinct key per object from one bucket key', () => {
    const bucketKey = randomBytes(32);
    const a = deriveObjectKey(bucketKey, ivs[0]!);
    expect(a).toHaveLength(32);
    expect(a.equals(deriveObjectKey(bucketKey, ivs[1]!))).toBe(false);
    expect(a.equals(deriveObjectKey(bucketKey, ivs[0]!))).toBe(true);
  });
});

describe('sseRequestOf', () => {
  const bucket = (encryption?: BucketRecord['configs']['encryption']) =>
    ({
      owner: '111111111111',
      arn: 'arn:aws:s3:::b',
      configs: encryption === undefined ? {} : { encryption },
    }) as BucketRecord;
  // A caller of the owner's account, which reads S3's detailed denials.
  const call = {
    caller: { account: '111111111111', principal: { arn: 'arn:aws:iam::111111111111:user/u' } },
  } as unknown as CallContext;
  const sseRequestOf = (input: Record<string, unknown>, b: BucketRecord) => sseRequestFor(call, input, b, 'k');
  const kmsDefault = bucket({ algorithm: 'aws:kms', kmsKeyId: 'alias/default', bucketKeyEnabled: true });

  it('takes the request headers first, then the bucket default, then aws/s3', () => {
    expect(sseRequestOf({}, bucket())).toEqual({ algorithm: 'AES256' });
    expect(sseRequestOf({}, kmsDefault)).toMatchObject({ keyId: 'alias/default', bucketKey: true, context: {} });
    expect(sseRequestOf({ ServerSideEncryption: 'aws:kms', BucketKeyEnabled: false }, kmsDefault)).toMatchObject({
      keyId: 'alias/default',
      bucketKey: false,
    });
    expect(sseRequestOf({ ServerSideEncryption: 'AES256' }, kmsDefault)).toEqual({ algorithm: 'AES256' });
    expect(sseRequestOf({ ServerSideEncryption: 'aws:kms' }, bucket())).toMatchObject({ keyId: 'alias/aws/s3' });
    const context = Buffer.from('{"team":"blue"}').toString('base64');
    expect(
      sseRequestOf(
        { ServerSideEncryption: 'aws:kms', SSEKMSEncryptionContext: context, BucketKeyEnabled: 'TRUE' },
        bucket(),
      ),
    ).toMatchObject({ context: { team: 'blue' }, contextHeader: context, bucketKey: true });
  });

  it('refuses what S3 refuses, with its codes', () => {
    const refused = (input: Record<string, unknown>, encryption = bucket()) => {
      try {
        sseRequestOf(input, encryption);
      } catch (error) {
        return error;
      }
      throw new Error('accepted');
    };
    expect(refused({ ServerSideEncryption: 'aws:kmz' })).toMatchObject({
      code: 'InvalidArgument',
      extra: { ArgumentName: 'x-amz-server-side-encryption', ArgumentValue: 'aws:kmz' },
    });
    expect(refused({ ServerSideEncryption: 'AES256', SSEKMSKeyId: 'k' })).toMatchObject({ code: 'InvalidArgument' });
    for (const context of ['e30', Buffer.from('[]').toString('base64'), Buffer.from('{"a":1}').toString('base64')]) {
      expect(refused({ ServerSideEncryption: 'aws:kms', SSEKMSEncryptionContext: context })).toMatchObject({
        code: 'InvalidArgument',
        extra: { ArgumentName: 'x-amz-server-side-encryption-context' },
      });
    }
    expect(refused({ ServerSideEncryption: 'aws:kms:dsse' })).toMatchObject({ code: 'NotImplemented', status: 501 });
    expect(
      refused({}, bucket({ algorithm: 'aws:kms:dsse', kmsKeyId: undefined, bucketKeyEnabled: false })),
    ).toMatchObject({
      code: 'NotImplemented',
    });
    // New buckets block SSE-C (S3, since April 2026).
    expect(refused({ SSECustomerAlgorithm: 'AES256' })).toMatchObject({
      code: 'AccessDenied',
      status: 403,
      message:
        'User: arn:aws:iam::111111111111:user/u is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b/k" because this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys (SSE-C). Please specify a different server-side encryption type',
    });
  });
});
