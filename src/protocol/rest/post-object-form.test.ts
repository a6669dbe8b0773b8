import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { parseInput, routeRequest, serializeOutput } from '../index.js';
import { readPostObjectForm } from './post-object-form.js';

const BOUNDARY = '----xacctBoundary7MA4YWxk';
const CONTENT_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

function form(parts: Array<[string, string, string?]>, epilogue = ''): Buffer {
  let text = 'preamble\r\n';
  for (const [name, value, filename] of parts) {
    const file = filename === undefined ? '' : `; filename="${filename}"\r\nContent-Type: text/plain`;
    text += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${file}\r\n\r\n${value}\r\n`;
  }
  return Buffer.from(`${text}--${BOUNDARY}--\r\n${epilogue}`);
}

/** One byte per chunk, so every boundary is split across chunks. */
function trickle(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (const byte of bytes) yield Buffer.from([byte]);
    })(),
  );
}

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function failure(promise: Promise<unknown>): Promise<AwsError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof AwsError) return error;
  throw new Error(`expected an AwsError, got ${String(error)}`);
}

describe('readPostObjectForm', () => {
  it('reads the fields before the file and streams the file, however the body is chunked', async () => {
    const body = form([
      ['key', 'uploads/${filename}'],
      ['X-Amz-Meta-Color', 'blue'],
      ['file', `line 1\r\n--${BOUNDARY.slice(0, 10)} not a boundary\r\nlast`, 'cat €.txt'],
      ['ignored', 'after the file'],
    ]);
    for (const stream of [Readable.from([body]), trickle(body)]) {
      const result = await readPostObjectForm(stream, CONTENT_TYPE);
      expect([...result.fields]).toEqual([
        ['key', 'uploads/${filename}'],
        ['x-amz-meta-color', 'blue'],
      ]);
      expect(result.file.filename).toBe('cat €.txt');
      expect(result.file.contentType).toBe('text/plain');
      expect(await text(result.file.body)).toBe(`line 1\r\n--${BOUNDARY.slice(0, 10)} not a boundary\r\nlast`);
    }
  });

  it('requires a file', async () => {
    const error = await failure(readPostObjectForm(Readable.from([form([['key', 'k']])]), CONTENT_TYPE));
    expect(error).toMatchObject({
      code: 'InvalidArgument',
      message: 'POST requires exactly one file upload per request.',
    });
  });

  it('rejects bodies that are not multipart/form-data and oversized fields', async () => {
    expect((await failure(readPostObjectForm(Readable.from(['x']), 'text/plain'))).code).toBe('MalformedPOSTRequest');
    const big = form([
      ['policy', 'x'.repeat(30_000)],
      ['file', 'data', 'f'],
    ]);
    expect((await failure(readPostObjectForm(Readable.from([big]), CONTENT_TYPE))).code).toBe(
      'MaxPostPreDataLengthExceededError',
    );
  });
});

describe('PostObject route', () => {
  it('routes a form POST to a bucket and passes the body through', () => {
    const request = { method: 'POST', rawPath: '/photos', query: [], headers: { 'content-type': CONTENT_TYPE } };
    const route = routeRequest(request);
    expect(route).toMatchObject({ service: 's3', operation: 'PostObject', bucket: 'photos' });
    const body = Readable.from(['...']);
    expect(parseInput(route, request, body)).toEqual({ Bucket: 'photos', ContentType: CONTENT_TYPE, Body: body });
  });

  it('answers 204 by default and a PostResponse document for success_action_status 201', () => {
    const route = { service: 's3', protocol: 'rest-xml', operation: 'PostObject' } as const;
    const quiet = serializeOutput(route, { ETag: '"e"', Location: 'http://b/k' }, { requestId: 'r', hostId: 'h' });
    expect(quiet.status).toBe(204);
    expect(quiet.body).toBeUndefined();
    const created = serializeOutput(
      route,
      { StatusCode: 201, ETag: '"e"', PostResponse: { Location: 'http://b/k', Bucket: 'b', Key: 'k', ETag: '"e"' } },
      { requestId: 'r', hostId: 'h' },
    );
    expect(created.status).toBe(201);
    expect(created.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Location>http://b/k</Location><Bucket>b</Bucket><Key>k</Key><ETag>"e"</ETag></PostResponse>',
    );
  });
});
