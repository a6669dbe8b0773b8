import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { CompiledModel } from '../compiled-model.js';
import { serializeError, serializeOutput } from '../index.js';
import { ServiceModel } from '../model.js';
import type { Route } from '../types.js';
import { writeRestOutput } from './rest-output.js';

const meta = { requestId: '4442587FB7D0A2F9', hostId: 'host/id==' };
const s3 = (operation: string): Route => ({ service: 's3', protocol: 'rest-xml', operation });
const modified = new Date('2009-10-12T17:50:30Z');

describe('S3 output', () => {
  it('writes ListObjectsV2 as a ListBucketResult document', () => {
    const response = serializeOutput(
      s3('ListObjectsV2'),
      {
        Name: 'b',
        Prefix: '',
        KeyCount: 1,
        MaxKeys: 1000,
        IsTruncated: false,
        Contents: [
          { Key: 'a<b>&"c".txt', LastModified: modified, ETag: '"9b2cf535f27731c974343645a3985328"', Size: 434234 },
        ],
      },
      meta,
    );
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({
      'Content-Type': 'application/xml',
      'x-amz-request-id': '4442587FB7D0A2F9',
      'x-amz-id-2': 'host/id==',
    });
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<IsTruncated>false</IsTruncated><Contents><Key>a&lt;b&gt;&amp;"c".txt</Key>' +
        '<LastModified>2009-10-12T17:50:30.000Z</LastModified><ETag>"9b2cf535f27731c974343645a3985328"</ETag>' +
        '<Size>434234</Size></Contents><Name>b</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys><KeyCount>1</KeyCount>' +
        '</ListBucketResult>',
    );
  });

  it('passes a GetObject stream through as the body, with header members', () => {
    const body = Readable.from(['hello']);
    const response = serializeOutput(
      s3('GetObject'),
      {
        Body: body,
        ContentLength: 5,
        ContentType: 'text/plain',
        LastModified: modified,
        ETag: '"e"',
        Metadata: { color: 'blue' },
        DeleteMarker: false,
        ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00Z'),
      },
      meta,
    );
    expect(response.body).toBe(body);
    expect(response.headers).toEqual({
      'Last-Modified': 'Mon, 12 Oct 2009 17:50:30 GMT',
      'Content-Length': '5',
      ETag: '"e"',
      'Content-Type': 'text/plain',
      'x-amz-meta-color': 'blue',
      'x-amz-delete-marker': 'false',
      'x-amz-object-lock-retain-until-date': '2030-01-01T00:00:00.000Z',
      'x-amz-request-id': '4442587FB7D0A2F9',
      'x-amz-id-2': 'host/id==',
    });
  });

  it('uses the operation status code and writes no body for header-only outputs', () => {
    const response = serializeOutput(s3('DeleteObject'), { VersionId: 'v1' }, meta);
    expect(response.status).toBe(204);
    expect(response.body).toBeUndefined();
    expect(response.headers['x-amz-version-id']).toBe('v1');
  });

  it('writes structure payloads under the payload member name', () => {
    const response = serializeOutput(
      s3('GetBucketEncryption'),
      {
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      },
      meta,
    );
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
        '<Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule>' +
        '</ServerSideEncryptionConfiguration>',
    );
  });

  it('writes an empty LocationConstraint for us-east-1', () => {
    const response = serializeOutput(s3('GetBucketLocation'), {}, meta);
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>',
    );
  });
});

describe('S3 errors', () => {
  const noSuchKey = new AwsError('NoSuchKey', 'The specified key does not exist.', {
    status: 404,
    extra: { Key: 'a/b.txt' },
    headers: { 'x-amz-delete-marker': 'true' },
  });

  it('writes the Error document with extra elements before the ids', () => {
    const response = serializeError(s3('GetObject'), noSuchKey, { ...meta, method: 'GET' });
    expect(response.status).toBe(404);
    expect(response.headers).toEqual({
      'x-amz-delete-marker': 'true',
      'x-amz-request-id': '4442587FB7D0A2F9',
      'x-amz-id-2': 'host/id==',
      'Content-Type': 'application/xml',
    });
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>' +
        '<Key>a/b.txt</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>host/id==</HostId></Error>',
    );
  });

  it('answers HEAD with the status and headers only', () => {
    const response = serializeError(s3('HeadObject'), noSuchKey, { ...meta, method: 'HEAD' });
    expect(response).toEqual({
      status: 404,
      headers: { 'x-amz-delete-marker': 'true', 'x-amz-request-id': '4442587FB7D0A2F9', 'x-amz-id-2': 'host/id==' },
    });
  });

  it('wraps S3 Control errors in ErrorResponse', () => {
    const error = new AwsError(
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      {
        status: 404,
      },
    );
    const response = serializeError({ protocol: 'rest-xml', service: 's3control' }, error, { ...meta, method: 'GET' });
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Code>NoSuchPublicAccessBlockConfiguration</Code>' +
        '<Message>The public access block configuration was not found</Message></Error>' +
        '<RequestId>4442587FB7D0A2F9</RequestId><HostId>host/id==</HostId></ErrorResponse>',
    );
  });

  it('derives a stable host id from the request id when none is given', () => {
    const a = serializeError('rest-xml', noSuchKey, { requestId: 'R1', method: 'GET' });
    const b = serializeError('rest-xml', noSuchKey, { requestId: 'R1', method: 'GET' });
    expect(a.headers['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{64}$/);
    expect(a.headers['x-amz-id-2']).toBe(b.headers['x-amz-id-2']);
  });
});

describe('REST JSON output and errors', () => {
  const model = new CompiledModel(
    new ServiceModel({
      metadata: { apiVersion: '2017-05-13', protocol: 'rest-json', endpointPrefix: 'runtime' },
      operations: {
        Describe: { name: 'Describe', http: { method: 'GET', requestUri: '/things/{Id}' }, output: { shape: 'Out' } },
      },
      shapes: {
        Out: {
          type: 'structure',
          members: {
            Version: { shape: 'String', location: 'header', locationName: 'X-Version' },
            Name: { shape: 'String', locationName: 'name' },
            Created: { shape: 'Time' },
          },
        },
        String: { type: 'string' },
        Time: { type: 'timestamp' },
      },
    }),
  );

  it('writes header members as headers and the rest as a JSON document', () => {
    const op = model.operation('Describe');
    if (!op) throw new Error('operation missing');
    const response = writeRestOutput(
      op,
      { Version: '3', Name: 'n', Created: new Date(1_700_000_000_500) },
      { format: 'json', head: false },
    );
    expect(response).toEqual({
      status: 200,
      headers: { 'X-Version': '3', 'Content-Type': 'application/json' },
      body: '{"name":"n","Created":1700000000.5}',
    });
  });

  it('writes errors with x-amzn-ErrorType and a JSON message', () => {
    const response = serializeError('rest-json', new AwsError('ValidationError', 'bad', { status: 400 }), {
      requestId: 'r',
      method: 'POST',
    });
    expect(response.headers).toEqual({
      'x-amzn-RequestId': 'r',
      'x-amzn-ErrorType': 'ValidationError',
      'Content-Type': 'application/json',
    });
    expect(response.body).toBe('{"message":"bad"}');
  });
});
