// The IAM policy simulator through the real IAM client, running on xacct's engine: decisions, matched statement
// positions in the policy text, context keys, boundaries, resource policies and a principal's stored policies.
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  IAMClient,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
let server: TestServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startTestServer();
  iam = new IAMClient(server.client(ACCOUNT));
});
afterAll(async () => server.close());

// The policy of the AWS CLI reference's simulate-custom-policy example, on one line.
const DYNAMO_AFTER_DATE =
  '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2018-08-16T12:00:00Z"}}}}';

const S3_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::data/*' },
      { Sid: 'NoDelete', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
    ],
  },
  null,
  2,
);

describe('SimulateCustomPolicy', () => {
  it('allows with the context key given and reports the statement position AWS documents', async () => {
    const out = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [DYNAMO_AFTER_DATE],
        ActionNames: ['dynamodb:CreateBackup'],
        ContextEntries: [
          { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2019-04-25T11:00:00Z'], ContextKeyType: 'date' },
        ],
      }),
    );
    expect(out.EvaluationResults).toEqual([
      {
        EvalActionName: 'dynamodb:CreateBackup',
        EvalResourceName: '*',
        EvalDecision: 'allowed',
        MatchedStatements: [
          {
            SourcePolicyId: 'PolicyInputList.1',
            SourcePolicyType: 'none',
            StartPosition: { Line: 1, Column: 38 },
            EndPosition: { Line: 1, Column: 167 },
          },
        ],
        MissingContextValues: [],
      },
    ]);
  });

  it('denies implicitly when the date is too early, and names the key when it is missing', async () => {
    const early = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [DYNAMO_AFTER_DATE],
        ActionNames: ['dynamodb:CreateBackup'],
        ContextEntries: [
          { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: ['2014-04-25T11:00:00Z'], ContextKeyType: 'date' },
        ],
      }),
    );
    expect(early.EvaluationResults?.[0]).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
    const missing = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [DYNAMO_AFTER_DATE], ActionNames: ['dynamodb:CreateBackup'] }),
    );
    expect(missing.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      MissingContextValues: ['aws:CurrentTime'],
    });
  });

  it('reports an explicit deny with the Deny statement position in a multi-line policy, per resource', async () => {
    const out = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [S3_POLICY],
        ActionNames: ['s3:GetObject', 's3:DeleteObject'],
        ResourceArns: ['arn:aws:s3:::data/report.csv'],
      }),
    );
    const [get, del] = out.EvaluationResults!;
    expect(get).toMatchObject({
      EvalActionName: 's3:GetObject',
      EvalResourceName: 'arn:aws:s3:::data/report.csv',
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', StartPosition: { Line: 4, Column: 6 } }],
      ResourceSpecificResults: [{ EvalResourceName: 'arn:aws:s3:::data/report.csv', EvalResourceDecision: 'allowed' }],
    });
    expect(del).toMatchObject({
      EvalDecision: 'explicitDeny',
      MatchedStatements: [
        {
          SourcePolicyId: 'PolicyInputList.1',
          StartPosition: { Line: 13, Column: 6 },
          EndPosition: { Line: 18, Column: 6 },
        },
      ],
    });
  });

  it('applies a permissions boundary and a resource policy, and pages through results', async () => {
    const boundary = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    });
    const bounded = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [S3_POLICY],
        PermissionsBoundaryPolicyInputList: [boundary],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::data/a'],
        MaxItems: 1,
      }),
    );
    expect(bounded.EvaluationResults).toHaveLength(1);
    expect(bounded.EvaluationResults?.[0]?.PermissionsBoundaryDecisionDetail).toEqual({
      AllowedByPermissionsBoundary: true,
    });
    expect(bounded.IsTruncated).toBe(true);
    const next = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [S3_POLICY],
        PermissionsBoundaryPolicyInputList: [boundary],
        ActionNames: ['s3:GetObject', 's3:PutObject'],
        ResourceArns: ['arn:aws:s3:::data/a'],
        Marker: bounded.Marker,
      }),
    );
    expect(next.EvaluationResults?.[0]).toMatchObject({
      EvalActionName: 's3:PutObject',
      EvalDecision: 'implicitDeny',
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
    const bucketPolicy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/carol` },
          Action: 's3:PutObject',
          Resource: 'arn:aws:s3:::data/*',
        },
      ],
    });
    const viaResource = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [S3_POLICY],
        ActionNames: ['s3:PutObject'],
        ResourceArns: ['arn:aws:s3:::data/a'],
        ResourcePolicy: bucketPolicy,
        CallerArn: `arn:aws:iam::${ACCOUNT}:user/carol`,
        ResourceOwner: `arn:aws:iam::${ACCOUNT}:root`,
      }),
    );
    expect(viaResource.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }],
    });
  });

  it('refuses an invalid policy with InvalidInput', async () => {
    await expect(
      iam.send(
        new SimulateCustomPolicyCommand({
          PolicyInputList: ['{"Statement":[{"Effect":"Allow"}]}'],
          ActionNames: ['s3:GetObject'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidInputException', $metadata: { httpStatusCode: 400 } });
  });

  it('lists the context keys a policy reads', async () => {
    const out = await iam.send(
      new GetContextKeysForCustomPolicyCommand({
        PolicyInputList: [
          DYNAMO_AFTER_DATE,
          '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}/*"}}',
        ],
      }),
    );
    expect(out.ContextKeyNames).toEqual(['aws:CurrentTime', 'aws:username']);
  });
});

describe('SimulatePrincipalPolicy', () => {
  beforeAll(async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dave' }));
    await iam.send(
      new PutUserPolicyCommand({
        UserName: 'dave',
        PolicyName: 'own-prefix',
        PolicyDocument:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}',
      }),
    );
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'dave' }));
    await iam.send(
      new AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
  });

  it("evaluates the user's inline policy with its variables and the group's AWS managed policy", async () => {
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/dave`,
        ActionNames: ['s3:PutObject', 's3:GetObject', 'iam:CreateUser'],
        ResourceArns: ['arn:aws:s3:::home/dave/notes.txt'],
      }),
    );
    const [put, get, create] = out.EvaluationResults!;
    expect(put).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [
        { SourcePolicyId: 'own-prefix', SourcePolicyType: 'user', StartPosition: { Line: 1, Column: 39 } },
      ],
    });
    expect(get).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'ReadOnlyAccess', SourcePolicyType: 'aws-managed' }],
    });
    expect(create).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
  });

  it("applies the user's permissions boundary and reports it separately", async () => {
    const policy = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'only-get',
        PolicyDocument:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
      }),
    );
    await iam.send(
      new PutUserPermissionsBoundaryCommand({ UserName: 'dave', PermissionsBoundary: policy.Policy!.Arn! }),
    );
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/dave`,
        ActionNames: ['s3:PutObject'],
        ResourceArns: ['arn:aws:s3:::home/dave/notes.txt'],
      }),
    );
    expect(out.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: 'implicitDeny',
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false },
    });
  });

  it('simulates a role and refuses unknown principals', async () => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'empty',
        AssumeRolePolicyDocument:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      }),
    );
    const out = await iam.send(
      new SimulatePrincipalPolicyCommand({
        PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/empty`,
        ActionNames: ['s3:ListBucket'],
        PolicyInputList: [
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:List*","Resource":"*"}]}',
        ],
      }),
    );
    expect(out.EvaluationResults?.[0]).toMatchObject({
      EvalDecision: 'allowed',
      MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }],
    });
    await expect(
      iam.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`,
          ActionNames: ['s3:ListBucket'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchEntityException', message: 'The user with name nobody cannot be found.' });
  });

  it('is itself authorized: a user without iam:SimulatePrincipalPolicy is denied', async () => {
    const other = new IAMClient(server.client('222222222222'));
    await expect(
      other.send(
        new SimulatePrincipalPolicyCommand({
          PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/dave`,
          ActionNames: ['s3:GetObject'],
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});
