// CORS as a browser meets it: preflight OPTIONS requests answered from the bucket's CORS rules (or refused with S3's
// AccessForbidden), and Access-Control-* headers on actual responses whose Origin a rule allows.
import {
  CreateBucketCommand,
  GetObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let s3: S3Client;

beforeAll(async () => {
  server = await startTestServer();
  s3 = new S3Client(server.client('111111111111'));
  await s3.send(new CreateBucketCommand({ Bucket: 'web' }));
  await s3.send(new CreateBucketCommand({ Bucket: 'no-cors' }));
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: 'web',
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: ['https://*.example.com'],
            AllowedMethods: ['GET', 'PUT'],
            AllowedHeaders: ['content-type', 'x-amz-*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 600,
          },
          { AllowedOrigins: ['*'], AllowedMethods: ['HEAD'] },
        ],
      },
    }),
  );
  await s3.send(new PutObjectCommand({ Bucket: 'web', Key: 'page.html', Body: '<p>hi</p>' }));
});
afterAll(async () => server.close());

function preflight(path: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${server.url}${path}`, { method: 'OPTIONS', headers });
}

async function errorCode(response: Response): Promise<{ status: number; code?: string; message?: string }> {
  const text = await response.text();
  return {
    status: response.status,
    code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
    message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1],
  };
}

describe('preflight', () => {
  it('answers a matching preflight with the rule headers', async () => {
    const response = await preflight('/web/page.html', {
      Origin: 'https://app.example.com',
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'Content-Type, X-Amz-Date',
    });
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'content-type, x-amz-date',
      'access-control-expose-headers': 'ETag',
      'access-control-max-age': '600',
      'access-control-allow-credentials': 'true',
    });
    const anyone = await preflight('/web', { Origin: 'https://else.org', 'Access-Control-Request-Method': 'HEAD' });
    expect(anyone.headers.get('access-control-allow-origin')).toBe('*');
    expect(anyone.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses what no rule allows, buckets without CORS and requests without Origin', async () => {
    const wrongOrigin = await preflight('/web/page.html', {
      Origin: 'https://evil.org',
      'Access-Control-Request-Method': 'GET',
    });
    expect(await errorCode(wrongOrigin)).toEqual({
      status: 403,
      code: 'AccessForbidden',
      message:
        "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
    });
    const wrongHeader = await preflight('/web/page.html', {
      Origin: 'https://app.example.com',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization-extra',
    });
    expect((await errorCode(wrongHeader)).status).toBe(403);
    const disabled = await preflight('/no-cors/x', {
      Origin: 'https://app.example.com',
      'Access-Control-Request-Method': 'GET',
    });
    expect(await errorCode(disabled)).toMatchObject({
      status: 403,
      message: 'CORSResponse: CORS is not enabled for this bucket.',
    });
    expect(await errorCode(await preflight('/web/page.html', { 'Access-Control-Request-Method': 'GET' }))).toEqual({
      status: 400,
      code: 'BadRequest',
      message: 'Insufficient information. Origin request header needed.',
    });
  });
});

describe('actual requests', () => {
  it('carry the CORS headers when the Origin and method match, and none otherwise', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'web', Key: 'page.html' }));
    const allowed = await fetch(url, { headers: { Origin: 'https://app.example.com' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-expose-headers')).toBe('ETag');
    const other = await fetch(url, { headers: { Origin: 'https://evil.org' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const denied = await fetch(`${server.url}/web/page.html`, { headers: { Origin: 'https://app.example.com' } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });
});
