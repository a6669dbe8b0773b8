// Starts a real xacct server (in memory, on a free port) for black-box tests through the AWS SDK clients.
import type { Clock } from '../../src/core/clock.js';
import { type App, createApp } from '../../src/server/app.js';
import { silentLogger } from '../../src/server/logger.js';
import { listen } from '../../src/server/node-http.js';
import { openStorage, type Storage } from '../../src/storage/index.js';

export interface TestServer {
  readonly url: string;
  readonly app: App;
  readonly storage: Storage;
  /** SDK client options for a credential (root of an account by default). */
  client(credentials?: Credentials | string): ClientOptions;
  close(): Promise<void>;
}

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface ClientOptions {
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: Credentials;
  readonly forcePathStyle: boolean;
  readonly maxAttempts: number;
}

export interface TestServerOptions {
  readonly clock?: Clock;
  /** Reopen an existing data directory instead of memory (restart tests). */
  readonly dataDir?: string;
}

/** `client('111111111111')` signs as that account's root; pass full credentials for users and sessions. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const storage = openStorage(options.dataDir ? { dataDir: options.dataDir } : { memory: true });
  let url = '';
  const app = createApp({
    storage,
    clock: options.clock ?? { now: () => Date.now() },
    config: {
      region: 'us-east-1',
      rootSecret: 'test',
      get endpointUrl() {
        return url;
      },
    },
    log: silentLogger,
  });
  await app.start();
  const listening = await listen(app, { host: '127.0.0.1', port: 0, log: silentLogger });
  url = listening.url;
  return {
    url,
    app,
    storage,
    client(credentials: Credentials | string = '111111111111') {
      const creds =
        typeof credentials === 'string' ? { accessKeyId: credentials, secretAccessKey: 'test' } : credentials;
      return { endpoint: url, region: 'us-east-1', credentials: creds, forcePathStyle: true, maxAttempts: 1 };
    },
    async close() {
      await listening.close();
      app.close();
      storage.close();
    },
  };
}
