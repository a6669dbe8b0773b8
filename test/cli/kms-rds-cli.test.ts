// KMS and RDS through the real AWS CLI v2 against a live server: a key, a file encrypted with `fileb://` and
// decrypted back, and an RDS snapshot shared with another account.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../sdk/harness.js';
import { AWS_CLI_V2, awsCliOk, awsCliV2Installed, runAwsCli } from './aws-cli-v2.js';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'xacct-kms-cli-'));

/** Runs the AWS CLI v2 as the root of 111111111111 and returns its stdout. */
const aws = (...args: string[]): Promise<string> => awsCliOk({ endpoint: server.url, home: dir }, args);

if (!awsCliV2Installed && !process.env.CI) {
  describe('AWS CLI v2 scenario', () => {
    it.skip(`skipped: the AWS CLI v2 is not installed at ${AWS_CLI_V2} (set CI to make its absence a failure)`, () => {});
  });
} else {
  describe('AWS CLI v2 scenario', () => {
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => server.close());

    it('creates a key, encrypts a file with fileb:// and decrypts it back', async () => {
      const created = JSON.parse(await aws('kms', 'create-key', '--description', 'cli key'));
      expect(created.KeyMetadata).toMatchObject({ KeyState: 'Enabled', Description: 'cli key' });
      const plaintextFile = join(dir, 'secret.txt');
      writeFileSync(plaintextFile, 'launch codes\n');
      const encrypted = JSON.parse(
        await aws(
          'kms',
          'encrypt',
          '--key-id',
          created.KeyMetadata.KeyId,
          '--plaintext',
          `fileb://${plaintextFile}`,
          '--encryption-context',
          'purpose=cli',
        ),
      );
      expect(encrypted.KeyId).toBe(created.KeyMetadata.Arn);
      const blobFile = join(dir, 'secret.bin');
      writeFileSync(blobFile, Buffer.from(encrypted.CiphertextBlob, 'base64'));
      const decrypted = JSON.parse(
        await aws('kms', 'decrypt', '--ciphertext-blob', `fileb://${blobFile}`, '--encryption-context', 'purpose=cli'),
      );
      expect(Buffer.from(decrypted.Plaintext, 'base64').toString()).toBe(readFileSync(plaintextFile, 'utf8'));
      const wrong = await runAwsCli({ endpoint: server.url, home: dir }, [
        'kms',
        'decrypt',
        '--ciphertext-blob',
        `fileb://${blobFile}`,
      ]);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('InvalidCiphertextException');
    }, 120_000);

    it('creates a DB snapshot and shares it with another account', async () => {
      await aws(
        'rds',
        'create-db-instance',
        '--db-instance-identifier',
        'cli-db',
        '--db-instance-class',
        'db.t3.micro',
        '--engine',
        'postgres',
        '--master-username',
        'admin',
        '--allocated-storage',
        '20',
      );
      const snapshot = JSON.parse(
        await aws(
          'rds',
          'create-db-snapshot',
          '--db-instance-identifier',
          'cli-db',
          '--db-snapshot-identifier',
          'cli-snap',
        ),
      );
      expect(snapshot.DBSnapshot).toMatchObject({ DBSnapshotIdentifier: 'cli-snap', Encrypted: false });
      const shared = JSON.parse(
        await aws(
          'rds',
          'modify-db-snapshot-attribute',
          '--db-snapshot-identifier',
          'cli-snap',
          '--attribute-name',
          'restore',
          '--values-to-add',
          '222222222222',
        ),
      );
      expect(shared.DBSnapshotAttributesResult).toEqual({
        DBSnapshotIdentifier: 'cli-snap',
        DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['222222222222'] }],
      });
    }, 120_000);
  });
}
