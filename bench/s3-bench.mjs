// S3 benchmarks against xacct and its peers in the same run: presigned GET of a 1 KiB object under wrk,
// 1 KiB PUTs with the SDK at concurrency 32, and 1 GiB PUT/GET throughput with the server's peak RSS; with the ceilings
// this machine puts on them (the SDK client alone, node:http alone).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startMoto, startS3rver, startXacct } from './s3-targets.mjs';
import { freePort } from './server.mjs';
import { hasWrk, runWrk } from './wrk.mjs';

const GIB = 1024 ** 3;

function client(target) {
  return new S3Client({
    endpoint: target.url,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secret ?? 'test' },
    maxAttempts: 1,
  });
}

/** Peak resident memory of a process so far (VmHWM), in MiB. */
function peakRssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024);
}

async function putsPerSecond(s3, bucket, { concurrency = 32, seconds = 5 } = {}) {
  const body = Buffer.alloc(1024, 'x');
  let done = 0;
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  const worker = async (w) => {
    for (let i = 0; performance.now() < end; i++) {
      try {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `put/${w}/${i}`, Body: body }));
        done++;
      } catch {
        failed++;
      }
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return { rps: Math.round(done / ((performance.now() - start) / 1000)), failed };
}

/** PUT of `total` bytes through node:http, 8 MiB writes with backpressure: a client that does not limit the server. */
function streamedPut(url, total, size = 8 * 1024 * 1024) {
  const chunk = Buffer.alloc(size, 'a');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'PUT', headers: { 'content-length': total } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        const piece = sent + size <= total ? chunk : chunk.subarray(0, total - sent);
        sent += piece.length;
        if (!req.write(piece)) return req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

/**
 * GET through curl, which discards the bytes: a client that does not limit the server. node:http's client parsing a
 * 1 GiB body costs more CPU than the servers sending it (about 250 MB/s on a fresh process here).
 */
function countedGet(url) {
  const out = execFileSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code} %{size_download}', url], {
    encoding: 'utf8',
  });
  const [status, received] = out.split(' ').map(Number);
  return { status, received };
}

/** 1 GiB PUT then GET on a freshly started server, so its peak RSS is that of the transfer alone. */
async function bigObject(start) {
  const target = await start();
  const s3 = client(target);
  try {
    const bucket = 'bench-big';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const rssBefore = target.pid ? peakRssMiB(target.pid) : null;
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'big' }), { expiresIn: 3600 });
    const startPut = performance.now();
    const status = await streamedPut(putUrl, GIB);
    if (status !== 200) return { error: `PUT answered ${status}` };
    const putSeconds = (performance.now() - startPut) / 1000;
    const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'big' }), { expiresIn: 3600 });
    const startGet = performance.now();
    const got = countedGet(getUrl);
    const getSeconds = (performance.now() - startGet) / 1000;
    if (got.received !== GIB) return { error: `GET answered ${got.status} with ${got.received} bytes` };
    return {
      putMBps: Math.round(GIB / 1e6 / putSeconds),
      getMBps: Math.round(GIB / 1e6 / getSeconds),
      rssAtStartMiB: rssBefore,
      peakRssMiB: target.pid ? peakRssMiB(target.pid) : null,
    };
  } finally {
    s3.destroy();
    await target.stop();
  }
}

/**
 * What the SDK client alone can send: the same PUT loop against a server that answers every request at once. On a
 * 2-core machine the client and the server share the CPU, so this bounds every server's PUT rate here.
 */
async function sdkClientCeiling({ seconds }) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { etag: '"0"', 'content-length': 0 }).end());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const s3 = client({ url: `http://127.0.0.1:${server.address().port}`, accessKeyId: '111111111111' });
  try {
    return await putsPerSecond(s3, 'any', { seconds });
  } finally {
    s3.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// A server that answers every request with a 1 KiB body and S3-like headers, and does nothing else.
const BARE_SERVER = `
const body = Buffer.alloc(1024, 'b');
require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': 1024, etag: '"0"' });
  res.end(body);
}).listen(Number(process.argv[1]), '127.0.0.1', () => console.log('ready'));`;

/**
 * What node:http alone answers under the same wrk load, from its own process. On a 2-core machine wrk and the
 * server share the CPU, so this bounds the presigned-GET rate of any Node server here.
 */
async function nodeHttpCeiling({ seconds }) {
  if (!hasWrk()) return 'wrk not installed';
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE_SERVER, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout, 'data');
  try {
    return runWrk(`http://127.0.0.1:${port}/bench-bucket/small`, { seconds });
  } finally {
    const exited = once(child, 'exit');
    child.kill();
    await exited;
  }
}

async function measure(target, { seconds }) {
  const s3 = client(target);
  const bucket = 'bench-bucket';
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'small', Body: Buffer.alloc(1024, 'b') }));
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'small' }), { expiresIn: 3600 });
  const check = await fetch(url);
  if (check.status !== 200) throw new Error(`${target.name}: presigned GET answered ${check.status}`);
  const presignedGet = hasWrk() ? runWrk(url, { seconds }) : 'wrk not installed';
  const put1KiB = await putsPerSecond(s3, bucket, { seconds });
  s3.destroy();
  return { presignedGet1KiB: presignedGet, put1KiBConcurrency32: put1KiB };
}

export async function runS3Benchmark({ seconds = 8 } = {}) {
  const results = {
    sdkClientCeiling: await sdkClientCeiling({ seconds }),
    nodeHttpGetCeiling: await nodeHttpCeiling({ seconds }),
  };
  for (const start of [startXacct, startS3rver, startMoto]) {
    const target = await start();
    if (target === undefined) continue;
    try {
      results[target.name] = await measure(target, { seconds });
    } catch (error) {
      results[target.name] = { error: error.message };
    } finally {
      await target.stop();
    }
    try {
      results[target.name].oneGiB = await bigObject(start);
    } catch (error) {
      results[target.name].oneGiB = { error: error.message };
    }
  }
  if (results.s3rver === undefined) results.s3rver = 'not installed (run bench/install-peers.sh)';
  if (results.moto === undefined) results.moto = 'moto_server not found';
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runS3Benchmark(), null, 2));
}
