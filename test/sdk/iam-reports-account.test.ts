// Account-level IAM through the real IAM client: aliases (unique across accounts), the password policy, login
// profiles checked against it, and the account summary's counts.
import {
  CreateAccountAliasCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccountAliasesCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
let server: TestServer;
let iam: IAMClient;
let other: IAMClient;

beforeAll(async () => {
  server = await startTestServer();
  iam = new IAMClient(server.client(ACCOUNT));
  other = new IAMClient(server.client('222222222222'));
});
afterAll(async () => server.close());

describe('account aliases', () => {
  it('sets one alias per account, replacing the old one, and keeps aliases unique across accounts', async () => {
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-dev' }));
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['acme-prod']);
    expect(server.app.accounts.list().find((a) => a.id === ACCOUNT)?.alias).toBe('acme-prod');
    await expect(other.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'The account alias acme-prod already exists.',
      $metadata: { httpStatusCode: 409 },
    });
    await other.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-dev' }));
  });

  it('deletes only the current alias and refuses a malformed one', async () => {
    await expect(iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-dev' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      $metadata: { httpStatusCode: 404 },
    });
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-prod' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    await expect(iam.send(new CreateAccountAliasCommand({ AccountAlias: 'Bad--Alias' }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});

describe('password policy and login profiles', () => {
  it('answers NoSuchEntity without a policy, and reverts unset settings to their defaults', async () => {
    await expect(iam.send(new GetAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
    });
    await iam.send(new UpdateAccountPasswordPolicyCommand({}));
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toEqual({
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
      MinimumPasswordLength: 6,
      RequireLowercaseCharacters: false,
      RequireNumbers: false,
      RequireSymbols: false,
      RequireUppercaseCharacters: false,
    });
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 10,
        RequireNumbers: true,
        MaxPasswordAge: 60,
        PasswordReusePrevention: 3,
        HardExpiry: true,
      }),
    );
    expect((await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy).toMatchObject({
      MinimumPasswordLength: 10,
      RequireNumbers: true,
      ExpirePasswords: true,
      MaxPasswordAge: 60,
      PasswordReusePrevention: 3,
      HardExpiry: true,
    });
  });

  it('checks new passwords against the policy and never returns them', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'erin' }));
    await expect(
      iam.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'short1' })),
    ).rejects.toMatchObject({
      name: 'PasswordPolicyViolationException',
      message: 'Password should have a minimum length of 10',
    });
    await expect(
      iam.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'no-digits-here' })),
    ).rejects.toMatchObject({ message: 'Password should have at least one number' });
    const created = await iam.send(
      new CreateLoginProfileCommand({ UserName: 'erin', Password: 'correct-horse-1', PasswordResetRequired: true }),
    );
    expect(created.LoginProfile).toMatchObject({ UserName: 'erin', PasswordResetRequired: true });
    const stored = server.storage.db.prepare('SELECT password_hash FROM iam_login_profiles').all() as {
      password_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$/);
    expect(stored[0]!.password_hash).not.toContain('correct-horse-1');
    await expect(
      iam.send(new CreateLoginProfileCommand({ UserName: 'erin', Password: 'correct-horse-2' })),
    ).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'Login Profile for user erin already exists.',
    });
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'erin', PasswordResetRequired: false }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'erin' }))).LoginProfile?.PasswordResetRequired).toBe(
      false,
    );
  });

  it('refuses to delete a user with a login profile, then deletes both', async () => {
    await expect(iam.send(new DeleteUserCommand({ UserName: 'erin' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete entity, must delete login profile first.',
    });
    await iam.send(new DeleteLoginProfileCommand({ UserName: 'erin' }));
    await expect(iam.send(new GetLoginProfileCommand({ UserName: 'erin' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'Login Profile for User erin cannot be found.',
    });
    await iam.send(new DeleteUserCommand({ UserName: 'erin' }));
  });

  it('deletes the policy once', async () => {
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    await expect(iam.send(new DeleteAccountPasswordPolicyCommand({}))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The account policy with name PasswordPolicy cannot be found.',
    });
  });
});

describe('GetAccountSummary', () => {
  it('counts the entities of the calling account only, next to the quotas', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'frank' }));
    const mine = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap!;
    expect(mine).toMatchObject({ Users: 1, Groups: 0, Roles: 0, Providers: 0, UsersQuota: 5000, AccountMFAEnabled: 0 });
    expect((await other.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({ Users: 0 });
  });
});
