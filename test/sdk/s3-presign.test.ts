// Presigned URLs (@aws-sdk/s3-request-presigner) and browser POST uploads (@aws-sdk/s3-presigned-post) used the way a
// browser or curl uses them: plain fetch, no SDK signing. Any change to a signed part is refused, expiry holds, and a
// POST upload is authorized as the policy's signer and checked against its conditions.
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { s3Client, userWithPolicy } from './s3-authz-support.js';

let server: TestServer;
let s3: S3Client;
let offset = 0;
const A = '111111111111';
const BUCKET = 'presigned';

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => Date.now() + offset } });
  s3 = new S3Client(server.client(A));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(
    new PutObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', Body: 'presigned body', ContentType: 'text/plain' }),
  );
});
afterAll(async () => server.close());

async function errorOf(response: Response): Promise<{ status: number; code?: string; message?: string }> {
  const text = await response.text();
  return {
    status: response.status,
    code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
    message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1],
  };
}

describe('presigned URLs', () => {
  it('serve GET and PUT to anyone holding the URL', async () => {
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }), { expiresIn: 300 });
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('presigned body');
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'uploaded.bin' }), {
      expiresIn: 300,
    });
    const put = await fetch(putUrl, { method: 'PUT', body: new TextEncoder().encode('from a browser') });
    expect(put.status).toBe(200);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'uploaded.bin' }));
    expect(head).toMatchObject({ ContentLength: 14, ContentType: 'binary/octet-stream' });
  });

  it('honour signed response-* overrides', async () => {
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: 'doc.txt',
        ResponseContentType: 'application/x-test',
        ResponseContentDisposition: 'attachment',
      }),
    );
    const got = await fetch(url);
    expect(got.headers.get('content-type')).toBe('application/x-test');
    expect(got.headers.get('content-disposition')).toBe('attachment');
  });

  it('refuse any change to a signed part', async () => {
    const url = new URL(
      await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }), { expiresIn: 300 }),
    );
    const signature = url.searchParams.get('X-Amz-Signature') ?? '';
    const tampered: URL[] = [];
    const flip = new URL(url);
    flip.searchParams.set('X-Amz-Signature', `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`);
    tampered.push(flip);
    const otherKey = new URL(url);
    otherKey.pathname = `/${BUCKET}/uploaded.bin`;
    tampered.push(otherKey);
    const longer = new URL(url);
    longer.searchParams.set('X-Amz-Expires', '600');
    tampered.push(longer);
    const added = new URL(url);
    added.searchParams.set('response-content-type', 'text/html');
    tampered.push(added);
    const date = new URL(url);
    date.searchParams.set(
      'X-Amz-Date',
      (url.searchParams.get('X-Amz-Date') ?? '').replace(/\d(?=Z$)/, (d) => String((Number(d) + 1) % 10)),
    );
    tampered.push(date);
    for (const candidate of tampered) {
      expect(await errorOf(await fetch(candidate))).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    }
    const methodChanged = await fetch(url, { method: 'PUT', body: 'x' });
    expect(await errorOf(methodChanged)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    const stranger = new URL(url);
    stranger.searchParams.set(
      'X-Amz-Credential',
      (url.searchParams.get('X-Amz-Credential') ?? '').replace(A, '999999999999'),
    );
    expect(await errorOf(await fetch(stranger))).toMatchObject({ status: 403 });
  });

  it('expire after X-Amz-Expires and refuse lifetimes over seven days', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }), { expiresIn: 60 });
    offset = 61_000;
    try {
      expect(await errorOf(await fetch(url))).toEqual({
        status: 403,
        code: 'AccessDenied',
        message: 'Request has expired',
      });
    } finally {
      offset = 0;
    }
    const week = new URL(
      await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt' }), { expiresIn: 60 }),
    );
    week.searchParams.set('X-Amz-Expires', '604801');
    expect(await errorOf(await fetch(week))).toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' });
  });
});

describe('browser POST uploads', () => {
  async function post(options: {
    key?: string;
    fields?: Record<string, string>;
    conditions?: Parameters<typeof createPresignedPost>[1]['Conditions'];
    file?: string;
    extra?: Record<string, string>;
    client?: S3Client;
    filename?: string;
  }): Promise<Response> {
    const presigned = await createPresignedPost(options.client ?? s3, {
      Bucket: BUCKET,
      Key: options.key ?? 'uploads/${filename}',
      Fields: options.fields,
      Conditions: options.conditions,
      Expires: 300,
    });
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...presigned.fields, ...options.extra })) form.append(name, value);
    form.append('file', new Blob([options.file ?? 'posted content']), options.filename ?? 'photo.jpg');
    return fetch(presigned.url, { method: 'POST', body: form, redirect: 'manual' });
  }

  it('stores the file under the expanded key and answers 204', async () => {
    const response = await post({ conditions: [['starts-with', '$key', 'uploads/']] });
    expect(response.status).toBe(204);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'uploads/photo.jpg' }));
    expect(await got.Body?.transformToString()).toBe('posted content');
  });

  it('answers 201 with a PostResponse and 303 to a redirect', async () => {
    const created = await post({ key: 'form/created', fields: { success_action_status: '201' } });
    expect(created.status).toBe(201);
    expect(await created.text()).toMatch(
      /<PostResponse[^>]*><Location>.*<\/Location><Bucket>presigned<\/Bucket><Key>form\/created<\/Key><ETag>"[0-9a-f]{32}"<\/ETag><\/PostResponse>/,
    );
    const redirected = await post({
      key: 'form/redirected',
      fields: { success_action_redirect: 'https://example.com/done' },
    });
    expect(redirected.status).toBe(303);
    expect(redirected.headers.get('location')).toMatch(
      /^https:\/\/example\.com\/done\?bucket=presigned&key=form%2Fredirected&etag=/,
    );
  });

  it('refuses forms that break the policy, exceed its size range or add fields', async () => {
    const wrongKey = await post({ key: 'elsewhere/x', conditions: [['starts-with', '$key', 'uploads/']] });
    expect(await errorOf(wrongKey)).toEqual({
      status: 403,
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "uploads/"]',
    });
    const tooLarge = await post({ key: 'form/large', conditions: [['content-length-range', 0, 4]] });
    expect(await errorOf(tooLarge)).toMatchObject({ status: 400, code: 'EntityTooLarge' });
    const extra = await post({ key: 'form/extra', extra: { 'x-amz-meta-note': 'hi' } });
    expect(await errorOf(extra)).toMatchObject({
      status: 403,
      message: 'Invalid according to Policy: Extra input fields: x-amz-meta-note',
    });
    const forged = await post({ key: 'form/forged', extra: { 'X-Amz-Signature': '0'.repeat(64) } });
    expect(await errorOf(forged)).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    await expect(s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'form/large' }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses an expired policy', async () => {
    const presigned = await createPresignedPost(s3, { Bucket: BUCKET, Key: 'form/late', Expires: 60 });
    offset = 120_000;
    try {
      const form = new FormData();
      for (const [name, value] of Object.entries(presigned.fields)) form.append(name, value);
      form.append('file', new Blob(['late']), 'late.txt');
      expect(await errorOf(await fetch(presigned.url, { method: 'POST', body: form }))).toEqual({
        status: 403,
        code: 'AccessDenied',
        message: 'Invalid according to Policy: Policy expired.',
      });
    } finally {
      offset = 0;
    }
  });

  it('authorizes the upload as the signer of the policy', async () => {
    const user = await userWithPolicy(server, A, 'poster', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/allowed/*` }],
    });
    const client = s3Client(server, user);
    expect((await post({ client, key: 'allowed/ok' })).status).toBe(204);
    expect(await errorOf(await post({ client, key: 'denied/no' }))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
    const unsigned = new FormData();
    unsigned.append('key', 'anonymous');
    unsigned.append('file', new Blob(['x']), 'x');
    expect(await errorOf(await fetch(`${server.url}/${BUCKET}`, { method: 'POST', body: unsigned }))).toMatchObject({
      status: 403,
      code: 'AccessDenied',
    });
  });
});
