// The S3 servers the S3 benchmark compares: xacct, and where available s3rver (bench/.peers) and moto_server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));

async function waitUntilUp(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

function stopper(child) {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
}

export async function startXacct() {
  const server = await startServer();
  return { name: 'xacct', url: server.url, pid: server.pid, accessKeyId: '111111111111', stop: server.stop };
}

export async function startS3rver() {
  const bin = join(here, '.peers', 'node_modules', 's3rver', 'bin', 's3rver.js');
  if (!existsSync(bin)) return undefined;
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 's3rver-'));
  const child = spawn(process.execPath, [bin, '-d', dir, '-p', String(port), '-a', '127.0.0.1', '--silent'], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child);
  return { name: 's3rver', url, pid: child.pid, accessKeyId: 'S3RVER', secret: 'S3RVER', stop: stopper(child) };
}

export async function startMoto() {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  child.on('error', () => {});
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(url, child);
  } catch {
    await stopper(child)();
    return undefined;
  }
  return { name: 'moto', url, pid: child.pid, accessKeyId: 'testing', secret: 'testing', stop: stopper(child) };
}
