// The query protocol against the real SDK clients: what they send parses, what we answer they read.
import { CreateRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { type SdkEndpoint, type StubHandler, startSdkEndpoint } from '../testing/sdk-endpoint.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const expiration = new Date('2026-01-02T03:04:05.678Z');
const created = new Date('2026-01-01T00:00:00Z');

const handler: StubHandler = (route, input) => {
  switch (route.operation) {
    case 'AssumeRole':
      if (input.RoleArn === 'arn:aws:iam::111122223333:role/denied') {
        throw new AwsError('AccessDenied', 'User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole', {
          status: 403,
        });
      }
      return {
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't<&>', Expiration: expiration },
        AssumedRoleUser: { AssumedRoleId: 'AROA1:s', Arn: 'arn:aws:sts::111122223333:assumed-role/r/s' },
        PackedPolicySize: 6,
      };
    case 'CreateRole':
      return {
        Role: {
          Path: '/',
          RoleName: input.RoleName,
          RoleId: 'AROAEXAMPLE',
          Arn: `arn:aws:iam::111122223333:role/${String(input.RoleName)}`,
          CreateDate: created,
          Tags: input.Tags,
          MaxSessionDuration: 3600,
        },
      };
    case 'ListRoles':
      return { Roles: [], IsTruncated: false };
    case 'DescribeDBInstances':
      return {
        DBInstances: [
          { DBInstanceIdentifier: 'db1', VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-1', Status: 'active' }] },
        ],
      };
    default:
      throw new Error(`unexpected ${route.operation}`);
  }
};

let endpoint: SdkEndpoint;
beforeAll(async () => {
  endpoint = await startSdkEndpoint(handler);
});
afterAll(() => endpoint.close());

function client<T>(Ctor: new (config: object) => T): T {
  return new Ctor({ endpoint: endpoint.url, region: 'us-east-1', credentials });
}

describe('STS through @aws-sdk/client-sts', () => {
  it('parses AssumeRole and the SDK reads the result', async () => {
    const out = await client(STSClient).send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::111122223333:role/r',
        RoleSessionName: 'sess',
        DurationSeconds: 900,
        Tags: [{ Key: 'team', Value: 'a b' }],
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      }),
    );
    const input = endpoint.calls.at(-1)?.input;
    expect(input).toEqual({
      RoleArn: 'arn:aws:iam::111122223333:role/r',
      RoleSessionName: 'sess',
      DurationSeconds: 900,
      Tags: [{ Key: 'team', Value: 'a b' }],
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
    });
    expect(out.Credentials?.SessionToken).toBe('t<&>');
    expect(out.Credentials?.Expiration?.toISOString()).toBe(expiration.toISOString());
    expect(out.PackedPolicySize).toBe(6);
    expect(out.$metadata.requestId).toBe('c0ffee00-0000-4000-8000-000000000001');
  });

  it('surfaces a handler error with its code, status and message', async () => {
    const call = client(STSClient).send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/denied', RoleSessionName: 'sess' }),
    );
    await expect(call).rejects.toMatchObject({
      name: 'AccessDenied',
      message: 'User: arn:aws:iam::1:user/u is not authorized to perform: sts:AssumeRole',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('rejects a bad session name with the validation text AWS uses', async () => {
    const call = client(STSClient).send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/r', RoleSessionName: 'a b' }),
    );
    await expect(call).rejects.toMatchObject({
      name: 'ValidationError',
      message:
        "1 validation error detected: Value 'a b' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
      $metadata: { httpStatusCode: 400 },
    });
  });
});

describe('IAM and RDS through their SDK clients', () => {
  it('creates a role with tags and reads the role back', async () => {
    const out = await client(IAMClient).send(
      new CreateRoleCommand({
        RoleName: 'app',
        AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'owner', Value: 'x+y @z' },
        ],
      }),
    );
    expect(endpoint.calls.at(-1)?.input.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'owner', Value: 'x+y @z' },
    ]);
    expect(out.Role?.Arn).toBe('arn:aws:iam::111122223333:role/app');
    expect(out.Role?.CreateDate?.getTime()).toBe(created.getTime());
    expect(out.Role?.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'owner', Value: 'x+y @z' },
    ]);
  });

  it('writes an empty list the SDK reads as empty', async () => {
    const out = await client(IAMClient).send(new ListRolesCommand({}));
    expect(out.Roles ?? []).toEqual([]);
    expect(out.IsTruncated).toBe(false);
  });

  it('writes lists with named members (RDS VpcSecurityGroupMembership)', async () => {
    const out = await client(RDSClient).send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'db1' }));
    expect(out.DBInstances?.[0]?.VpcSecurityGroups).toEqual([{ VpcSecurityGroupId: 'sg-1', Status: 'active' }]);
  });

  it('answers an action the service lacks with InvalidAction', async () => {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=MakeCoffee&Version=2010-05-08',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>InvalidAction</Code><Message>Could not find operation MakeCoffee for version 2010-05-08</Message></Error><RequestId>c0ffee00-0000-4000-8000-000000000001</RequestId></ErrorResponse>',
    );
  });
});
