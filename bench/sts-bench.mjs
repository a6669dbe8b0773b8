// Server benchmarks of the foundation: time from process start to ready, and presigned STS GetCallerIdentity
// (what EKS authenticators send) under wrk, with signature verification, authorization and the trail on.
import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { startServer } from './server.mjs';
import { hasWrk, runWrk } from './wrk.mjs';

/** The hash constructor the SDK signer expects, from node:crypto (HMAC when given a secret). */
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

async function presignedGetCallerIdentity(endpoint) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    service: 'sts',
    region: 'us-east-1',
    credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' },
    sha256: Sha256,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      headers: { host: url.host },
    },
    { expiresIn: 900 },
  );
  const query = new URLSearchParams(presigned.query).toString();
  return `${endpoint}/?${query}`;
}

export async function runStsBenchmark({ seconds = 10 } = {}) {
  const readiness = [];
  for (let i = 0; i < 5; i++) {
    const server = await startServer();
    readiness.push(server.readyMs);
    await server.stop();
  }
  readiness.sort((a, b) => a - b);
  const server = await startServer();
  try {
    const url = await presignedGetCallerIdentity(server.url);
    const check = await fetch(url);
    if (check.status !== 200) throw new Error(`presigned GetCallerIdentity answered ${check.status}`);
    const load = hasWrk() ? runWrk(url, { seconds }) : 'wrk not installed';
    return {
      readyMs: { median: Math.round(readiness[2]), max: Math.round(readiness[4]) },
      presignedGetCallerIdentity: load,
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runStsBenchmark(), null, 2));
}
