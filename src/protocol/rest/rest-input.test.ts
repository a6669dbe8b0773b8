import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { CompiledModel } from '../compiled-model.js';
import { parseInput, routeRequest } from '../index.js';
import { ServiceModel } from '../model.js';
import type { HttpRequest } from '../types.js';
import { readRestInput } from './rest-input.js';

function req(
  method: string,
  rawPath: string,
  query: Array<[string, string]> = [],
  headers: Record<string, string> = {},
): HttpRequest {
  return { method, rawPath, query, headers };
}

function parse(request: HttpRequest, body: Buffer | NodeJS.ReadableStream = Buffer.alloc(0)): Record<string, unknown> {
  return parseInput(routeRequest(request), request, body);
}

function failure(request: HttpRequest, body: Buffer = Buffer.alloc(0)): AwsError {
  try {
    parse(request, body);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

const MALFORMED = 'The XML you provided was not well-formed or did not validate against our published schema';

describe('S3 input from headers, query and path', () => {
  it('reads PutObject headers and metadata and hands the body stream over untouched', () => {
    const body = Readable.from(['data']);
    const input = parse(
      req('PUT', '/b/photos/2024%20cat.jpg', [['x-id', 'PutObject']], {
        'content-type': 'image/jpeg',
        'content-length': '4',
        'x-amz-meta-camera': 'X100',
        'x-amz-meta-taken': '2024',
        'x-amz-tagging': 'a=1&b=2',
        'x-amz-acl': 'private',
        'x-amz-object-lock-retain-until-date': '2030-01-01T00:00:00Z',
        expires: 'Thu, 01 Jan 2026 00:00:00 GMT',
      }),
      body,
    );
    expect(input).toEqual({
      Bucket: 'b',
      Key: 'photos/2024 cat.jpg',
      ContentType: 'image/jpeg',
      ContentLength: 4,
      Metadata: { camera: 'X100', taken: '2024' },
      Tagging: 'a=1&b=2',
      ACL: 'private',
      ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00Z'),
      Expires: 'Thu, 01 Jan 2026 00:00:00 GMT',
      Body: body,
    });
    expect(input.Body).toBe(body);
  });

  it('reads ListObjectsV2 query parameters by type', () => {
    const input = parse(
      req('GET', '/b', [
        ['list-type', '2'],
        ['prefix', 'a/'],
        ['max-keys', '50'],
        ['fetch-owner', 'true'],
        ['continuation-token', 't=='],
      ]),
    );
    expect(input).toEqual({ Bucket: 'b', Prefix: 'a/', MaxKeys: 50, FetchOwner: true, ContinuationToken: 't==' });
  });

  it('reads comma-separated header lists and HTTP-date headers', () => {
    const attributes = parse(
      req('GET', '/b/k', [['attributes', '']], { 'x-amz-object-attributes': 'ETag, ObjectSize' }),
    );
    expect(attributes.ObjectAttributes).toEqual(['ETag', 'ObjectSize']);
    const get = parse(req('GET', '/b/k', [], { 'if-modified-since': 'Wed, 12 Oct 2009 17:50:00 GMT' }));
    expect(get.IfModifiedSince).toEqual(new Date('2009-10-12T17:50:00Z'));
    const ignored = parse(req('GET', '/b/k', [], { 'if-modified-since': 'last tuesday' }));
    expect(ignored).toEqual({ Bucket: 'b', Key: 'k' });
  });

  it('answers a non-integer parameter with InvalidArgument naming it', () => {
    const error = failure(req('GET', '/b', [['max-keys', 'ten']]));
    expect(error).toMatchObject({
      code: 'InvalidArgument',
      status: 400,
      message: 'Provided max-keys not an integer or within integer range',
      extra: { ArgumentName: 'max-keys', ArgumentValue: 'ten' },
    });
  });

  it('reads the account id header of S3 Control', () => {
    const input = parse(
      req('GET', '/v20180820/configuration/publicAccessBlock', [], { 'x-amz-account-id': '111122223333' }),
    );
    expect(input).toEqual({ AccountId: '111122223333' });
  });
});

describe('S3 XML request bodies', () => {
  const complete = req('POST', '/b/k', [['uploadId', 'u1']]);

  it('reads CompleteMultipartUpload parts', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      '<Part><ETag>"a&amp;1"</ETag><PartNumber>1</PartNumber></Part>\n  <Part><PartNumber>2</PartNumber><ETag>"b"</ETag></Part>' +
      '</CompleteMultipartUpload>';
    expect(parse(complete, Buffer.from(xml))).toEqual({
      Bucket: 'b',
      Key: 'k',
      UploadId: 'u1',
      MultipartUpload: {
        Parts: [
          { ETag: '"a&1"', PartNumber: 1 },
          { ETag: '"b"', PartNumber: 2 },
        ],
      },
    });
  });

  it('keeps spaces and carriage returns in keys', () => {
    const xml = '<Delete><Object><Key> a&#13;b </Key></Object><Quiet>true</Quiet></Delete>';
    expect(parse(req('POST', '/b', [['delete', '']]), Buffer.from(xml)).Delete).toEqual({
      Objects: [{ Key: ' a\rb ' }],
      Quiet: true,
    });
  });

  it('answers malformed or mis-rooted XML with MalformedXML', () => {
    for (const xml of [
      '<CompleteMultipartUpload><Part>',
      '<Other><Part/></Other>',
      '<CompleteMultipartUpload><Part><PartNumber>one</PartNumber></Part></CompleteMultipartUpload>',
    ]) {
      expect(failure(complete, Buffer.from(xml)), xml).toMatchObject({ code: 'MalformedXML', message: MALFORMED });
    }
  });

  it('answers an XML body missing a required element with MalformedXML', () => {
    const xml = '<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>';
    expect(failure(req('PUT', '/b', [['tagging', '']]), Buffer.from(xml)).code).toBe('MalformedXML');
  });

  it('answers a missing required body with MissingRequestBodyError', () => {
    expect(failure(req('PUT', '/b', [['tagging', '']]))).toMatchObject({
      code: 'MissingRequestBodyError',
      message: 'Request Body is empty',
    });
  });

  it('reads a text payload (PutBucketPolicy) as a string', () => {
    const input = parse(req('PUT', '/b', [['policy', '']]), Buffer.from('{"Version":"2012-10-17"}'));
    expect(input.Policy).toBe('{"Version":"2012-10-17"}');
  });
});

describe('REST JSON input', () => {
  const model = new CompiledModel(
    new ServiceModel({
      metadata: { apiVersion: '2017-05-13', protocol: 'rest-json', endpointPrefix: 'runtime' },
      operations: {
        Invoke: {
          name: 'Invoke',
          http: { method: 'POST', requestUri: '/endpoints/{EndpointName}/invocations' },
          input: { shape: 'InvokeInput' },
        },
        Put: { name: 'Put', http: { method: 'PUT', requestUri: '/things/{Id}' }, input: { shape: 'PutInput' } },
      },
      shapes: {
        InvokeInput: {
          type: 'structure',
          required: ['EndpointName', 'Body'],
          payload: 'Body',
          members: {
            EndpointName: { shape: 'String', location: 'uri', locationName: 'EndpointName' },
            Attributes: { shape: 'String', location: 'header', locationName: 'X-Attributes', jsonvalue: true },
            Body: { shape: 'Blob' },
          },
        },
        PutInput: {
          type: 'structure',
          members: {
            Id: { shape: 'String', location: 'uri', locationName: 'Id' },
            Count: { shape: 'Integer', locationName: 'count' },
            At: { shape: 'Time' },
          },
        },
        String: { type: 'string' },
        Integer: { type: 'integer' },
        Blob: { type: 'blob' },
        Time: { type: 'timestamp' },
      },
    }),
  );

  it('reads labels, JSON-value headers and a blob payload', () => {
    const op = model.operation('Invoke');
    if (!op) throw new Error('operation missing');
    const headers = { 'x-attributes': Buffer.from('{"a":[1]}').toString('base64') };
    const input = readRestInput(op, req('POST', '/endpoints/e1/invocations', [], headers), Buffer.from('raw'), {
      format: 'json',
      labels: { EndpointName: 'e1' },
    });
    expect(input).toEqual({ EndpointName: 'e1', Attributes: { a: [1] }, Body: Buffer.from('raw') });
  });

  it('reads the body members of a structure without payload from a JSON document', () => {
    const op = model.operation('Put');
    if (!op) throw new Error('operation missing');
    const input = readRestInput(op, req('PUT', '/things/t1'), Buffer.from('{"count":3,"At":1700000000}'), {
      format: 'json',
      labels: { Id: 't1' },
    });
    expect(input).toEqual({ Id: 't1', Count: 3, At: new Date(1_700_000_000_000) });
  });
});
