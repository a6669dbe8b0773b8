// KMS benchmark: Encrypt and Decrypt of 1 KiB through the server under wrk, each a replayed header-signed
// request (signature verification, the key policy decision and the trail on every request).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { startServer } from './server.mjs';
import { signedPostScript } from './signed-request.mjs';
import { hasWrk, runWrk } from './wrk.mjs';

const JSON_HEADERS = (target) => ({
  'content-type': 'application/x-amz-json-1.1',
  'x-amz-target': `TrentService.${target}`,
});

export async function runKmsBenchmark({ seconds = 8 } = {}) {
  if (!hasWrk()) return 'wrk not installed';
  const server = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'xacct-kms-bench-'));
  try {
    const kms = new KMSClient({
      endpoint: server.url,
      region: 'us-east-1',
      credentials: { accessKeyId: '111111111111', secretAccessKey: 'test' },
    });
    const { KeyMetadata } = await kms.send(new CreateKeyCommand({}));
    const plaintext = Buffer.alloc(1024, 'k');
    const { CiphertextBlob } = await kms.send(new EncryptCommand({ KeyId: KeyMetadata.KeyId, Plaintext: plaintext }));
    kms.destroy();
    const encryptBody = JSON.stringify({ KeyId: KeyMetadata.KeyId, Plaintext: plaintext.toString('base64') });
    const decryptBody = JSON.stringify({ CiphertextBlob: Buffer.from(CiphertextBlob).toString('base64') });
    const results = {};
    for (const [operation, body] of [
      ['Encrypt', encryptBody],
      ['Decrypt', decryptBody],
    ]) {
      const script = join(dir, `${operation}.lua`);
      const { headers } = await signedPostScript(server.url, 'kms', JSON_HEADERS(operation), body, script);
      const check = await fetch(`${server.url}/`, { method: 'POST', headers, body });
      if (check.status !== 200) throw new Error(`${operation} answered ${check.status}: ${await check.text()}`);
      results[operation] = runWrk(`${server.url}/`, { seconds, script });
    }
    return results;
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runKmsBenchmark(), null, 2));
}
