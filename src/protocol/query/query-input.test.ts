import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { CompiledModel, compiledModel } from '../compiled-model.js';
import { parseInput } from '../index.js';
import { ServiceModel } from '../model.js';
import { routeRequest } from '../router.js';
import { parseFormBody, readQueryInput } from './query-input.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function parseForm(body: string): Record<string, unknown> {
  const req = { method: 'POST', rawPath: '/', query: [], headers: FORM };
  return parseInput(routeRequest(req, body), req, Buffer.from(body));
}

function failure(body: string): AwsError {
  try {
    parseForm(body);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

// A small model for what IAM, STS and RDS do not use: maps, flattened lists, the EC2 dialect.
const synthetic = new CompiledModel(
  new ServiceModel({
    metadata: { apiVersion: '2020-01-01', protocol: 'query', endpointPrefix: 'test' },
    operations: {},
    shapes: {
      Input: {
        type: 'structure',
        members: {
          Attributes: { shape: 'AttributeMap' },
          Flat: { shape: 'FlatList' },
          Named: { shape: 'NamedFlatList', locationName: 'Named' },
          Count: { shape: 'Integer', locationName: 'count', queryName: 'MaxCount' },
          Filters: { shape: 'FilterList', locationName: 'Filter' },
          When: { shape: 'Time' },
        },
      },
      AttributeMap: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
      FlatList: { type: 'list', member: { shape: 'String' }, flattened: true },
      NamedFlatList: { type: 'list', member: { shape: 'String', locationName: 'Item' }, flattened: true },
      FilterList: { type: 'list', member: { shape: 'Filter', locationName: 'Filter' } },
      Filter: {
        type: 'structure',
        members: { Name: { shape: 'String' }, Values: { shape: 'ValueList', locationName: 'Value' } },
      },
      ValueList: { type: 'list', member: { shape: 'String', locationName: 'item' } },
      String: { type: 'string' },
      Integer: { type: 'integer' },
      Time: { type: 'timestamp' },
    },
  }),
);

describe('query protocol input', () => {
  it('reads IAM CreateRole with tags, in member order whatever the parameter order', () => {
    const input = parseForm(
      'Action=CreateRole&Version=2010-05-08&RoleName=app&AssumeRolePolicyDocument=%7B%7D&MaxSessionDuration=7200' +
        '&Tags.member.2.Key=b&Tags.member.2.Value=2&Tags.member.1.Key=a&Tags.member.1.Value=1&Tags.member.10.Key=j&Tags.member.10.Value=10',
    );
    expect(input).toEqual({
      RoleName: 'app',
      AssumeRolePolicyDocument: '{}',
      MaxSessionDuration: 7200,
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
        { Key: 'j', Value: '10' },
      ],
    });
  });

  it('reads STS AssumeRole with session policy ARNs and an empty list', () => {
    const input = parseForm(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2Fr&RoleSessionName=s1' +
        '&PolicyArns.member.1.arn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2FX&TransitiveTagKeys=&DurationSeconds=900',
    );
    expect(input).toEqual({
      RoleArn: 'arn:aws:iam::111122223333:role/r',
      RoleSessionName: 's1',
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/X' }],
      DurationSeconds: 900,
      TransitiveTagKeys: [],
    });
  });

  it('reads maps, flattened lists and timestamps', () => {
    const params = new Map(
      parseFormBody(
        'Attributes.entry.1.key=k1&Attributes.entry.1.value=v1&Attributes.entry.2.key=k2&Attributes.entry.2.value=v+2' +
          '&Flat.1=a&Flat.2=b&Item.1=x&When=2026-01-02T03%3A04%3A05Z',
      ),
    );
    expect(readQueryInput(synthetic.shape('Input'), params, 'query')).toEqual({
      Attributes: { k1: 'v1', k2: 'v 2' },
      Flat: ['a', 'b'],
      Named: ['x'],
      When: new Date('2026-01-02T03:04:05Z'),
    });
  });

  it('reads the EC2 dialect: queryName, capitalised locationName, lists as Name.N', () => {
    const params = new Map(
      parseFormBody('MaxCount=5&Filter.1.Name=tag%3Aenv&Filter.1.Value.1=prod&Filter.1.Value.2=dev&Filter.2.Name=x'),
    );
    expect(readQueryInput(synthetic.shape('Input'), params, 'ec2')).toEqual({
      Count: 5,
      Filters: [{ Name: 'tag:env', Values: ['prod', 'dev'] }, { Name: 'x' }],
    });
  });
});

describe('query protocol validation', () => {
  it('lists every violation in one ValidationError, in member order', () => {
    const long = 'x'.repeat(65);
    const error = failure(`Action=AssumeRole&Version=2011-06-15&RoleSessionName=${long}&DurationSeconds=60`);
    expect(error.code).toBe('ValidationError');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      '3 validation errors detected: ' +
        "Value null at 'roleArn' failed to satisfy constraint: Member must not be null; " +
        `Value '${long}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64; ` +
        "Value '60' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it('names list elements as tags.N.member.key', () => {
    const error = failure(
      'Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=x&Tags.member.1.Value=v',
    );
    expect(error.message).toBe(
      "1 validation error detected: Value null at 'tags.1.member.key' failed to satisfy constraint: Member must not be null",
    );
  });

  it('rejects a number that is not one', () => {
    const error = failure(
      'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fxxxxxxxxxx&RoleSessionName=s1&DurationSeconds=abc',
    );
    expect(error.code).toBe('ValidationError');
    expect(error.message).toBe(
      "1 validation error detected: Value 'abc' at 'durationSeconds' failed to satisfy constraint: Member must be a valid integer",
    );
  });

  it('words RDS violations as InvalidParameterValue', () => {
    const error = failure('Action=DeleteDBInstance&Version=2014-10-31');
    expect(error.code).toBe('InvalidParameterValue');
    expect(error.message).toBe('The parameter DBInstanceIdentifier must be provided and must not be empty.');
  });

  it('compiles the IAM model patterns that need Unicode classes', () => {
    const tagKey = compiledModel('iam').shape('tagKeyType');
    expect(tagKey.pattern?.regex.test('Ünïcode key_1')).toBe(true);
    expect(tagKey.pattern?.regex.test('bad&key')).toBe(false);
  });
});
