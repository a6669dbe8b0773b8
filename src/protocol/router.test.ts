import { describe, expect, it } from 'vitest';
import { AwsError } from '../core/aws-error.js';
import { classifyRequest, routeRequest } from './router.js';
import type { HttpRequest } from './types.js';

function request(method: string, url: string, headers: Record<string, string> = {}): HttpRequest {
  const [path = '/', search = ''] = url.split('?', 2);
  const query: Array<[string, string]> = [];
  for (const part of search.split('&').filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq === -1 ? part : part.slice(0, eq));
    query.push([key, eq === -1 ? '' : decodeURIComponent(part.slice(eq + 1))]);
  }
  return { method, rawPath: path, query, headers };
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

function thrown(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError');
}

describe('classifyRequest', () => {
  it('claims JSON requests by X-Amz-Target', () => {
    expect(classifyRequest(request('POST', '/', { 'x-amz-target': 'TrentService.Encrypt' }))).toEqual({
      protocol: 'json',
      service: 'kms',
      needsBody: false,
    });
    const orgs = classifyRequest(request('POST', '/', { 'x-amz-target': 'AWSOrganizationsV20161128.CreateAccount' }));
    expect(orgs.service).toBe('organizations');
  });

  it('claims form POSTs to / as query requests that need their body', () => {
    expect(classifyRequest(request('POST', '/', FORM))).toEqual({
      protocol: 'query',
      service: undefined,
      needsBody: true,
    });
  });

  it('knows the query service from Version in the URL or from the credential scope', () => {
    expect(classifyRequest(request('GET', '/?Action=ListUsers&Version=2010-05-08')).service).toBe('iam');
    const auth =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=x';
    expect(classifyRequest(request('POST', '/', { authorization: auth })).service).toBe('sts');
  });

  it('sends /v20180820/ paths to S3 Control and everything else to S3', () => {
    expect(classifyRequest(request('GET', '/v20180820/configuration/publicAccessBlock')).service).toBe('s3control');
    expect(classifyRequest(request('PUT', '/bucket/key', { 'content-type': 'text/plain' })).service).toBe('s3');
    expect(classifyRequest(request('POST', '/bucket/key?uploads', FORM)).service).toBe('s3');
  });
});

describe('routeRequest: query and JSON protocols', () => {
  it('routes by Action, with Version choosing the service', () => {
    const sts = routeRequest(request('POST', '/', FORM), 'Action=AssumeRole&Version=2011-06-15&RoleArn=x');
    expect(sts).toMatchObject({ service: 'sts', protocol: 'query', operation: 'AssumeRole' });
    expect(sts.params?.get('RoleArn')).toBe('x');
    expect(routeRequest(request('POST', '/', FORM), 'Action=CreateRole&Version=2010-05-08').service).toBe('iam');
    expect(routeRequest(request('POST', '/', FORM), 'Action=DescribeDBInstances&Version=2014-10-31').service).toBe(
      'rds',
    );
  });

  it('answers an unknown action with InvalidAction in the query wording', () => {
    const error = thrown(() => routeRequest(request('POST', '/', FORM), 'Action=Nope&Version=2011-06-15'));
    expect(error.code).toBe('InvalidAction');
    expect(error.message).toBe('Could not find operation Nope for version 2011-06-15');
  });

  it('routes JSON requests by target and rejects unknown targets', () => {
    const route = routeRequest(request('POST', '/', { 'x-amz-target': 'TrentService.Encrypt' }));
    expect(route).toEqual({ service: 'kms', protocol: 'json', operation: 'Encrypt' });
    expect(thrown(() => routeRequest(request('POST', '/', { 'x-amz-target': 'TrentService.Nope' }))).code).toBe(
      'UnknownOperationException',
    );
    expect(thrown(() => routeRequest(request('POST', '/', { 'x-amz-target': 'Nobody.Encrypt' }))).code).toBe(
      'UnknownOperationException',
    );
  });
});

// Every operation of the reference's S3 table (section 1.2), plus S3 Control's account public access block.
const S3_ROUTES: ReadonlyArray<[string, string, Record<string, string>, string]> = [
  ['PUT', '/b', {}, 'CreateBucket'],
  ['DELETE', '/b', {}, 'DeleteBucket'],
  ['GET', '/', {}, 'ListBuckets'],
  ['HEAD', '/b', {}, 'HeadBucket'],
  ['GET', '/b?location', {}, 'GetBucketLocation'],
  ['PUT', '/b?policy', {}, 'PutBucketPolicy'],
  ['GET', '/b?policy', {}, 'GetBucketPolicy'],
  ['DELETE', '/b?policy', {}, 'DeleteBucketPolicy'],
  ['GET', '/b?policyStatus', {}, 'GetBucketPolicyStatus'],
  ['PUT', '/b?acl', {}, 'PutBucketAcl'],
  ['GET', '/b?acl', {}, 'GetBucketAcl'],
  ['PUT', '/b?ownershipControls', {}, 'PutBucketOwnershipControls'],
  ['GET', '/b?ownershipControls', {}, 'GetBucketOwnershipControls'],
  ['DELETE', '/b?ownershipControls', {}, 'DeleteBucketOwnershipControls'],
  ['PUT', '/b?publicAccessBlock', {}, 'PutPublicAccessBlock'],
  ['GET', '/b?publicAccessBlock', {}, 'GetPublicAccessBlock'],
  ['DELETE', '/b?publicAccessBlock', {}, 'DeletePublicAccessBlock'],
  ['PUT', '/b?versioning', {}, 'PutBucketVersioning'],
  ['GET', '/b?versioning', {}, 'GetBucketVersioning'],
  ['PUT', '/b?encryption', {}, 'PutBucketEncryption'],
  ['GET', '/b?encryption', {}, 'GetBucketEncryption'],
  ['DELETE', '/b?encryption', {}, 'DeleteBucketEncryption'],
  ['PUT', '/b?logging', {}, 'PutBucketLogging'],
  ['GET', '/b?logging', {}, 'GetBucketLogging'],
  ['PUT', '/b?tagging', {}, 'PutBucketTagging'],
  ['GET', '/b?tagging', {}, 'GetBucketTagging'],
  ['DELETE', '/b?tagging', {}, 'DeleteBucketTagging'],
  ['PUT', '/b/k', {}, 'PutObject'],
  ['GET', '/b/k', {}, 'GetObject'],
  ['GET', '/b/k?versionId=v1', {}, 'GetObject'],
  ['HEAD', '/b/k', {}, 'HeadObject'],
  ['GET', '/b/k?attributes', { 'x-amz-object-attributes': 'ETag' }, 'GetObjectAttributes'],
  ['DELETE', '/b/k', {}, 'DeleteObject'],
  ['POST', '/b?delete', {}, 'DeleteObjects'],
  ['PUT', '/b/k', { 'x-amz-copy-source': '/src/key' }, 'CopyObject'],
  ['GET', '/b', {}, 'ListObjects'],
  ['GET', '/b?list-type=2&prefix=a', {}, 'ListObjectsV2'],
  ['GET', '/b?versions', {}, 'ListObjectVersions'],
  ['POST', '/b/k?uploads', {}, 'CreateMultipartUpload'],
  ['PUT', '/b/k?partNumber=1&uploadId=u', {}, 'UploadPart'],
  ['PUT', '/b/k?partNumber=1&uploadId=u', { 'x-amz-copy-source': '/src/key' }, 'UploadPartCopy'],
  ['POST', '/b/k?uploadId=u', {}, 'CompleteMultipartUpload'],
  ['DELETE', '/b/k?uploadId=u', {}, 'AbortMultipartUpload'],
  ['GET', '/b/k?uploadId=u', {}, 'ListParts'],
  ['GET', '/b?uploads', {}, 'ListMultipartUploads'],
  ['PUT', '/b/k?tagging', {}, 'PutObjectTagging'],
  ['GET', '/b/k?tagging', {}, 'GetObjectTagging'],
  ['DELETE', '/b/k?tagging', {}, 'DeleteObjectTagging'],
  ['PUT', '/b/k?acl', {}, 'PutObjectAcl'],
  ['GET', '/b/k?acl', {}, 'GetObjectAcl'],
  ['POST', '/b/k?restore', {}, 'RestoreObject'],
  ['GET', '/b?lifecycle', {}, 'GetBucketLifecycleConfiguration'],
  ['GET', '/b?analytics', {}, 'ListBucketAnalyticsConfigurations'],
  ['GET', '/b?analytics&id=a1', {}, 'GetBucketAnalyticsConfiguration'],
  ['GET', '/?x-id=ListDirectoryBuckets', {}, 'ListDirectoryBuckets'],
];

describe('routeRequest: S3', () => {
  it.each(S3_ROUTES)('%s %s -> %s', (method, url, headers, operation) => {
    const route = routeRequest(request(method, url, headers));
    expect(route.service).toBe('s3');
    expect(route.operation).toBe(operation);
  });

  it('routes the account public access block to S3 Control', () => {
    for (const [method, operation] of [
      ['GET', 'GetPublicAccessBlock'],
      ['PUT', 'PutPublicAccessBlock'],
      ['DELETE', 'DeletePublicAccessBlock'],
    ] as const) {
      const route = routeRequest(request(method, '/v20180820/configuration/publicAccessBlock'));
      expect(route).toMatchObject({ service: 's3control', protocol: 'rest-xml', operation });
    }
  });

  it('decodes bucket and key, keeping the slashes of a greedy key', () => {
    const route = routeRequest(request('GET', '/my-bucket/a%20b/c%2Fd/%E2%82%AC+x'));
    expect(route).toMatchObject({ bucket: 'my-bucket', key: 'a b/c/d/€+x', addressing: 'path' });
    expect(routeRequest(request('GET', '/my-bucket/dir/')).key).toBe('dir/');
    expect(routeRequest(request('GET', '/my-bucket/')).operation).toBe('ListObjects');
  });

  it('takes the bucket from the Host header for virtual-hosted-style requests', () => {
    const cases: Array<[string, string[] | undefined]> = [
      ['photos.s3.amazonaws.com', undefined],
      ['photos.s3.us-west-2.amazonaws.com', undefined],
      ['photos.localhost:4566', ['localhost']],
      ['photos.s3.localhost:4566', ['localhost']],
      ['photos.xacct.test', ['xacct.test']],
    ];
    for (const [host, baseHosts] of cases) {
      const route = routeRequest(request('GET', '/2024/cat.jpg', { host }), undefined, { baseHosts });
      expect(route, host).toMatchObject({ operation: 'GetObject', bucket: 'photos', key: '2024/cat.jpg' });
      expect(route.addressing).toBe('virtual-host');
    }
    const list = routeRequest(request('GET', '/', { host: 'photos.s3.localhost:4566' }), undefined, {
      baseHosts: ['localhost'],
    });
    expect(list).toMatchObject({ operation: 'ListObjects', bucket: 'photos' });
    const service = routeRequest(request('GET', '/', { host: 's3.localhost:4566' }), undefined, {
      baseHosts: ['localhost'],
    });
    expect(service.operation).toBe('ListBuckets');
  });

  it('answers a key that is not valid percent-encoding with InvalidURI', () => {
    expect(thrown(() => routeRequest(request('GET', '/b/%E0%A4%A')))).toMatchObject({
      code: 'InvalidURI',
      message: "Couldn't parse the specified URI.",
      status: 400,
    });
  });

  it('answers a method the resource does not support with MethodNotAllowed', () => {
    const error = thrown(() => routeRequest(request('POST', '/b/k')));
    expect(error).toMatchObject({ code: 'MethodNotAllowed', status: 405 });
    expect(error.extra).toEqual({ Method: 'POST', ResourceType: 'OBJECT' });
    expect(thrown(() => routeRequest(request('PATCH', '/b'))).extra.ResourceType).toBe('BUCKET');
  });
});
