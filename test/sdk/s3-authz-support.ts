// Helpers of the S3 authorization suites: IAM users with policies, anonymous requests, and signed S3 Control
// requests (no S3 Control SDK client is installed, so those are signed here with the SDK's own signer).
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Credentials, TestServer } from './harness.js';

/** An IAM user of `account` with an access key and, when given, one inline policy. */
export async function userWithPolicy(
  server: TestServer,
  account: string,
  name: string,
  policy?: object,
): Promise<Credentials & { arn: string }> {
  const iam = new IAMClient(server.client(account));
  const user = await iam.send(new CreateUserCommand({ UserName: name }));
  if (policy !== undefined) {
    await iam.send(
      new PutUserPolicyCommand({ UserName: name, PolicyName: 'inline', PolicyDocument: JSON.stringify(policy) }),
    );
  }
  const key = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return {
    accessKeyId: key.AccessKey!.AccessKeyId!,
    secretAccessKey: key.AccessKey!.SecretAccessKey!,
    arn: user.User!.Arn!,
  };
}

export function s3Client(server: TestServer, who: string | Credentials, region = 'us-east-1'): S3Client {
  return new S3Client({ ...server.client(who), region });
}

/** An unsigned request, as a browser or `curl` would send it. */
export async function anonymous(server: TestServer, method: string, path: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { method });
}

type SourceData = string | ArrayBuffer | ArrayBufferView;

function bytes(data: SourceData): string | Uint8Array {
  if (typeof data === 'string') return data;
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
}

/** A request signed for S3 (signing name `s3`) as SDKs sign it, with the body's SHA-256 as payload hash. */
export async function signedRequest(
  server: TestServer,
  signer: string | Credentials,
  method: string,
  pathAndQuery: string,
  options: { body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  const url = new URL(`${server.url}${pathAndQuery}`);
  const credentials = typeof signer === 'string' ? { accessKeyId: signer, secretAccessKey: 'test' } : signer;
  const sigv4 = new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    credentials,
    sha256: NodeSha256,
    uriEscapePath: false,
  });
  const signed = await sigv4.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: {
      host: url.host,
      'x-amz-content-sha256': createHash('sha256')
        .update(options.body ?? '')
        .digest('hex'),
      ...options.headers,
    },
    body: options.body,
  });
  const response = await fetch(url, { method, headers: signed.headers, body: options.body });
  return { status: response.status, text: await response.text() };
}

/** A signed S3 Control request for `/v20180820/configuration/publicAccessBlock` of `account`. */
export function s3ControlPublicAccessBlock(
  server: TestServer,
  signer: string | Credentials,
  account: string,
  method: 'GET' | 'PUT' | 'DELETE',
  body?: string,
): Promise<{ status: number; text: string }> {
  return signedRequest(server, signer, method, '/v20180820/configuration/publicAccessBlock', {
    body,
    headers: { 'x-amz-account-id': account },
  });
}
