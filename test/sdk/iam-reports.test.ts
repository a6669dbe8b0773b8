// GetAccountAuthorizationDetails, ListEntitiesForPolicy and the credential report through the real IAM client,
// after setting up users, groups, roles, policies and keys. Policy documents arrive URL-encoded, as IAM sends them
// (the JavaScript SDK does not decode them).
import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListEntitiesForPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
const LIST_BUCKET = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}';
const TRUST =
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}';
let server: TestServer;
let iam: IAMClient;
let policyArn = '';

beforeAll(async () => {
  server = await startTestServer();
  iam = new IAMClient(server.client(ACCOUNT));
  policyArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'list-bucket', PolicyDocument: LIST_BUCKET })))
    .Policy!.Arn!;
  await iam.send(new CreateUserCommand({ UserName: 'gina', Tags: [{ Key: 'team', Value: 'data' }] }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'gina', PolicyName: 'inline', PolicyDocument: LIST_BUCKET }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'gina', PolicyArn: policyArn }));
  await iam.send(new CreateGroupCommand({ GroupName: 'analysts' }));
  await iam.send(new AddUserToGroupCommand({ GroupName: 'analysts', UserName: 'gina' }));
  await iam.send(
    new AttachGroupPolicyCommand({ GroupName: 'analysts', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
  );
  await iam.send(new CreateRoleCommand({ RoleName: 'worker', Path: '/app/', AssumeRolePolicyDocument: TRUST }));
  await iam.send(
    new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'role-inline', PolicyDocument: LIST_BUCKET }),
  );
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'worker', PolicyArn: policyArn }));
  await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'worker-profile' }));
  await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'worker-profile', RoleName: 'worker' }));
});
afterAll(async () => server.close());

describe('GetAccountAuthorizationDetails', () => {
  it('describes users with their inline and attached policies, groups and tags', async () => {
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['User'] }));
    expect(out.GroupDetailList).toEqual([]);
    expect(out.UserDetailList).toEqual([
      expect.objectContaining({
        UserName: 'gina',
        Arn: `arn:aws:iam::${ACCOUNT}:user/gina`,
        UserPolicyList: [{ PolicyName: 'inline', PolicyDocument: encodeURIComponent(LIST_BUCKET) }],
        GroupList: ['analysts'],
        AttachedManagedPolicies: [{ PolicyName: 'list-bucket', PolicyArn: policyArn }],
        Tags: [{ Key: 'team', Value: 'data' }],
      }),
    ]);
  });

  it('describes roles with their trust policy and instance profiles', async () => {
    const out = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    const [role] = out.RoleDetailList!;
    expect(role).toMatchObject({
      RoleName: 'worker',
      Path: '/app/',
      AssumeRolePolicyDocument: encodeURIComponent(TRUST),
      RolePolicyList: [{ PolicyName: 'role-inline', PolicyDocument: encodeURIComponent(LIST_BUCKET) }],
      AttachedManagedPolicies: [{ PolicyName: 'list-bucket', PolicyArn: policyArn }],
      InstanceProfileList: [{ InstanceProfileName: 'worker-profile', Roles: [{ RoleName: 'worker' }] }],
    });
  });

  it('lists customer policies with versions, and only the AWS managed policies the account uses', async () => {
    const local = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['LocalManagedPolicy'] }));
    expect(local.Policies).toEqual([
      expect.objectContaining({
        PolicyName: 'list-bucket',
        AttachmentCount: 2,
        PolicyVersionList: [
          expect.objectContaining({
            VersionId: 'v1',
            IsDefaultVersion: true,
            Document: encodeURIComponent(LIST_BUCKET),
          }),
        ],
      }),
    ]);
    const aws = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['AWSManagedPolicy'] }));
    expect(aws.Policies?.map((p) => [p.Arn, p.AttachmentCount])).toEqual([
      ['arn:aws:iam::aws:policy/ReadOnlyAccess', 1],
    ]);
  });

  it('pages across all the lists', async () => {
    const first = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2 }));
    expect(first).toMatchObject({ IsTruncated: true, UserDetailList: [{ UserName: 'gina' }], GroupDetailList: [{}] });
    const rest = await iam.send(new GetAccountAuthorizationDetailsCommand({ Marker: first.Marker }));
    expect(rest.IsTruncated).toBe(false);
    expect(rest.RoleDetailList?.map((r) => r.RoleName)).toEqual(['worker']);
    expect(rest.Policies?.map((p) => p.PolicyName)).toEqual(['list-bucket', 'ReadOnlyAccess']);
  });
});

describe('ListEntitiesForPolicy', () => {
  it('names the users, groups and roles a policy is attached to, filtered by entity type', async () => {
    const all = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policyArn }));
    expect(all.PolicyUsers?.map((u) => u.UserName)).toEqual(['gina']);
    expect(all.PolicyRoles?.map((r) => r.RoleName)).toEqual(['worker']);
    expect(all.PolicyGroups).toEqual([]);
    const roles = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: policyArn, EntityFilter: 'Role' }));
    expect(roles.PolicyUsers).toEqual([]);
    const managed = await iam.send(
      new ListEntitiesForPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    expect(managed.PolicyGroups?.map((g) => g.GroupName)).toEqual(['analysts']);
  });
});

describe('credential report', () => {
  it('is not present before it is generated', async () => {
    await expect(iam.send(new GetCredentialReportCommand({}))).rejects.toMatchObject({
      name: 'CredentialReportNotPresentException',
      $metadata: { httpStatusCode: 410 },
    });
  });

  it("lists the root user and each user's credentials as AWS's CSV", async () => {
    const key = await iam.send(new CreateAccessKeyCommand({ UserName: 'gina' }));
    const started = await iam.send(new GenerateCredentialReportCommand({}));
    expect(started.State).toBe('STARTED');
    expect((await iam.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await iam.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    const [header, root, gina] = Buffer.from(report.Content!).toString('utf8').trim().split('\n');
    expect(header!.split(',')).toHaveLength(22);
    expect(header).toMatch(/^user,arn,user_creation_time,password_enabled,password_last_used,/);
    expect(root).toMatch(new RegExp(`^<root_account>,arn:aws:iam::${ACCOUNT}:root,[^,]+,not_supported,`));
    const cells = gina!.split(',');
    expect(cells.slice(0, 2)).toEqual(['gina', `arn:aws:iam::${ACCOUNT}:user/gina`]);
    expect(cells[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(cells.slice(3, 8)).toEqual(['false', 'N/A', 'N/A', 'N/A', 'false']);
    expect(cells[8]).toBe('true');
    expect(key.AccessKey?.Status).toBe('Active');
    expect(cells.slice(13)).toEqual(['false', 'N/A', 'N/A', 'N/A', 'N/A', 'false', 'N/A', 'false', 'N/A']);
  });

  it('expires after four hours', async () => {
    // SigV4 keeps the server clock near real time, so the report is aged instead of the clock moved.
    server.storage.db.prepare('UPDATE iam_credential_reports SET generated_at = generated_at - ?').run(4 * 3600 * 1000);
    await expect(iam.send(new GetCredentialReportCommand({}))).rejects.toMatchObject({
      name: 'CredentialReportExpiredException',
      $metadata: { httpStatusCode: 410 },
    });
  });
});
