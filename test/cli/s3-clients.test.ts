// The S3 client matrix against a live xacct: AWS CLI v2 and v1 (`s3` and `s3api` commands, a multipart upload of a
// file over 8 MB, presign), boto3 with path and virtual-host addressing, s3cmd and rclone, each with only the
// endpoint changed. A client that is not installed is skipped with a message, unless CI is set.
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../sdk/harness.js';

const TIMEOUT = 180_000;
const work = mkdtempSync(join(tmpdir(), 'xacct-s3-clients-'));
let server: TestServer;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a client without blocking the event loop: the server answers from this same process. */
function run(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

async function ok(command: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const result = await run(command, args, env);
  if (result.code !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.code}):\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A client is tested when installed; without CI a missing one is skipped and says so. */
function installed(name: string, path: string): boolean {
  const present = existsSync(path);
  if (!present && !process.env.CI) console.warn(`skipping the ${name} tests: ${path} is not installed`);
  return present || Boolean(process.env.CI);
}

const md5 = (path: string) => createHash('md5').update(readFileSync(path)).digest('hex');

function files(dir: string): { small: string; big: string; tree: string } {
  mkdirSync(join(dir, 'tree', 'nested'), { recursive: true });
  writeFileSync(join(dir, 'small.txt'), 'small file\n');
  writeFileSync(join(dir, 'big.bin'), randomBytes(9 * 1024 * 1024));
  writeFileSync(join(dir, 'tree', 'a.txt'), 'a');
  writeFileSync(join(dir, 'tree', 'nested', 'b.txt'), 'b');
  return { small: join(dir, 'small.txt'), big: join(dir, 'big.bin'), tree: join(dir, 'tree') };
}

beforeAll(async () => {
  server = await startTestServer();
  // AWS CLI v1 presigns with SigV2 in us-east-1 unless configured for SigV4, which is all xacct takes.
  writeFileSync(join(work, 'aws-config'), '[default]\ns3 =\n  signature_version = s3v4\n');
  writeFileSync(join(work, 'aws-credentials'), '');
});
afterAll(async () => server.close());

const AWS_ENV = () => ({
  AWS_ACCESS_KEY_ID: '111111111111',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: join(work, 'aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(work, 'aws-credentials'),
  AWS_PAGER: '',
});

function awsCliSuite(name: string, cli: string, bucket: string): void {
  describe.skipIf(!installed(name, cli))(name, () => {
    const aws = (...args: string[]) => ok(cli, [...args, '--endpoint-url', server.url], AWS_ENV());

    it(
      'runs mb, cp (multipart over 8 MB), ls, sync, mv, presign, s3api and rm/rb',
      async () => {
        const dir = mkdtempSync(join(work, `${bucket}-`));
        const local = files(dir);
        await aws('s3', 'mb', `s3://${bucket}`);
        await aws('s3', 'cp', local.small, `s3://${bucket}/dir/small.txt`);
        await aws('s3', 'cp', local.big, `s3://${bucket}/big.bin`);
        const etag = JSON.parse(await aws('s3api', 'head-object', '--bucket', bucket, '--key', 'big.bin'))
          .ETag as string;
        expect(etag).toMatch(/^"[0-9a-f]{32}-\d+"$/);
        await aws('s3', 'cp', `s3://${bucket}/big.bin`, join(dir, 'big.copy'));
        expect(md5(join(dir, 'big.copy'))).toBe(md5(local.big));
        await aws('s3', 'sync', local.tree, `s3://${bucket}/synced`);
        const listing = await aws('s3', 'ls', `s3://${bucket}`, '--recursive');
        for (const key of ['dir/small.txt', 'big.bin', 'synced/a.txt', 'synced/nested/b.txt'])
          expect(listing).toContain(key);
        await aws('s3', 'mv', `s3://${bucket}/dir/small.txt`, `s3://${bucket}/moved.txt`);
        const top = await aws('s3', 'ls', `s3://${bucket}/`);
        expect(top).toContain('moved.txt');
        expect(top).not.toContain('dir/');
        const url = (await aws('s3', 'presign', `s3://${bucket}/moved.txt`, '--expires-in', '300')).trim();
        expect(await (await fetch(url)).text()).toBe('small file\n');
        const put = JSON.parse(
          await aws('s3api', 'put-object', '--bucket', bucket, '--key', 'api.txt', '--body', local.small),
        );
        expect(put.ETag).toBe(`"${md5(local.small)}"`);
        await aws('s3api', 'get-object', '--bucket', bucket, '--key', 'api.txt', join(dir, 'api.out'));
        expect(readFileSync(join(dir, 'api.out'), 'utf8')).toBe('small file\n');
        await aws('s3', 'rm', `s3://${bucket}`, '--recursive');
        await aws('s3', 'rb', `s3://${bucket}`);
        expect(await aws('s3', 'ls')).not.toContain(bucket);
      },
      TIMEOUT,
    );
  });
}

awsCliSuite('AWS CLI v2', '/usr/bin/aws', 'cli-v2-bucket');
awsCliSuite('AWS CLI v1', join(homedir(), '.pyenv', 'shims', 'aws'), 'cli-v1-bucket');

const BOTO3_SCRIPT = `
import socket, sys, boto3
from botocore.config import Config
endpoint, port = sys.argv[1], sys.argv[2]
real = socket.getaddrinfo
def resolve(host, *args, **kwargs):
    # bucket.localhost does not resolve on every machine; it is the loopback address, as RFC 6761 says.
    if isinstance(host, str) and host.endswith('.localhost'):
        host = '127.0.0.1'
    return real(host, *args, **kwargs)
socket.getaddrinfo = resolve
def client(style, url):
    return boto3.client('s3', endpoint_url=url, aws_access_key_id='111111111111', aws_secret_access_key='test',
                        region_name='us-east-1', config=Config(s3={'addressing_style': style}))
path = client('path', endpoint)
path.create_bucket(Bucket='boto3-bucket')
path.put_object(Bucket='boto3-bucket', Key='path.txt', Body=b'by path')
virtual = client('virtual', 'http://localhost:' + port)
virtual.put_object(Bucket='boto3-bucket', Key='virtual.txt', Body=b'by host')
assert virtual.get_object(Bucket='boto3-bucket', Key='path.txt')['Body'].read() == b'by path'
keys = [o['Key'] for o in path.list_objects_v2(Bucket='boto3-bucket')['Contents']]
assert keys == ['path.txt', 'virtual.txt'], keys
# In us-east-1 botocore presigns with SigV2 unless told otherwise; xacct, like SigV4-only regions, takes only SigV4.
signer = boto3.client('s3', endpoint_url=endpoint, aws_access_key_id='111111111111', aws_secret_access_key='test',
                      region_name='us-east-1', config=Config(signature_version='s3v4'))
post = signer.generate_presigned_post('boto3-bucket', 'posted.txt', ExpiresIn=300)
print(post['url'])
import json; print(json.dumps(post['fields']))
`;

describe.skipIf(!installed('boto3 (python3)', join(homedir(), '.pyenv', 'shims', 'python3')))('boto3', () => {
  it(
    'uses path and virtual-host addressing and makes a presigned POST a browser can use',
    async () => {
      const out = await ok('python3', ['-c', BOTO3_SCRIPT, server.url, String(new URL(server.url).port)]);
      const [url = '', fields = '{}'] = out.trim().split('\n');
      const form = new FormData();
      for (const [name, value] of Object.entries(JSON.parse(fields) as Record<string, string>))
        form.append(name, value);
      form.append('file', new Blob(['posted by a browser']), 'posted.txt');
      const posted = await fetch(url, { method: 'POST', body: form });
      expect(posted.status, await posted.clone().text()).toBe(204);
      const events = server.app.trail.list({ limit: 100 });
      expect(events.some((e) => e.operation === 'PostObject' && e.status === 204)).toBe(true);
    },
    TIMEOUT,
  );
});

describe.skipIf(!installed('s3cmd', '/usr/bin/s3cmd'))('s3cmd', () => {
  it(
    'runs mb, put, ls, get, sync, del and rb',
    async () => {
      const dir = mkdtempSync(join(work, 's3cmd-'));
      const local = files(dir);
      const host = new URL(server.url).host;
      const config = join(dir, 's3cfg');
      writeFileSync(
        config,
        `[default]\naccess_key = 111111111111\nsecret_key = test\nhost_base = ${host}\nhost_bucket = ${host}\n` +
          'use_https = False\nsignature_v2 = False\nbucket_location = us-east-1\n',
      );
      const s3cmd = (...args: string[]) => ok('/usr/bin/s3cmd', ['-c', config, ...args]);
      await s3cmd('mb', 's3://s3cmd-bucket');
      await s3cmd('put', local.small, 's3://s3cmd-bucket/small.txt');
      await s3cmd('put', local.big, 's3://s3cmd-bucket/big.bin');
      await s3cmd('sync', `${local.tree}/`, 's3://s3cmd-bucket/synced/');
      const listing = await s3cmd('ls', '--recursive', 's3://s3cmd-bucket');
      for (const key of ['small.txt', 'big.bin', 'synced/a.txt', 'synced/nested/b.txt']) expect(listing).toContain(key);
      await s3cmd('get', 's3://s3cmd-bucket/big.bin', join(dir, 'big.copy'));
      expect(md5(join(dir, 'big.copy'))).toBe(md5(local.big));
      await s3cmd('del', '--recursive', '--force', 's3://s3cmd-bucket');
      await s3cmd('rb', 's3://s3cmd-bucket');
    },
    TIMEOUT,
  );
});

describe.skipIf(!installed('rclone', '/usr/bin/rclone'))('rclone', () => {
  it(
    'runs mkdir, copy, ls, sync, cat and purge',
    async () => {
      const dir = mkdtempSync(join(work, 'rclone-'));
      const local = files(dir);
      const config = join(dir, 'rclone.conf');
      writeFileSync(
        config,
        '[xacct]\ntype = s3\nprovider = Other\naccess_key_id = 111111111111\nsecret_access_key = test\n' +
          `endpoint = ${server.url}\nregion = us-east-1\nforce_path_style = true\n`,
      );
      // A CA bundle in the environment (meant for HTTPS proxies) would make rclone's SDK refuse a plain-HTTP endpoint.
      const rclone = (...args: string[]) => ok('/usr/bin/rclone', ['--config', config, ...args], { AWS_CA_BUNDLE: '' });
      await rclone('mkdir', 'xacct:rclone-bucket');
      await rclone('copy', local.small, 'xacct:rclone-bucket/dir');
      await rclone('copy', local.big, 'xacct:rclone-bucket');
      await rclone('sync', local.tree, 'xacct:rclone-bucket/synced');
      const listing = await rclone('ls', 'xacct:rclone-bucket');
      for (const key of ['dir/small.txt', 'big.bin', 'synced/a.txt', 'synced/nested/b.txt'])
        expect(listing).toContain(key);
      expect(await rclone('cat', 'xacct:rclone-bucket/dir/small.txt')).toBe('small file\n');
      await rclone('check', local.tree, 'xacct:rclone-bucket/synced');
      await rclone('purge', 'xacct:rclone-bucket');
    },
    TIMEOUT,
  );
});
