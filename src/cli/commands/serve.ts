// `xacct serve`: runs the server until SIGINT/SIGTERM, then lets in-flight requests finish and closes storage.
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { systemClock } from '../../core/clock.js';
import { type App, createApp } from '../../server/app.js';
import { streamLogger } from '../../server/logger.js';
import { listen } from '../../server/node-http.js';
import { openStorage } from '../../storage/index.js';
import type { World } from '../../world/world-types.js';
import { processIo } from '../cli-io.js';

export const serveUsage = `Usage: xacct serve [--host 127.0.0.1] [--port 4566] [--data DIR | --memory]
                   [--root-secret S] [--region R] [--admin-token T] [--world FILE] [--quiet]

Serves IAM, STS, Organizations, S3 and KMS on one endpoint.
  --data DIR        keep state in DIR (default ./.xacct); --memory keeps nothing
  --root-secret S   secret access key of every account's root (access key id = account id); default test
  --region R        the region the server reports (default us-east-1)
  --admin-token T   required for the admin API; mandatory when --host is not a loopback address
  --world FILE      apply a world file (docs/worlds.md) once listening, before printing the endpoint
  --quiet           no per-request log lines on stderr
`;

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

export async function runServe(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4566' },
      data: { type: 'string' },
      memory: { type: 'boolean' },
      'root-secret': { type: 'string', default: 'test' },
      region: { type: 'string', default: 'us-east-1' },
      'admin-token': { type: 'string' },
      world: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(serveUsage);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`xacct serve: --port must be a port number, not '${values.port}'\n`);
    return 3;
  }
  if (values.memory && values.data !== undefined) {
    process.stderr.write('xacct serve: --data and --memory exclude each other\n');
    return 3;
  }
  if (!isLoopback(values.host) && values['admin-token'] === undefined) {
    process.stderr.write(
      `xacct serve: listening on ${values.host} exposes the admin API beyond this machine; pass --admin-token\n`,
    );
    return 3;
  }
  // The world is checked before anything starts; the apply modules load only when a world is given.
  const world =
    values.world === undefined
      ? undefined
      : (await import('./apply.js')).readWorldOrReport('serve', values.world, processIo);
  if (values.world !== undefined && world === undefined) return 3;
  const log = streamLogger(process.stderr, { requests: values.quiet !== true });
  const storage = openStorage(values.memory ? { memory: true } : { dataDir: values.data ?? '.xacct' });
  const host = values.host;
  const provisionalUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let endpointUrl = provisionalUrl;
  const app = createApp({
    storage,
    clock: systemClock,
    config: {
      region: values.region,
      rootSecret: values['root-secret'],
      get endpointUrl() {
        return endpointUrl;
      },
    },
    log,
    adminToken: values['admin-token'],
  });
  await app.start();
  const listening = await listen(app, { host, port, log });
  endpointUrl = listening.url;
  const applied = world === undefined ? 0 : await applyWorldFile(world, listening.url, values['root-secret'], app);
  if (applied !== 0) {
    await listening.close();
    app.close();
    storage.close();
    return applied;
  }
  process.stdout.write(`xacct listening on ${listening.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await listening.close();
  app.close();
  storage.close();
  return 0;
}

/** `--world`: the server applies the world to itself through its own endpoint, as `xacct apply` would. */
async function applyWorldFile(world: World, url: string, rootSecret: string, app: App): Promise<number> {
  const { applyAndReport } = await import('./apply.js');
  return applyAndReport(world, processIo, {
    endpoint: url,
    rootSecret,
    knownAccounts: new Set(app.accounts.list().map((a) => a.id)),
    dryRun: false,
    writeProfiles: false,
    json: false,
  });
}
