import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { CompiledModel } from '../compiled-model.js';
import { serializeError, serializeOutput } from '../index.js';
import { ServiceModel } from '../model.js';
import { writeQueryError, writeQueryOutput } from './query-output.js';

const meta = { requestId: 'req-1', method: 'POST' };

describe('query protocol output', () => {
  it('wraps the result and the request id as STS does', () => {
    const response = serializeOutput(
      { service: 'sts', protocol: 'query', operation: 'AssumeRole' },
      {
        Credentials: {
          AccessKeyId: 'ASIA1',
          SecretAccessKey: 'secret',
          SessionToken: 'a<b>&c',
          Expiration: new Date('2026-01-02T03:04:05.359Z'),
        },
        AssumedRoleUser: { AssumedRoleId: 'AROA1:s', Arn: 'arn:aws:sts::1:assumed-role/r/s' },
        Ignored: 'not in the model',
      },
      meta,
    );
    expect(response.status).toBe(200);
    expect(response.headers).toEqual({ 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'req-1' });
    expect(response.body).toBe(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
        '<Credentials><AccessKeyId>ASIA1</AccessKeyId><SecretAccessKey>secret</SecretAccessKey>' +
        '<SessionToken>a&lt;b&gt;&amp;c</SessionToken><Expiration>2026-01-02T03:04:05.359Z</Expiration></Credentials>' +
        '<AssumedRoleUser><AssumedRoleId>AROA1:s</AssumedRoleId><Arn>arn:aws:sts::1:assumed-role/r/s</Arn></AssumedRoleUser>' +
        '</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></AssumeRoleResponse>',
    );
  });

  it('writes IAM timestamps without milliseconds when there are none, and lists as member elements', () => {
    const response = serializeOutput(
      { service: 'iam', protocol: 'query', operation: 'ListRoleTags' },
      { Tags: [{ Key: 'k', Value: 'v' }], IsTruncated: false },
      meta,
    );
    expect(response.body).toContain(
      '<ListRoleTagsResult><Tags><member><Key>k</Key><Value>v</Value></member></Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult>',
    );
    const role = serializeOutput(
      { service: 'iam', protocol: 'query', operation: 'GetRole' },
      { Role: { RoleName: 'r', CreateDate: new Date('2012-05-08T23:34:01Z') } },
      meta,
    );
    expect(role.body).toContain('<CreateDate>2012-05-08T23:34:01Z</CreateDate>');
  });

  it('writes operations without output as the response metadata alone', () => {
    const response = serializeOutput({ service: 'iam', protocol: 'query', operation: 'DeleteRole' }, {}, meta);
    expect(response.body).toBe(
      '<DeleteRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DeleteRoleResponse>',
    );
  });
});

describe('query protocol errors', () => {
  it('writes the ErrorResponse envelope with the service namespace', () => {
    const error = new AwsError(
      'AccessDenied',
      'User: a is not authorized to perform: sts:AssumeRole on resource: <r>',
      {
        status: 403,
        headers: { 'x-extra': '1' },
      },
    );
    const response = serializeError({ service: 'sts', protocol: 'query', operation: 'AssumeRole' }, error, meta);
    expect(response.status).toBe(403);
    expect(response.headers).toEqual({ 'x-extra': '1', 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'req-1' });
    expect(response.body).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>' +
        '<Message>User: a is not authorized to perform: sts:AssumeRole on resource: &lt;r&gt;</Message></Error>' +
        '<RequestId>req-1</RequestId></ErrorResponse>',
    );
  });

  it('marks server faults as Receiver', () => {
    const response = writeQueryError(new AwsError('ServiceFailure', 'boom', { status: 500 }), 'query', undefined, 'r');
    expect(response.body).toBe(
      '<ErrorResponse><Error><Type>Receiver</Type><Code>ServiceFailure</Code><Message>boom</Message></Error><RequestId>r</RequestId></ErrorResponse>',
    );
  });
});

describe('EC2 dialect', () => {
  const ec2 = new CompiledModel(
    new ServiceModel({
      metadata: { apiVersion: '2016-11-15', protocol: 'ec2', endpointPrefix: 'ec2' },
      operations: {
        DescribeThings: { name: 'DescribeThings', http: { method: 'POST', requestUri: '/' }, output: { shape: 'Out' } },
      },
      shapes: {
        Out: { type: 'structure', members: { Things: { shape: 'ThingList', locationName: 'thingSet' } } },
        ThingList: { type: 'list', member: { shape: 'Thing', locationName: 'item' } },
        Thing: { type: 'structure', members: { ThingId: { shape: 'String', locationName: 'thingId' } } },
        String: { type: 'string' },
      },
    }),
  );

  it('writes requestId first and lists as item elements', () => {
    const op = ec2.operation('DescribeThings');
    if (!op) throw new Error('operation missing');
    const response = writeQueryOutput(
      op,
      { Things: [{ ThingId: 't-1' }] },
      'ec2',
      'http://ec2.amazonaws.com/doc/2016-11-15/',
      'r',
    );
    expect(response.body).toBe(
      '<DescribeThingsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>' +
        '<thingSet><item><thingId>t-1</thingId></item></thingSet></DescribeThingsResponse>',
    );
  });

  it('writes errors as Response/Errors/Error with RequestID', () => {
    const response = writeQueryError(new AwsError('InvalidParameterValue', 'bad'), 'ec2', undefined, 'r');
    expect(response.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>bad</Message></Error></Errors><RequestID>r</RequestID></Response>',
    );
  });
});
