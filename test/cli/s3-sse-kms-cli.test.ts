// SSE-KMS through the real AWS CLI v2 against a live server: `aws s3 cp --sse aws:kms` with a customer key, the
// encryption HEAD reports, and the object downloaded back intact.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../sdk/harness.js';

const AWS = '/usr/bin/aws';
const available = existsSync(AWS);
const run = promisify(execFile);

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'xacct-sse-cli-'));

/** Runs the AWS CLI (the server runs in this process, so never synchronously) and returns stdout. */
async function aws(...args: string[]): Promise<string> {
  const { stdout } = await run(AWS, [...args, '--endpoint-url', server.url, '--output', 'json'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: dir,
      AWS_ACCESS_KEY_ID: '111111111111',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_PAGER: '',
    },
  });
  return stdout;
}

if (!available && !process.env.CI) {
  describe('AWS CLI v2 SSE-KMS', () => {
    it.skip(`skipped: the AWS CLI v2 is not installed at ${AWS} (set CI to make its absence a failure)`, () => {});
  });
} else {
  describe('AWS CLI v2 SSE-KMS', () => {
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => server.close());

    it('uploads with --sse aws:kms under a customer key and downloads the object back', async () => {
      const key = JSON.parse(await aws('kms', 'create-key')).KeyMetadata;
      await aws('s3api', 'create-bucket', '--bucket', 'cli-sse');
      const source = join(dir, 'report.csv');
      writeFileSync(source, 'quarter,revenue\nq1,100\n');
      await aws('s3', 'cp', source, 's3://cli-sse/report.csv', '--sse', 'aws:kms', '--sse-kms-key-id', key.Arn);
      const head = JSON.parse(await aws('s3api', 'head-object', '--bucket', 'cli-sse', '--key', 'report.csv'));
      expect(head).toMatchObject({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: key.Arn });
      const target = join(dir, 'downloaded.csv');
      await aws('s3', 'cp', 's3://cli-sse/report.csv', target);
      expect(readFileSync(target, 'utf8')).toBe(readFileSync(source, 'utf8'));
    }, 120_000);
  });
}
