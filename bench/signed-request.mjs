// Signs one request with the SDK's SigV4 signer (hashes from node:crypto) so wrk can replay it: SigV4 accepts
// the same signed request for 15 minutes, which is what lets a load generator send it again and again.
import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { SignatureV4 } from '@smithy/signature-v4';

class Sha256 {
  constructor(secret) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', secret);
  }
  update(data) {
    this.hash.update(data);
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
}

export function signer(service, accessKeyId = '111111111111', secretAccessKey = 'test') {
  return new SignatureV4({
    service,
    region: 'us-east-1',
    credentials: { accessKeyId, secretAccessKey },
    sha256: Sha256,
  });
}

/** Presigned GET URL (query-string auth). */
export async function presignedUrl(endpoint, service, query) {
  const url = new URL(endpoint);
  const presigned = await signer(service).presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query,
      headers: { host: url.host },
    },
    { expiresIn: 900 },
  );
  return `${endpoint}/?${new URLSearchParams(presigned.query).toString()}`;
}

/** A header-signed POST, written as a wrk Lua script that replays it; returns the script's path. */
export async function signedPostScript(endpoint, service, headers, body, scriptPath) {
  const url = new URL(endpoint);
  const signed = await signer(service).sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-length': String(Buffer.byteLength(body)), ...headers },
    body,
  });
  const lines = ['wrk.method = "POST"', `wrk.body = ${JSON.stringify(body)}`];
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name === 'host' || name === 'content-length') continue;
    lines.push(`wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`);
  }
  writeFileSync(scriptPath, `${lines.join('\n')}\n`);
  return { headers: signed.headers };
}
