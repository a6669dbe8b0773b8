// IAM groups through the real IAM client: lifecycle, members, policies and the conflicts that block deletion.
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteGroupPolicyCommand,
  DeleteUserCommand,
  DetachGroupPolicyCommand,
  GetGroupCommand,
  GetGroupPolicyCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListGroupPoliciesCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  PutGroupPolicyCommand,
  RemoveUserFromGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
let iam: IAMClient;
beforeAll(async () => {
  server = await startTestServer();
  iam = new IAMClient(server.client('111111111111'));
});
afterAll(async () => server.close());

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

describe('group lifecycle', () => {
  it('creates a group, adds members, lists both ways, renames and deletes it once empty', async () => {
    const created = await iam.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/eng/' }));
    expect(created.Group).toMatchObject({
      GroupName: 'devs',
      Path: '/eng/',
      Arn: 'arn:aws:iam::111111111111:group/eng/devs',
      GroupId: expect.stringMatching(/^AGPA/),
    });
    await iam.send(new CreateUserCommand({ UserName: 'u1' }));
    await iam.send(new CreateUserCommand({ UserName: 'u2' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'u2' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'u1' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'u1' }));

    const got = await iam.send(new GetGroupCommand({ GroupName: 'devs' }));
    expect(got.Users?.map((u) => u.UserName)).toEqual(['u1', 'u2']);
    const paged = await iam.send(new GetGroupCommand({ GroupName: 'devs', MaxItems: 1 }));
    expect(paged).toMatchObject({ IsTruncated: true, Users: [{ UserName: 'u1' }] });
    const forUser = await iam.send(new ListGroupsForUserCommand({ UserName: 'u1' }));
    expect(forUser.Groups?.map((g) => g.GroupName)).toEqual(['devs']);

    await expect(iam.send(new DeleteGroupCommand({ GroupName: 'devs' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove users from group first.',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(iam.send(new DeleteUserCommand({ UserName: 'u1' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must remove users from group first.',
    });

    await iam.send(new UpdateGroupCommand({ GroupName: 'devs', NewGroupName: 'builders' }));
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'builders', UserName: 'u1' }));
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'builders', UserName: 'u2' }));
    await expect(
      iam.send(new RemoveUserFromGroupCommand({ GroupName: 'builders', UserName: 'u2' })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
    await iam.send(new DeleteGroupCommand({ GroupName: 'builders' }));
    await expect(iam.send(new GetGroupCommand({ GroupName: 'builders' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The group with name builders cannot be found.',
    });
  });

  it('refuses duplicates and lists by path', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'ops', Path: '/x/' }));
    await expect(iam.send(new CreateGroupCommand({ GroupName: 'OPS' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'Group with name OPS already exists.',
    });
    const listed = await iam.send(new ListGroupsCommand({ PathPrefix: '/x/' }));
    expect(listed.Groups?.map((g) => g.GroupName)).toEqual(['ops']);
  });
});

describe('group policies', () => {
  it('keeps inline and attached policies, which block deletion until removed', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'auditors' }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'auditors', PolicyName: 'read', PolicyDocument: POLICY }));
    const got = await iam.send(new GetGroupPolicyCommand({ GroupName: 'auditors', PolicyName: 'read' }));
    expect(got).toMatchObject({ GroupName: 'auditors', PolicyName: 'read' });
    expect(JSON.parse(decodeURIComponent(got.PolicyDocument ?? ''))).toEqual(JSON.parse(POLICY));
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'auditors' }))).PolicyNames).toEqual(['read']);
    await expect(iam.send(new DeleteGroupCommand({ GroupName: 'auditors' }))).rejects.toMatchObject({
      message: 'Cannot delete entity, must delete policies first.',
    });
    await iam.send(new DeleteGroupPolicyCommand({ GroupName: 'auditors', PolicyName: 'read' }));

    const arn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'auditors', PolicyArn: arn }));
    const attached = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'auditors' }));
    expect(attached.AttachedPolicies).toEqual([{ PolicyName: 'ReadOnlyAccess', PolicyArn: arn }]);
    await expect(iam.send(new DeleteGroupCommand({ GroupName: 'auditors' }))).rejects.toMatchObject({
      message: 'Cannot delete entity, must detach all policies first.',
    });
    await iam.send(new DetachGroupPolicyCommand({ GroupName: 'auditors', PolicyArn: arn }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'auditors' }));
  });

  it('holds group inline policies to the 5,120-character aggregate', async () => {
    await iam.send(new CreateGroupCommand({ GroupName: 'big' }));
    const actions = Array.from({ length: 200 }, (_, i) => `s3:GetObjectVersion${i}x`);
    const large = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    await expect(
      iam.send(new PutGroupPolicyCommand({ GroupName: 'big', PolicyName: 'huge', PolicyDocument: large })),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Maximum policy size of 5120 bytes exceeded for group big',
    });
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'big' }))).PolicyNames).toEqual([]);
  });
});
