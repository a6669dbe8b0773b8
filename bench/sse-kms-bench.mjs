// SSE-KMS overhead: presigned GET and PUT of 1 KiB objects under wrk, in a plain bucket and in a bucket whose default
// encryption is a customer managed KMS key with S3 Bucket Keys, against one server. Each round runs both back to back,
// in alternating order, and the overhead is the median of the rounds' own overheads, so that a noisy machine moves
// both sides of each comparison alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketEncryptionCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startServer } from './server.mjs';
import { hasWrk, runWrk } from './wrk.mjs';

const BODY = 'x'.repeat(1024);

/** Requests/s of one wrk run, which must have had no failed request. */
function rps(url, options) {
  const result = runWrk(url, options);
  if (result.non2xx > 0) throw new Error(`${result.non2xx} of ${result.requests} requests failed`);
  return result.rps;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/** Presigned URLs for a GET of `object` and a PUT of `upload` (overwritten by every PUT) in `bucket`. */
async function urls(s3, bucket) {
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'object', Body: BODY }));
  const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: 'object' }), { expiresIn: 3600 });
  const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: 'upload' }), { expiresIn: 3600 });
  const check = await fetch(put, { method: 'PUT', body: BODY });
  if (check.status !== 200) throw new Error(`presigned PUT answered ${check.status}: ${await check.text()}`);
  const read = await fetch(get);
  if (read.status !== 200) throw new Error(`presigned GET answered ${read.status}`);
  return { get, put };
}

export async function runSseKmsBenchmark({ seconds = 3, rounds = 7 } = {}) {
  if (!hasWrk()) return 'wrk not installed';
  const server = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'xacct-sse-bench-'));
  const putScript = join(dir, 'put.lua');
  writeFileSync(putScript, `wrk.method = "PUT"\nwrk.body = "${BODY}"\n`);
  const config = {
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' },
  };
  const s3 = new S3Client({ ...config, forcePathStyle: true });
  const kms = new KMSClient(config);
  try {
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    await s3.send(new CreateBucketCommand({ Bucket: 'plain' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'encrypted' }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: 'encrypted',
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KeyMetadata.Arn },
              BucketKeyEnabled: true,
            },
          ],
        },
      }),
    );
    const plain = await urls(s3, 'plain');
    const encrypted = await urls(s3, 'encrypted');
    for (const key of ['object', 'upload']) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'encrypted', Key: key }));
      if (head.ServerSideEncryption !== 'aws:kms' || head.BucketKeyEnabled !== true)
        throw new Error(
          `encrypted/${key} is stored with ${head.ServerSideEncryption}, bucket key ${head.BucketKeyEnabled}`,
        );
    }
    const samples = { getPlain: [], getEncrypted: [], putPlain: [], putEncrypted: [] };
    // Each round measures both buckets back to back, in alternating order, and the overhead is the median of the
    // rounds' own overheads: this VM's speed drifts by up to 2x within minutes, which pairing cancels.
    const pair = (plainUrl, encryptedUrl, options, into) => {
      const order = into.plain.length % 2 === 0 ? ['plain', 'encrypted'] : ['encrypted', 'plain'];
      for (const which of order) into[which].push(rps(which === 'plain' ? plainUrl : encryptedUrl, options));
    };
    const get = { plain: samples.getPlain, encrypted: samples.getEncrypted };
    const put = { plain: samples.putPlain, encrypted: samples.putEncrypted };
    for (let round = 0; round < rounds; round++) {
      pair(plain.get, encrypted.get, { seconds }, get);
      pair(plain.put, encrypted.put, { seconds, script: putScript }, put);
    }
    const overhead = ({ plain: base, encrypted: withSse }) => {
      const perRound = base.map((b, i) => (b - withSse[i]) / b);
      return `${(median(perRound) * 100).toFixed(1)}%`;
    };
    return {
      samples,
      get: { plain: median(get.plain), encrypted: median(get.encrypted), overhead: overhead(get) },
      put: { plain: median(put.plain), encrypted: median(put.encrypted), overhead: overhead(put) },
    };
  } finally {
    s3.destroy();
    kms.destroy();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runSseKmsBenchmark(), null, 2));
}
