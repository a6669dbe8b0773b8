// SCPs and RCPs as the pipeline enforces them, seen through real IAM, STS and Organizations clients: member
// principals (users and the root) are limited by the SCPs on their path, the management account never is;
// RCPs limit what anyone may do to a member account's resources; aws:PrincipalOrgID works in trust policies; and
// CreateAccount's OrganizationAccountAccessRole can be assumed from the management account.
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  IAMClient,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import {
  AcceptHandshakeCommand,
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationalUnitCommand,
  DetachPolicyCommand,
  EnablePolicyTypeCommand,
  InviteAccountToOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, startTestServer, type TestServer } from './harness.js';

const MGMT = '111111111111';
const MEMBER = '222222222222';
const OUTSIDER = '333333333333';

let server: TestServer;
let orgs: OrganizationsClient;
let orgId: string;
let rootId: string;
let sandboxOu: string;
let workloadAccount: string;
let names = 0;

beforeAll(async () => {
  server = await startTestServer();
  orgs = new OrganizationsClient(server.client(MGMT));
  orgId = (await orgs.send(new CreateOrganizationCommand({}))).Organization?.Id as string;
  rootId = (await orgs.send(new ListRootsCommand({}))).Roots?.[0]?.Id as string;
  await orgs.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'SERVICE_CONTROL_POLICY' }));
  await orgs.send(new EnablePolicyTypeCommand({ RootId: rootId, PolicyType: 'RESOURCE_CONTROL_POLICY' }));
  sandboxOu = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'sandbox' })))
    .OrganizationalUnit?.Id as string;
  const { Handshake } = await orgs.send(
    new InviteAccountToOrganizationCommand({ Target: { Id: MEMBER, Type: 'ACCOUNT' } }),
  );
  await new OrganizationsClient(server.client(MEMBER)).send(new AcceptHandshakeCommand({ HandshakeId: Handshake?.Id }));
  await orgs.send(
    new MoveAccountCommand({ AccountId: MEMBER, SourceParentId: rootId, DestinationParentId: sandboxOu }),
  );
  const created = await orgs.send(new CreateAccountCommand({ Email: 'workload@example.com', AccountName: 'workload' }));
  const status = await orgs.send(
    new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: created.CreateAccountStatus?.Id }),
  );
  workloadAccount = status.CreateAccountStatus?.AccountId as string;
});
afterAll(async () => server.close());

const iam = (credentials: Credentials | string) => new IAMClient(server.client(credentials));
const sts = (credentials: Credentials | string) => new STSClient(server.client(credentials));

function uniqueName(prefix: string): string {
  names += 1;
  return `${prefix}-${names}`;
}

async function createPolicy(
  type: 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY',
  document: object,
): Promise<string> {
  const { Policy } = await orgs.send(
    new CreatePolicyCommand({
      Name: uniqueName('policy'),
      Description: '',
      Type: type,
      Content: JSON.stringify(document),
    }),
  );
  return Policy?.PolicySummary?.Id as string;
}

/** An IAM user of `account` with an inline policy and an access key. */
async function userWith(account: string, statements: object[]): Promise<{ arn: string; credentials: Credentials }> {
  const userName = uniqueName('user');
  const { User } = await iam(account).send(new CreateUserCommand({ UserName: userName }));
  await iam(account).send(
    new PutUserPolicyCommand({
      UserName: userName,
      PolicyName: 'inline',
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    }),
  );
  const { AccessKey } = await iam(account).send(new CreateAccessKeyCommand({ UserName: userName }));
  return {
    arn: User?.Arn as string,
    credentials: {
      accessKeyId: AccessKey?.AccessKeyId as string,
      secretAccessKey: AccessKey?.SecretAccessKey as string,
    },
  };
}

const DENY_CREATE_USER = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }],
};
const ALLOW_EVERYTHING = [{ Effect: 'Allow', Action: '*', Resource: '*' }];

describe('service control policies', () => {
  it('denies a member root by an SCP on its OU, spares the management account, and lifts on detach', async () => {
    const scp = await createPolicy('SERVICE_CONTROL_POLICY', DENY_CREATE_USER);
    await orgs.send(new AttachPolicyCommand({ PolicyId: scp, TargetId: sandboxOu }));
    await orgs.send(new AttachPolicyCommand({ PolicyId: scp, TargetId: rootId }));
    await expect(iam(MEMBER).send(new CreateUserCommand({ UserName: 'blocked' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
      message: expect.stringMatching(
        new RegExp(
          `^User: arn:aws:iam::${MEMBER}:root is not authorized to perform: iam:CreateUser on resource: ` +
            `arn:aws:iam::${MEMBER}:user/blocked with an explicit deny in a service control policy: ` +
            `arn:aws:organizations::${MGMT}:policy/o-[a-z0-9]+/service_control_policy/${scp}$`,
        ),
      ),
    });
    const mgmtUser = await iam(MGMT).send(new CreateUserCommand({ UserName: 'mgmt-unaffected' }));
    expect(mgmtUser.User?.UserName).toBe('mgmt-unaffected');
    await orgs.send(new DetachPolicyCommand({ PolicyId: scp, TargetId: rootId }));
    await orgs.send(new DetachPolicyCommand({ PolicyId: scp, TargetId: sandboxOu }));
    const allowed = await iam(MEMBER).send(new CreateUserCommand({ UserName: 'blocked' }));
    expect(allowed.User?.Arn).toBe(`arn:aws:iam::${MEMBER}:user/blocked`);
  });

  it('denies a member IAM user whose own policy allows everything', async () => {
    const user = await userWith(MEMBER, ALLOW_EVERYTHING);
    const scp = await createPolicy('SERVICE_CONTROL_POLICY', DENY_CREATE_USER);
    await orgs.send(new AttachPolicyCommand({ PolicyId: scp, TargetId: sandboxOu }));
    await expect(iam(user.credentials).send(new CreateUserCommand({ UserName: 'by-user' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: expect.stringMatching(
        new RegExp(
          `^User: ${user.arn} is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${MEMBER}:user/by-user ` +
            `with an explicit deny in a service control policy: arn:aws:organizations::${MGMT}:policy/o-[a-z0-9]+/service_control_policy/${scp}$`,
        ),
      ),
    });
    await orgs.send(new DetachPolicyCommand({ PolicyId: scp, TargetId: sandboxOu }));
    await expect(iam(user.credentials).send(new CreateUserCommand({ UserName: 'by-user' }))).resolves.toBeDefined();
  });

  it('denies implicitly when an allow-list SCP at the OU lacks the action', async () => {
    const allowList = await createPolicy('SERVICE_CONTROL_POLICY', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 'sts:*'], Resource: '*' }],
    });
    await orgs.send(new AttachPolicyCommand({ PolicyId: allowList, TargetId: sandboxOu }));
    await orgs.send(new DetachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: sandboxOu }));
    const denied = await iam(MEMBER)
      .send(new CreateUserCommand({ UserName: 'allow-listed' }))
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({
      name: 'AccessDenied',
      message: expect.stringMatching(/because no service control policy allows the iam:CreateUser action$/),
    });
    const eventId = (denied as { $response?: { headers: Record<string, string> } }).$response?.headers[
      'x-xacct-event-id'
    ];
    expect(server.app.trail.get(eventId as string)).toMatchObject({
      decision: 'ImplicitDeny',
      deniedBy: 'service control',
    });
    await orgs.send(new AttachPolicyCommand({ PolicyId: 'p-FullAWSAccess', TargetId: sandboxOu }));
    await orgs.send(new DetachPolicyCommand({ PolicyId: allowList, TargetId: sandboxOu }));
    await expect(iam(MEMBER).send(new CreateUserCommand({ UserName: 'allow-listed' }))).resolves.toBeDefined();
  });
});

describe('aws:PrincipalOrgID', () => {
  it('lets principals of the organization, and only them, assume a role that trusts the organization', async () => {
    const roleName = uniqueName('org-role');
    await iam(MEMBER).send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: '*' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': orgId } },
            },
          ],
        }),
      }),
    );
    const roleArn = `arn:aws:iam::${MEMBER}:role/${roleName}`;
    const insider = await userWith(MGMT, [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
    const outsider = await userWith(OUTSIDER, [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
    const assumed = await sts(insider.credentials).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'session' }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${MEMBER}:assumed-role/${roleName}/session`);
    await expect(
      sts(outsider.credentials).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'session' })),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
  });
});

describe('resource control policies', () => {
  it('blocks an outside account from assuming a member role, and only while attached', async () => {
    const roleName = uniqueName('shared-role');
    await iam(MEMBER).send(
      new CreateRoleCommand({
        RoleName: roleName,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OUTSIDER}:root` }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const roleArn = `arn:aws:iam::${MEMBER}:role/${roleName}`;
    const outsider = await userWith(OUTSIDER, [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
    const rcp = await createPolicy('RESOURCE_CONTROL_POLICY', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'sts:AssumeRole',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': orgId } },
        },
      ],
    });
    await orgs.send(new AttachPolicyCommand({ PolicyId: rcp, TargetId: sandboxOu }));
    const denied = await sts(outsider.credentials)
      .send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'session' }))
      .catch((e: unknown) => e);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const eventId = (denied as { $response?: { headers: Record<string, string> } }).$response?.headers[
      'x-xacct-event-id'
    ];
    expect(server.app.trail.get(eventId as string)).toMatchObject({
      decision: 'ExplicitDeny',
      deniedBy: 'resource control',
    });
    await orgs.send(new DetachPolicyCommand({ PolicyId: rcp, TargetId: sandboxOu }));
    const assumed = await sts(outsider.credentials).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'session' }),
    );
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });
});

describe('authorization of Organizations calls', () => {
  it('authorizes management account users on the ARN of the OU they name', async () => {
    const ouArn = `arn:aws:organizations::${MGMT}:ou/${orgId}/${sandboxOu}`;
    const user = await userWith(MGMT, [
      { Effect: 'Allow', Action: 'organizations:DescribeOrganizationalUnit', Resource: ouArn },
    ]);
    const client = new OrganizationsClient(server.client(user.credentials));
    const { OrganizationalUnit } = await client.send(
      new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: sandboxOu }),
    );
    expect(OrganizationalUnit?.Name).toBe('sandbox');
    const other = (await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: uniqueName('ou') })))
      .OrganizationalUnit?.Id as string;
    await expect(
      client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: other })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message:
        `User: ${user.arn} is not authorized to perform: organizations:DescribeOrganizationalUnit on resource: ` +
        `arn:aws:organizations::${MGMT}:ou/${orgId}/${other} because no identity-based policy allows the ` +
        'organizations:DescribeOrganizationalUnit action',
    });
  });
});

describe('CreateAccount', () => {
  it('gives the new account an OrganizationAccountAccessRole that trusts the management account', async () => {
    const { Role } = await iam(workloadAccount).send(new GetRoleCommand({ RoleName: 'OrganizationAccountAccessRole' }));
    expect(Role?.Arn).toBe(`arn:aws:iam::${workloadAccount}:role/OrganizationAccountAccessRole`);
    const trust = JSON.parse(decodeURIComponent(Role?.AssumeRolePolicyDocument as string));
    expect(trust.Statement).toEqual([
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MGMT}:root` }, Action: 'sts:AssumeRole' },
    ]);
  });

  it('lets a management account user assume that role and administer the new account', async () => {
    const admin = await userWith(MGMT, [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]);
    const roleArn = `arn:aws:iam::${workloadAccount}:role/OrganizationAccountAccessRole`;
    const { Credentials: session } = await sts(admin.credentials).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'admin' }),
    );
    const credentials = {
      accessKeyId: session?.AccessKeyId as string,
      secretAccessKey: session?.SecretAccessKey as string,
      sessionToken: session?.SessionToken,
    };
    const identity = await sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${workloadAccount}:assumed-role/OrganizationAccountAccessRole/admin`);
    const { User } = await iam(credentials).send(new CreateUserCommand({ UserName: 'made-by-admin' }));
    expect(User?.Arn).toBe(`arn:aws:iam::${workloadAccount}:user/made-by-admin`);
  });
});
