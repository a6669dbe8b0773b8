// SSE-KMS beyond PutObject/GetObject: KMS key states and malformed requests answered as S3 does, bucket policies
// keyed on the SSE condition keys, CopyObject, multipart uploads and POST uploads of encrypted objects, and S3 Bucket
// Keys, whose KMS authorization happens once per requester and bucket-key lifetime.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateKeyCommand,
  DisableKeyCommand,
  EnableKeyCommand,
  KMSClient,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeletePublicAccessBlockCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListPartsCommand,
  PutBucketEncryptionCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, userWithPolicy } from './s3-authz-support.js';
import { failure } from './sts-fixtures.js';

const A = '111111111111';
const BUCKET = 'sse-ops';

let server: TestServer;
let s3: S3Client;
let kms: KMSClient;
let keyArn: string;
let offset = 0;

const newKey = async () => (await kms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!;
const text = async (output: { Body?: { transformToString(): Promise<string> } }) => output.Body!.transformToString();
const kmsPut = (Key: string, Body: string, SSEKMSKeyId = keyArn, Bucket = BUCKET) =>
  s3.send(new PutObjectCommand({ Bucket, Key, Body, ServerSideEncryption: 'aws:kms', SSEKMSKeyId }));
const get = (Key: string, client = s3) => client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));

/** How many blob files on disk contain `marker`. */
function blobsWith(marker: string): number {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  return walk(server.storage.blobs.root).filter((file) => readFileSync(file).includes(marker)).length;
}

/** The KMS decisions the trail recorded for the request that answered `requestId`. */
function kmsDecisions(requestId: string | undefined): string[] {
  const event = server.app.trail.list({ limit: 1000 }).find((e) => e.requestId === requestId);
  return event!.decisions.filter((d) => d.action.startsWith('kms:')).map((d) => `${d.action} ${d.decision}`);
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() + offset } });
  s3 = new S3Client(server.client(A));
  kms = new KMSClient(server.client(A));
  keyArn = await newKey();
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});
afterAll(async () => server.close());

describe('KMS key states and malformed requests', () => {
  it('answers KMS.DisabledException and KMS.KMSInvalidStateException (400) for writes and reads', async () => {
    const key = await newKey();
    await kmsPut('state', 'state', key);
    await kms.send(new DisableKeyCommand({ KeyId: key }));
    for (const request of [get('state'), kmsPut('state-2', 'x', key)]) {
      expect(await failure(request)).toMatchObject({
        name: 'KMS.DisabledException',
        message: `${key} is disabled.`,
        $metadata: { httpStatusCode: 400 },
      });
    }
    await kms.send(new EnableKeyCommand({ KeyId: key }));
    await kms.send(new ScheduleKeyDeletionCommand({ KeyId: key, PendingWindowInDays: 7 }));
    expect(await failure(get('state'))).toMatchObject({
      name: 'KMS.KMSInvalidStateException',
      message: `${key} is pending deletion.`,
    });
  });

  it('refuses SSE headers S3 does not accept, unknown keys and unsigned access', async () => {
    const missing = `arn:aws:kms:us-east-1:${A}:key/00000000-0000-4000-8000-000000000000`;
    expect(await failure(kmsPut('missing-key', 'x', missing))).toMatchObject({
      name: 'KMS.NotFoundException',
      message: `Key '${missing}' does not exist`,
      $metadata: { httpStatusCode: 400 },
    });
    // New buckets block SSE-C (S3 since April 2026): the owner reads why.
    const customerKey = Buffer.alloc(32, 7).toString('base64');
    const sseC = s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'k',
        Body: 'x',
        SSECustomerAlgorithm: 'AES256',
        SSECustomerKey: customerKey,
      }),
    );
    expect(await failure(sseC)).toMatchObject({
      name: 'AccessDenied',
      message: expect.stringMatching(
        /on resource: "arn:aws:s3:::sse-ops\/k" because this bucket has blocked upload requests that specify Server Side Encryption with Customer provided keys \(SSE-C\)\. Please specify a different server-side encryption type$/,
      ),
      $metadata: { httpStatusCode: 403 },
    });
    const keyWithoutKms = s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'k', Body: 'x', SSEKMSKeyId: keyArn }));
    expect(await failure(keyWithoutKms)).toMatchObject({
      name: 'InvalidArgument',
      message:
        'Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms',
    });
    const badContext = s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'k',
        Body: 'x',
        ServerSideEncryption: 'aws:kms',
        SSEKMSEncryptionContext: 'e30',
      }),
    );
    expect(await failure(badContext)).toMatchObject({
      name: 'InvalidArgument',
      message:
        "The header 'x-amz-server-side-encryption-context' shall be Base64-encoded UTF-8 string holding JSON which represents a string-string map",
    });
    const withSseHeader = new S3Client(server.client(A));
    withSseHeader.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers['x-amz-server-side-encryption'] = 'aws:kms';
        return next(args);
      },
      { step: 'build' },
    );
    await kmsPut('readable', 'readable');
    expect(await failure(get('readable', withSseHeader))).toMatchObject({
      name: 'InvalidArgument',
      message: 'x-amz-server-side-encryption header is not supported for this operation.',
      $metadata: { httpStatusCode: 400 },
    });
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: BUCKET }));
    const publicRead = {
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::${BUCKET}/*`,
    };
    await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify({ Statement: [publicRead] }) }));
    const anonymous = await fetch(`${server.url}/${BUCKET}/readable`);
    expect(anonymous.status).toBe(400);
    expect(await anonymous.text()).toContain(
      '<Message>Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4.</Message>',
    );
  });
});

describe('bucket policies on the SSE condition keys', () => {
  it('deny uploads without SSE-KMS or with another key than the one required', async () => {
    const Bucket = 'sse-required';
    await s3.send(new CreateBucketCommand({ Bucket }));
    const deny = (condition: object) => ({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: `arn:aws:s3:::${Bucket}/*`,
      Condition: condition,
    });
    const Policy = JSON.stringify({
      Statement: [
        deny({ StringNotEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } }),
        deny({ StringNotEqualsIfExists: { 's3:x-amz-server-side-encryption-aws-kms-key-id': keyArn } }),
      ],
    });
    await s3.send(new PutBucketPolicyCommand({ Bucket, Policy }));
    const denied = { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } };
    expect(await failure(s3.send(new PutObjectCommand({ Bucket, Key: 'plain', Body: 'x' })))).toMatchObject(denied);
    expect(await failure(kmsPut('other', 'x', await newKey(), Bucket))).toMatchObject(denied);
    expect((await kmsPut('good', 'x', keyArn, Bucket)).SSEKMSKeyId).toBe(keyArn);
  });
});

describe('copies, multipart and POST uploads', () => {
  it('CopyObject decrypts the source as the requester and encrypts the copy as the request asks', async () => {
    await kmsPut('copy-source', 'copied body');
    const other = await newKey();
    const toKms = await s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'copy-kms',
        CopySource: `${BUCKET}/copy-source`,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: other,
      }),
    );
    expect(toKms).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: other });
    const toS3 = await s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy-s3', CopySource: `${BUCKET}/copy-kms` }),
    );
    expect(toS3.ServerSideEncryption).toBe('AES256');
    expect(await text(await get('copy-s3'))).toBe('copied body');
    expect(await text(await get('copy-kms'))).toBe('copied body');
    const copier = await userWithPolicy(server, A, 'copier', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' }],
    });
    const denied = await failure(
      s3Client(server, copier).send(
        new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy-x', CopySource: `${BUCKET}/copy-source` }),
      ),
    );
    expect(denied.message).toBe(
      `User: ${copier.arn} is not authorized to perform: kms:Decrypt on resource: ${keyArn} because no identity-based policy allows the kms:Decrypt action`,
    );
  });

  it('copies an SSE-KMS object from a bucket of another region, whose key lives in that region', async () => {
    const region = 'eu-west-1';
    const euKms = new KMSClient({ ...server.client(A), region });
    const euS3 = new S3Client({ ...server.client(A), region });
    const euKey = (await euKms.send(new CreateKeyCommand({}))).KeyMetadata!.Arn!;
    await euS3.send(
      new CreateBucketCommand({ Bucket: 'sse-eu', CreateBucketConfiguration: { LocationConstraint: region } }),
    );
    await euS3.send(
      new PutObjectCommand({
        Bucket: 'sse-eu',
        Key: 'far',
        Body: 'from afar',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: euKey,
      }),
    );
    await s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'near', CopySource: 'sse-eu/far' }));
    expect(await text(await get('near'))).toBe('from afar');
  });

  it('encrypts every part, and completion, ranges, part reads and UploadPartCopy decrypt', async () => {
    const MARKER = 'multipart-marker:';
    const source = `${MARKER}${'a'.repeat(5 * 1024 * 1024)}`;
    const tail = `${MARKER}tail`;
    await kmsPut('part-source', source);
    const { UploadId } = await s3.send(
      new CreateMultipartUploadCommand({
        Bucket: BUCKET,
        Key: 'mpu',
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: keyArn,
      }),
    );
    const copied = await s3.send(
      new UploadPartCopyCommand({
        Bucket: BUCKET,
        Key: 'mpu',
        UploadId,
        PartNumber: 1,
        CopySource: `${BUCKET}/part-source`,
        CopySourceRange: `bytes=3-${source.length - 1}`,
      }),
    );
    expect(copied).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    const uploaded = await s3.send(
      new UploadPartCommand({ Bucket: BUCKET, Key: 'mpu', UploadId, PartNumber: 2, Body: tail }),
    );
    expect(uploaded).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    expect(blobsWith(MARKER)).toBe(0);
    const listed = await s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'mpu', UploadId }));
    expect(listed.Parts?.map((p) => p.Size)).toEqual([source.length - 3, tail.length]);
    const Parts = [
      { PartNumber: 1, ETag: copied.CopyPartResult!.ETag },
      { PartNumber: 2, ETag: uploaded.ETag },
    ];
    const done = await s3.send(
      new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'mpu', UploadId, MultipartUpload: { Parts } }),
    );
    expect(done).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: keyArn });
    const first = source.slice(3);
    const whole = `${first}${tail}`;
    expect(await text(await get('mpu'))).toBe(whole);
    const range = `bytes=${first.length - 3}-${first.length + 9}`;
    const across = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'mpu', Range: range }));
    expect(await text(across)).toBe(whole.slice(first.length - 3, first.length + 10));
    expect(await text(await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'mpu', PartNumber: 2 })))).toBe(tail);
    expect(blobsWith(MARKER)).toBe(0);
  });

  it('POST uploads take the SSE-KMS form fields', async () => {
    const MARKER = 'posted-marker:';
    const presigned = await createPresignedPost(s3, {
      Bucket: BUCKET,
      Key: 'posted',
      Fields: { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': keyArn },
      Expires: 300,
    });
    const form = new FormData();
    for (const [name, value] of Object.entries(presigned.fields)) form.append(name, value);
    form.append('file', new Blob([`${MARKER}posted`]), 'posted.txt');
    const response = await fetch(presigned.url, { method: 'POST', body: form });
    expect(response.status).toBe(204);
    expect(response.headers.get('x-amz-server-side-encryption-aws-kms-key-id')).toBe(keyArn);
    expect(await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'posted' }))).toMatchObject({
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: keyArn,
    });
    expect(await text(await get('posted'))).toBe(`${MARKER}posted`);
    expect(blobsWith(MARKER)).toBe(0);
  });
});

describe('S3 Bucket Keys', () => {
  it('asks KMS once per requester and bucket-key lifetime, and again once it expires', async () => {
    const Bucket = 'sse-bucket-key';
    const key = await newKey();
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket,
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: key },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const put = (Key: string) => s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
    const read = (Key: string, client = s3) => client.send(new GetObjectCommand({ Bucket, Key }));
    expect(kmsDecisions((await put('one')).$metadata.requestId)).toEqual(['kms:GenerateDataKey Allowed']);
    expect(kmsDecisions((await put('two')).$metadata.requestId)).toEqual([]);
    expect(kmsDecisions((await read('one')).$metadata.requestId)).toEqual([]);
    const reader = await userWithPolicy(server, A, 'bucket-key-reader', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 'kms:Decrypt'], Resource: '*' }],
    });
    const asReader = s3Client(server, reader);
    const firstRead = await read('two', asReader);
    expect(kmsDecisions(firstRead.$metadata.requestId)).toEqual(['kms:Decrypt Allowed']);
    expect(await text(firstRead)).toBe('two');
    expect(kmsDecisions((await read('one', asReader)).$metadata.requestId)).toEqual([]);
    await kms.send(new DisableKeyCommand({ KeyId: key }));
    expect(await text(await read('one', asReader))).toBe('one');
    offset += 11_000;
    expect(await failure(read('one', asReader))).toMatchObject({ name: 'KMS.DisabledException' });
  });
});
