// IAM roles and instance profiles through the real IAM client: trust policies (checked and URL-encoded back),
// updates, tags, boundaries, policies and the conflicts that block deletion.
import {
  AddRoleToInstanceProfileCommand,
  AttachRolePolicyCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DetachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
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

const trust = (principal: Record<string, string>) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
  });

describe('role lifecycle', () => {
  it('creates a role and returns its trust policy URL-encoded, exactly as given', async () => {
    const document = trust({ Service: 'ec2.amazonaws.com' });
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: 'app',
        Path: '/svc/',
        AssumeRolePolicyDocument: document,
        Description: 'the app',
        MaxSessionDuration: 7200,
        Tags: [{ Key: 'env', Value: 'dev' }],
      }),
    );
    expect(created.Role).toMatchObject({
      RoleName: 'app',
      Arn: `arn:aws:iam::${ACCOUNT}:role/svc/app`,
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
      Description: 'the app',
      MaxSessionDuration: 7200,
    });
    const got = await iam.send(new GetRoleCommand({ RoleName: 'APP' }));
    expect(got.Role?.AssumeRolePolicyDocument).toBe(encodeURIComponent(document));
    expect(got.Role?.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
  });

  it('updates description, duration and trust policy', async () => {
    await iam.send(new UpdateRoleCommand({ RoleName: 'app', MaxSessionDuration: 43200 }));
    const described = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'app', Description: 'new' }));
    expect(described.Role).toMatchObject({ Description: 'new', MaxSessionDuration: 43200 });
    const next = trust({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'app', PolicyDocument: next }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'app' }));
    expect(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? '')).toBe(next);
  });

  it('refuses a session duration outside 3600-43200 seconds', async () => {
    await expect(iam.send(new UpdateRoleCommand({ RoleName: 'app', MaxSessionDuration: 60 }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });

  it('tags and untags a role', async () => {
    await iam.send(new TagRoleCommand({ RoleName: 'app', Tags: [{ Key: 'owner', Value: 'me' }] }));
    await iam.send(new UntagRoleCommand({ RoleName: 'app', TagKeys: ['env'] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'app' }))).Tags).toEqual([
      { Key: 'owner', Value: 'me' },
    ]);
  });

  it('lists roles without their tags', async () => {
    const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/svc/' }));
    expect(listed.Roles?.map((r) => r.RoleName)).toEqual(['app']);
    expect(listed.Roles?.[0]?.Tags).toBeUndefined();
  });
});

describe('trust policy checks', () => {
  it('keeps the service-linked role path for AWS: SCPs and RCPs do not bind roles under it', async () => {
    await expect(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'AWSServiceRoleForFake',
          Path: '/aws-service-role/s3.amazonaws.com/',
          AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }),
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles",
      $metadata: { httpStatusCode: 400 },
    });
    await expect(iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForFake' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
  });

  it('refuses a principal that does not exist, and stores nothing', async () => {
    const unknown = `arn:aws:iam::${ACCOUNT}:user/ghost`;
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: 'haunted', AssumeRolePolicyDocument: trust({ AWS: unknown }) })),
    ).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: `Invalid principal in policy: "AWS":"${unknown}"`,
      $metadata: { httpStatusCode: 400 },
    });
    await expect(iam.send(new GetRoleCommand({ RoleName: 'haunted' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role with name haunted cannot be found.',
    });
  });

  it('accepts users and roles that exist, accounts and other accounts', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'ghost' }));
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: [`arn:aws:iam::${ACCOUNT}:user/ghost`, '222222222222', `arn:aws:iam::${ACCOUNT}:role/svc/app`],
          },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: 'welcome', AssumeRolePolicyDocument: document })),
    ).resolves.toHaveProperty('Role.RoleName', 'welcome');
  });

  it('shows a trusted user that was deleted by its old unique id, even once the name is taken again', async () => {
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'fleeting' }));
    await iam.send(
      new CreateRoleCommand({ RoleName: 'remembers', AssumeRolePolicyDocument: trust({ AWS: User?.Arn ?? '' }) }),
    );
    await iam.send(new DeleteUserCommand({ UserName: 'fleeting' }));
    await iam.send(new CreateUserCommand({ UserName: 'fleeting' }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'remembers' }));
    const document = JSON.parse(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? ''));
    expect(document.Statement[0].Principal.AWS).toBe(User?.UserId);
  });

  it('refuses a malformed trust policy and a trust policy with a Resource', async () => {
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: '{"Version":"2012-10-17"' })),
    ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException' });
    const withResource = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole', Resource: '*' },
      ],
    });
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: 'broken', AssumeRolePolicyDocument: withResource })),
    ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Has prohibited field Resource' });
  });
});

describe('role policies and deletion', () => {
  it('blocks deletion while the role has policies, a boundary is fine', async () => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'worker',
        AssumeRolePolicyDocument: trust({ Service: 'lambda.amazonaws.com' }),
      }),
    );
    const inline = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
    });
    await iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'queues', PolicyDocument: inline }));
    const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'worker', PolicyName: 'queues' }));
    expect(got).toMatchObject({ RoleName: 'worker', PolicyName: 'queues', PolicyDocument: encodeURIComponent(inline) });
    await expect(iam.send(new GetRolePolicyCommand({ RoleName: 'worker', PolicyName: 'none' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The role policy with name none cannot be found.',
    });
    await expect(iam.send(new DeleteRoleCommand({ RoleName: 'worker' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete policies first.',
    });
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'worker', PolicyName: 'queues' }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'worker' }))).PolicyNames).toEqual([]);

    const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: basic }));
    await expect(iam.send(new DeleteRoleCommand({ RoleName: 'worker' }))).rejects.toMatchObject({
      message: 'Cannot delete entity, must detach all policies first.',
    });
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'worker', PolicyArn: basic }));
    await expect(iam.send(new DetachRolePolicyCommand({ RoleName: 'worker', PolicyArn: basic }))).rejects.toMatchObject(
      {
        name: 'NoSuchEntityException',
        message: `Policy ${basic} was not found.`,
      },
    );

    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'cap', PolicyDocument: inline }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'worker', PermissionsBoundary: Policy?.Arn }));
    expect((await iam.send(new GetRoleCommand({ RoleName: 'worker' }))).Role?.PermissionsBoundary).toEqual({
      PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
      PermissionsBoundaryArn: Policy?.Arn,
    });
    await iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: 'worker' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'worker' }));
  });

  it('refuses a boundary that names no policy', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/nothing`;
    await expect(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'capped',
          AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }),
          PermissionsBoundary: arn,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Scope ARN: ${arn} does not exist or is not attachable.`,
    });
  });
});

describe('instance profiles', () => {
  it('holds one role, which blocks deleting either until removed', async () => {
    await iam.send(
      new CreateRoleCommand({ RoleName: 'ec2', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }),
    );
    await iam.send(
      new CreateRoleCommand({ RoleName: 'ec2b', AssumeRolePolicyDocument: trust({ Service: 'ec2.amazonaws.com' }) }),
    );
    const created = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web', Path: '/p/' }));
    expect(created.InstanceProfile).toMatchObject({
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/p/web`,
      InstanceProfileId: expect.stringMatching(/^AIPA/),
      Roles: [],
    });
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2' }));
    await expect(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2b' })),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    });
    const got = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }));
    expect(got.InstanceProfile?.Roles?.map((r) => r.RoleName)).toEqual(['ec2']);
    const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'ec2' }));
    expect(forRole.InstanceProfiles?.map((p) => p.InstanceProfileName)).toEqual(['web']);
    await expect(iam.send(new DeleteRoleCommand({ RoleName: 'ec2' }))).rejects.toMatchObject({
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
    await expect(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' }))).rejects.toMatchObject({
      message: 'Cannot delete entity, must remove roles from instance profile first.',
    });
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2' }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'ec2' }));
    await expect(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Instance Profile web cannot be found.',
    });
  });
});
