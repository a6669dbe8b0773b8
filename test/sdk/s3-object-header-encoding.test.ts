// Header values beyond US-ASCII, through the SDK, presigned URLs and browser POST uploads: `response-*` overrides that
// ISO-8859-1 cannot carry are refused as S3 refuses them, user metadata is stored as text and answered as RFC 2047
// encoded-words, content headers come back as the bytes S3 answers, and no answer is a hung 500.
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { HttpRequest } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;
const BUCKET = 'header-encoding';
const CHINESE = 'attachment; filename="中文.txt"';

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client());
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', Body: 'hello' }));
});
afterAll(async () => server.close());

/** fetch that fails after 5 s: a response that never completes is a failure, not a hang. */
function fetchOnce(url: string | URL, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
}

function field(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}

/** A header's bytes read as UTF-8 (fetch and the SDK give header values one character a byte). */
function utf8(value: string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : Buffer.from(value, 'latin1').toString('utf8');
}

describe('response-* overrides of a presigned GET', () => {
  it('refuses a value ISO-8859-1 cannot carry with InvalidArgument, as S3 does', async () => {
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', ResponseContentDisposition: CHINESE }),
    );
    const response = await fetchOnce(url);
    expect(response.status).toBe(400);
    const xml = await response.text();
    expect(field(xml, 'Code')).toBe('InvalidArgument');
    expect(field(xml, 'Message')).toBe('Header value cannot be represented using ISO-8859-1.');
    expect(field(xml, 'ArgumentName')).toBe('response-content-disposition');
    expect(field(xml, 'ArgumentValue')).toBe(CHINESE);
  });

  it('checks every override, on HEAD too', async () => {
    const type = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', ResponseContentType: 'text/plain; x=“q”' }),
    );
    expect(field(await (await fetchOnce(type)).text(), 'ArgumentName')).toBe('response-content-type');
    const head = await getSignedUrl(
      s3,
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'doc.txt', ResponseCacheControl: 'max-age=1 ☃' }),
    );
    expect((await fetchOnce(head, { method: 'HEAD' })).status).toBe(400);
  });

  it('answers an ISO-8859-1 value as its bytes', async () => {
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({
        Bucket: BUCKET,
        Key: 'doc.txt',
        ResponseContentDisposition: 'attachment; filename="café"',
      }),
    );
    const response = await fetchOnce(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="café"');
    expect(await response.text()).toBe('hello');
  });
});

describe('browser POST uploads with fields beyond US-ASCII', () => {
  async function post(key: string, fields: Record<string, string>): Promise<Response> {
    const presigned = await createPresignedPost(s3, { Bucket: BUCKET, Key: key, Fields: fields, Expires: 300 });
    const form = new FormData();
    for (const [name, value] of Object.entries(presigned.fields)) form.append(name, value);
    form.append('file', new Blob(['posted']), 'file.txt');
    return fetchOnce(presigned.url, { method: 'POST', body: form, redirect: 'manual' });
  }

  it('stores x-amz-meta-* values as text and answers them RFC 2047 encoded', async () => {
    expect(
      (await post('form/meta', { 'x-amz-meta-u': '中文', 'x-amz-meta-v': 'café', 'x-amz-meta-w': 'plain' })).status,
    ).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'form/meta' }));
    // The SDK hands the encoded-words over as they came; so does boto3.
    expect(head.Metadata).toEqual({ u: '=?UTF-8?B?5Lit5paH?=', v: '=?UTF-8?Q?caf=C3=A9?=', w: 'plain' });
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'form/meta' }));
    const got = await fetchOnce(url);
    expect(got.status).toBe(200);
    expect(got.headers.get('x-amz-meta-u')).toBe('=?UTF-8?B?5Lit5paH?=');
    expect(await got.text()).toBe('posted');
  });

  it('answers content fields with the characters ISO-8859-1 lacks as spaces', async () => {
    const fields = { 'content-disposition': 'attachment; filename="中文 é.txt"', 'content-type': 'text/plain' };
    expect((await post('form/disposition', fields)).status).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'form/disposition' }));
    expect(head.ContentDisposition).toBe('attachment; filename="   é.txt"');
    const got = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'form/disposition' }));
    expect(await got.Body?.transformToString()).toBe('posted');
  });

  it('counts metadata whose name no header can have in x-amz-missing-meta', async () => {
    expect((await post('form/names', { 'x-amz-meta-a b': '1', 'x-amz-meta-ok': '2' })).status).toBe(204);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'form/names' }));
    expect(head.Metadata).toEqual({ ok: '2' });
    expect(head.MissingMeta).toBe(1);
  });

  it('percent-encodes a redirect beyond US-ASCII in Location', async () => {
    const response = await post('form/redirect', { success_action_redirect: 'https://example.com/完了' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^https:\/\/example\.com\/%E5%AE%8C%E4%BA%86\?bucket=/);
  });
});

describe('PutObject headers beyond US-ASCII', () => {
  /** An SDK client that puts non-ASCII header values on the wire as their UTF-8 bytes, signed as such (as boto3). */
  function utf8HeaderClient(): S3Client {
    const client = new S3Client(server.client());
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as HttpRequest;
        for (const [name, value] of Object.entries(request.headers)) {
          if (/[\u0080-\uffff]/.test(value)) request.headers[name] = Buffer.from(value, 'utf8').toString('latin1');
        }
        return next(args);
      },
      { step: 'deserialize', name: 'utf8HeaderBytes' },
    );
    return client;
  }

  // (Not Content-Disposition: Node's client rewrites its value whenever the body has a known length, nodejs/node#46528.)
  it('stores raw UTF-8 metadata as the text it encodes, and content headers as their bytes', async () => {
    const cacheControl = 'private, note="中文"';
    await utf8HeaderClient().send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'put/utf8',
        Body: Buffer.from('x'),
        Metadata: { u: '中文', v: 'café' },
        CacheControl: cacheControl,
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'put/utf8' }));
    expect(head.Metadata).toEqual({ u: '=?UTF-8?B?5Lit5paH?=', v: '=?UTF-8?Q?caf=C3=A9?=' });
    expect(utf8(head.CacheControl)).toBe(cacheControl);
    const got = await fetchOnce(await getSignedUrl(s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'put/utf8' })));
    expect(got.status).toBe(200);
    expect(utf8(got.headers.get('cache-control'))).toBe(cacheControl);
    expect(await got.text()).toBe('x');
  });

  it('decodes encoded-words before storing, so what a GET answered can be put again', async () => {
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'put/encoded',
        Body: 'x',
        Metadata: { u: '=?UTF-8?B?5Lit5paH?=', v: '=?UTF-8?Q?abc?=' },
      }),
    );
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'put/encoded' }));
    expect(head.Metadata).toEqual({ u: '=?UTF-8?B?5Lit5paH?=', v: 'abc' });
  });

  it('refuses the signature of a header whose bytes are not the UTF-8 the client signed', async () => {
    // Node sends `é` as the single byte E9 while the SDK signs its UTF-8 (aws/aws-sdk-js#1648): S3 refuses it.
    await expect(
      s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: 'put/latin1', Body: Buffer.from('x'), Metadata: { v: 'é' } }),
      ),
    ).rejects.toMatchObject({ name: 'SignatureDoesNotMatch' });
  });
});
