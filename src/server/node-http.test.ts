import { request } from 'node:http';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../protocol/index.js';
import type { App } from './app.js';
import { silentLogger } from './logger.js';
import { type Listening, listen } from './node-http.js';
import type { IncomingRequest } from './pipeline.js';

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  /** Header values as the bytes that came, one character a byte. */
  readonly rawHeaders: readonly string[];
  readonly body: string;
}

let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose app answers whatever `answer` makes of the request. */
async function serve(answer: (request: IncomingRequest) => HttpResponse): Promise<Listening> {
  const app = { handle: async (incoming: IncomingRequest) => answer(incoming) } as unknown as App;
  server = await listen(app, { host: '127.0.0.1', port: 0, log: silentLogger });
  return server;
}

/** One GET with headers given as bytes (one character a byte), failing after 5 s rather than hanging. */
function get(listening: Listening, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${listening.url}/`, { headers, timeout: 5_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('the response never completed')));
    req.on('error', reject);
    req.end();
  });
}

function headerBytes(answer: RawAnswer, name: string): string | undefined {
  const at = answer.rawHeaders.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  return at === -1 ? undefined : Buffer.from(answer.rawHeaders[at + 1]!, 'latin1').toString('hex');
}

describe('the node:http adapter', () => {
  it('reads header values as the UTF-8 the client sent', async () => {
    const listening = await serve((incoming) => ({
      status: 200,
      headers: {},
      body: JSON.stringify([incoming.http.headers['x-amz-meta-u'], incoming.http.headers['x-bad']]),
    }));
    const answer = await get(listening, {
      'x-amz-meta-u': Buffer.from('中文 café', 'utf8').toString('latin1'),
      'x-bad': '\u00e9',
    });
    // A byte that is no UTF-8 sequence reads as U+FFFD, so a signature over other bytes cannot verify.
    expect(JSON.parse(answer.body)).toEqual(['中文 café', '\ufffd']);
  });

  it('answers a header no HTTP message can carry with a complete 500, never a half-written one', async () => {
    let destroyed = false;
    const body = new Readable({
      read() {
        this.push('never sent');
        this.push(null);
      },
    }).on('close', () => {
      destroyed = true;
    });
    const listening = await serve(() => ({
      status: 200,
      headers: { 'Content-Length': '10', 'Content-Disposition': 'attachment; filename="中文.txt"' },
      body,
    }));
    const answer = await get(listening);
    expect(answer.status).toBe(500);
    expect(answer.headers['content-disposition']).toBeUndefined();
    expect(answer.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>InternalError<\/Code>/);
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(destroyed).toBe(true);
    // The connection stays usable.
    expect((await get(listening)).status).toBe(500);
  });

  it('refuses header names that are not tokens the same way', async () => {
    const listening = await serve(() => ({ status: 200, headers: { 'x-amz-meta-a b': 'v' }, body: 'x' }));
    expect((await get(listening)).status).toBe(500);
  });

  it('closes the connection when a body fails after the head went out', async () => {
    const listening = await serve(() => ({
      status: 200,
      headers: { 'Content-Length': '100' },
      body: new Readable({
        read() {
          this.push('a part');
          this.destroy(new Error('disk gone'));
        },
      }),
    }));
    await expect(get(listening)).rejects.toThrow(/aborted|socket hang up|ECONNRESET/);
  });

  it('writes a Content-Disposition after a Content-Length one byte a character, as other headers', async () => {
    const stored = Buffer.from('attachment; filename="中文.txt"', 'utf8').toString('latin1');
    const listening = await serve((incoming) => ({
      status: 200,
      headers: {
        'Content-Length': '2',
        'Content-Disposition': incoming.http.headers['x-latin1'] === undefined ? stored : 'attachment; filename="é"',
      },
      body: 'ok',
    }));
    const utf8 = await get(listening);
    expect(utf8.status).toBe(200);
    expect(headerBytes(utf8, 'content-disposition')).toBe(Buffer.from(stored, 'latin1').toString('hex'));
    const latin1 = await get(listening, { 'x-latin1': '1' });
    expect(latin1.status).toBe(200);
    expect(headerBytes(latin1, 'content-disposition')).toBe(
      Buffer.from('attachment; filename="é"', 'latin1').toString('hex'),
    );
  });
});
