import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../audit/trail-event.js';
import { SigningKeyCache } from '../auth/sigv4/index.js';
import { AwsError } from '../core/aws-error.js';
import type { HttpResponse, Shaped } from '../protocol/index.js';
import type { Accounts } from '../services/accounts/accounts.js';
import type { ServiceDeps, ServiceModule } from '../services/types.js';
import { silentLogger } from './logger.js';
import { type PipelineDeps, runPipeline } from './pipeline.js';
import { invalidResponseHeader } from './response-headers.js';

/** A pipeline whose only operation is an anonymous S3 GetObject answering `output`. */
function pipeline(output: () => Shaped, decorate?: (response: HttpResponse) => void) {
  const events: TrailEvent[] = [];
  const s3: ServiceModule = {
    id: 's3',
    operations: { GetObject: { allowAnonymous: true, handle: output } },
    accessDenied: (message) => new AwsError('AccessDenied', message, { status: 403 }),
    decorateResponse: decorate && ((_route, _http, response) => decorate(response)),
  };
  const deps: PipelineDeps = {
    services: new Map([['s3', s3]]),
    serviceDeps: { config: { region: 'us-east-1' }, directory: { credentialSources: [] } } as unknown as ServiceDeps,
    accounts: {} as Accounts,
    recorder: (event) => events.push(event),
    keyCache: new SigningKeyCache(),
    clock: { now: () => Date.now() },
    baseHosts: ['localhost'],
    log: silentLogger,
  };
  const get = () =>
    runPipeline(deps, {
      http: { method: 'GET', rawPath: '/bucket/key', query: [], headers: { host: 'localhost' } },
      body: Readable.from([]),
      remoteAddress: '127.0.0.1',
      secure: false,
    });
  return { get, events };
}

describe('a response with a header HTTP cannot carry', () => {
  it("becomes the service's InternalError, and its body is let go", async () => {
    const body = Readable.from(['object bytes']);
    const { get, events } = pipeline(() => ({ ContentDisposition: 'attachment; filename="中文.txt"', Body: body }));
    const response = await get();
    expect(response.status).toBe(500);
    expect(response.headers['Content-Disposition']).toBeUndefined();
    expect(String(response.body)).toMatch(
      /<Error><Code>InternalError<\/Code><Message>We encountered an internal error/,
    );
    expect(response.headers['x-xacct-event-id']).toBe(events[0]?.eventId);
    expect(body.destroyed).toBe(true);
    expect(events[0]).toMatchObject({ status: 500, errorCode: 'InternalError' });
    expect(invalidResponseHeader(response.headers)).toBeUndefined();
  });

  it('does so when the header comes from decorating the response', async () => {
    const { get } = pipeline(
      () => ({ Body: Buffer.from('x') }),
      (response) => {
        response.headers['Access-Control-Allow-Origin'] = 'http://例え.jp';
      },
    );
    const response = await get();
    expect(response.status).toBe(500);
    expect(response.headers['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('leaves ISO-8859-1 values alone', async () => {
    const { get } = pipeline(() => ({ ContentDisposition: 'attachment; filename="café.txt"', Body: Buffer.from('x') }));
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers['Content-Disposition']).toBe('attachment; filename="café.txt"');
  });
});
