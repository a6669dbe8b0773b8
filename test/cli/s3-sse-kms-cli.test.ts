// SSE-KMS through the real AWS CLI v2 against a live server: `aws s3 cp --sse aws:kms` with a customer key, the
// encryption HEAD reports, and the object downloaded back intact.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../sdk/harness.js';
import { AWS_CLI_V2, awsCliOk, awsCliV2Installed } from './aws-cli-v2.js';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'xacct-sse-cli-'));

/** Runs the AWS CLI v2 as the root of 111111111111 and returns its stdout. */
const aws = (...args: string[]): Promise<string> => awsCliOk({ endpoint: server.url, home: dir }, args);

if (!awsCliV2Installed && !process.env.CI) {
  describe('AWS CLI v2 SSE-KMS', () => {
    it.skip(`skipped: the AWS CLI v2 is not installed at ${AWS_CLI_V2} (set CI to make its absence a failure)`, () => {});
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
