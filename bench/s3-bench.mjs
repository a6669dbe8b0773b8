// S3 benchmarks against xacct and its peers in the same run: presigned GET of a 1 KiB object under wrk,
// 1 KiB PUTs with the SDK at concurrency 32, and 1 GiB PUT/GET throughput with the server's peak RSS.
import { readFileSync } from 'node:fs';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startMoto, startS3rver, startXacct } from './s3-targets.mjs';
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

function* chunks(total, size = 8 * 1024 * 1024) {
  const chunk = Buffer.alloc(size, 'a');
  for (let sent = 0; sent < total; sent += size) yield sent + size <= total ? chunk : chunk.subarray(0, total - sent);
}

async function bigObject(target, s3, bucket) {
  const startPut = performance.now();
  const put = await fetch(
    await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'big' }), { expiresIn: 3600 }),
    {
      method: 'PUT',
      body: ReadableStreamFrom(chunks(GIB)),
      duplex: 'half',
      headers: { 'content-length': String(GIB) },
    },
  );
  if (!put.ok) return { error: `PUT answered ${put.status}` };
  const putSeconds = (performance.now() - startPut) / 1000;
  const startGet = performance.now();
  const get = await fetch(
    await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'big' }), { expiresIn: 3600 }),
  );
  let received = 0;
  for await (const chunk of get.body) received += chunk.length;
  const getSeconds = (performance.now() - startGet) / 1000;
  if (received !== GIB) return { error: `GET returned ${received} bytes` };
  return {
    putMBps: Math.round(GIB / 1e6 / putSeconds),
    getMBps: Math.round(GIB / 1e6 / getSeconds),
    peakRssMiB: target.pid ? peakRssMiB(target.pid) : null,
  };
}

function ReadableStreamFrom(iterable) {
  const iterator = iterable[Symbol.iterator]();
  return new ReadableStream({
    pull(controller) {
      const { value, done } = iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
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
  const oneGiB = await bigObject(target, s3, bucket);
  s3.destroy();
  return { presignedGet1KiB: presignedGet, put1KiBConcurrency32: put1KiB, oneGiB };
}

export async function runS3Benchmark({ seconds = 8 } = {}) {
  const results = {};
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
  }
  if (results.s3rver === undefined) results.s3rver = 'not installed (run bench/install-peers.sh)';
  if (results.moto === undefined) results.moto = 'moto_server not found';
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runS3Benchmark(), null, 2));
}
