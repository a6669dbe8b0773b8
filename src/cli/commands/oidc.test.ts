import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../server/app.js';
import { silentLogger } from '../../server/logger.js';
import { type Listening, listen } from '../../server/node-http.js';
import { openStorage, type Storage } from '../../storage/index.js';
import type { CliIo } from '../cli-io.js';
import { runOidc } from './oidc.js';

function bufferIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => {
      io.stdout += text;
    },
    err: (text: string) => {
      io.stderr += text;
    },
  };
  return io;
}

function payload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('xacct oidc token', () => {
  let storage: Storage;
  let app: App;
  let server: Listening;
  let endpoint = '';
  beforeAll(async () => {
    storage = openStorage({ memory: true });
    app = createApp({
      storage,
      clock: { now: () => Date.now() },
      config: {
        region: 'us-east-1',
        rootSecret: 'test',
        get endpointUrl() {
          return endpoint;
        },
      },
      log: silentLogger,
      adminToken: 'sesame',
    });
    server = await listen(app, { host: '127.0.0.1', port: 0, log: silentLogger });
    endpoint = server.url;
  });
  afterAll(async () => {
    await server.close();
    app.close();
    storage.close();
  });

  const base = () => ['token', '--endpoint', endpoint, '--admin-token', 'sesame'];

  it('prints a token with the claims asked for', async () => {
    const io = bufferIo();
    const args = [...base(), '--sub', 'repo:org/app:ref:refs/heads/main', '--aud', 'sts.amazonaws.com'];
    const code = await runOidc(
      [
        ...args,
        '--issuer',
        'https://token.actions.githubusercontent.com',
        '--ttl',
        '600',
        '--claim',
        'repository=org/app',
      ],
      io,
    );
    expect(code).toBe(0);
    expect(payload(io.stdout.trim())).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      sub: 'repo:org/app:ref:refs/heads/main',
      aud: 'sts.amazonaws.com',
      repository: 'org/app',
    });
  });

  it('defaults the issuer to the server’s own', async () => {
    const io = bufferIo();
    expect(await runOidc([...base(), '--sub', 's', '--aud', 'a', '--json'], io)).toBe(0);
    const { token } = JSON.parse(io.stdout) as { token: string };
    expect(payload(token).iss).toBe(`${endpoint}/_xacct/oidc`);
  });

  it('exits 1 when the server refuses the admin token', async () => {
    const io = bufferIo();
    const code = await runOidc(
      ['token', '--endpoint', endpoint, '--admin-token', 'wrong', '--sub', 's', '--aud', 'a'],
      io,
    );
    expect(code).toBe(1);
    expect(io.stderr).toContain('refused the admin token');
  });

  it('exits 3 for input the command or the server refuses', async () => {
    const missing = bufferIo();
    expect(await runOidc([...base(), '--aud', 'a'], missing)).toBe(3);
    expect(missing.stderr).toContain('--sub is required');
    const refused = bufferIo();
    expect(await runOidc([...base(), '--sub', 's', '--aud', 'a', '--issuer', 'http://insecure.example'], refused)).toBe(
      3,
    );
    expect(refused.stderr).toContain('iss must be an https URL');
  });

  it('leaves the issuer’s discovery document and keys public while the token endpoint needs the admin token', async () => {
    const discovery = await fetch(`${endpoint}/_xacct/oidc/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${endpoint}/_xacct/oidc`);
    expect((await fetch(`${endpoint}/_xacct/oidc/jwks`)).status).toBe(200);
    const mint = await fetch(`${endpoint}/_xacct/oidc/token`, { method: 'POST', body: '{"sub":"s","aud":"a"}' });
    expect(mint.status).toBe(401);
    expect((await fetch(`${endpoint}/_xacct/trail`)).status).toBe(401);
  });

  it('exits 1 when no server answers', async () => {
    const io = bufferIo();
    expect(await runOidc(['token', '--endpoint', 'http://127.0.0.1:9', '--sub', 's', '--aud', 'a'], io)).toBe(1);
    expect(io.stderr).toContain('cannot reach xacct');
  });
});
