// IAM state survives a restart: entities, policies, keys and what they allow are read back from the data directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetGroupCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'xacct-iam-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const listUsers = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }],
});

describe('restart', () => {
  it('reads back users, groups, roles, policies and keys, and the keys still sign with their grants', async () => {
    const first = await startTestServer({ dataDir });
    const admin = new IAMClient(first.client('111111111111'));
    const user = await admin.send(new CreateUserCommand({ UserName: 'kept', Tags: [{ Key: 'a', Value: 'b' }] }));
    await admin.send(new CreateGroupCommand({ GroupName: 'keepers' }));
    await admin.send(new AddUserToGroupCommand({ GroupName: 'keepers', UserName: 'kept' }));
    const { Policy } = await admin.send(new CreatePolicyCommand({ PolicyName: 'ListThem', PolicyDocument: listUsers }));
    await admin.send(new AttachGroupPolicyCommand({ GroupName: 'keepers', PolicyArn: Policy?.Arn }));
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: user.User?.Arn }, Action: 'sts:AssumeRole' }],
    });
    const role = await admin.send(new CreateRoleCommand({ RoleName: 'kept-role', AssumeRolePolicyDocument: trust }));
    const { AccessKey } = await admin.send(new CreateAccessKeyCommand({ UserName: 'kept' }));
    await first.close();

    const second = await startTestServer({ dataDir });
    try {
      const again = new IAMClient(second.client('111111111111'));
      const readUser = await again.send(new GetUserCommand({ UserName: 'kept' }));
      expect(readUser.User).toMatchObject({ UserId: user.User?.UserId, Tags: [{ Key: 'a', Value: 'b' }] });
      const group = await again.send(new GetGroupCommand({ GroupName: 'keepers' }));
      expect(group.Users?.map((u) => u.UserName)).toEqual(['kept']);
      expect((await again.send(new GetPolicyCommand({ PolicyArn: Policy?.Arn }))).Policy?.AttachmentCount).toBe(1);
      expect((await again.send(new GetRoleCommand({ RoleName: 'kept-role' }))).Role?.RoleId).toBe(role.Role?.RoleId);

      const asUser = new IAMClient(
        second.client({ accessKeyId: AccessKey?.AccessKeyId ?? '', secretAccessKey: AccessKey?.SecretAccessKey ?? '' }),
      );
      const listed = await asUser.send(new ListUsersCommand({}));
      expect(listed.Users?.map((u) => u.UserName)).toEqual(['kept']);
    } finally {
      await second.close();
    }
  });
});
