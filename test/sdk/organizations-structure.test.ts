// Organizations structure through the real client: the organization, created and invited accounts, OUs, moves,
// handshakes, tags, paging, who may call what, and the errors AWS gives for each misuse.
import {
  AcceptHandshakeCommand,
  CancelHandshakeCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  DeclineHandshakeCommand,
  DeleteOrganizationalUnitCommand,
  DeleteOrganizationCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  InviteAccountToOrganizationCommand,
  LeaveOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListChildrenCommand,
  ListCreateAccountStatusCommand,
  ListHandshakesForAccountCommand,
  ListHandshakesForOrganizationCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListRootsCommand,
  ListTagsForResourceCommand,
  MoveAccountCommand,
  OrganizationsClient,
  RemoveAccountFromOrganizationCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateOrganizationalUnitCommand,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const MGMT = '111111111111';
const INVITED = '222222222222';
const OUTSIDER = '333333333333';

let server: TestServer;
let orgs: (account?: string) => OrganizationsClient;
let orgId: string;
let rootId: string;

beforeAll(async () => {
  server = await startTestServer();
  orgs = (account = MGMT) => new OrganizationsClient(server.client(account));
  const created = await orgs().send(new CreateOrganizationCommand({}));
  orgId = created.Organization?.Id ?? '';
  rootId = (await orgs().send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
});
afterAll(async () => server.close());

async function invited(account: string): Promise<void> {
  const { Handshake } = await orgs().send(
    new InviteAccountToOrganizationCommand({ Target: { Id: account, Type: 'ACCOUNT' } }),
  );
  await orgs(account).send(new AcceptHandshakeCommand({ HandshakeId: Handshake?.Id }));
}

describe('the organization', () => {
  it('makes the caller the management account, with AWS id and ARN formats', async () => {
    expect(orgId).toMatch(/^o-[a-z0-9]{10}$/);
    expect(rootId).toMatch(/^r-[a-z0-9]{4}$/);
    const { Organization } = await orgs().send(new DescribeOrganizationCommand({}));
    expect(Organization).toMatchObject({
      Id: orgId,
      Arn: `arn:aws:organizations::${MGMT}:organization/${orgId}`,
      FeatureSet: 'ALL',
      MasterAccountId: MGMT,
      MasterAccountArn: `arn:aws:organizations::${MGMT}:account/${orgId}/${MGMT}`,
    });
    const { Roots } = await orgs().send(new ListRootsCommand({}));
    expect(Roots).toEqual([
      { Id: rootId, Arn: `arn:aws:organizations::${MGMT}:root/${orgId}/${rootId}`, Name: 'Root', PolicyTypes: [] },
    ]);
  });

  it('refuses a second organization for an account already in one', async () => {
    await expect(orgs().send(new CreateOrganizationCommand({}))).rejects.toMatchObject({
      name: 'AlreadyInOrganizationException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('answers accounts outside any organization with AWSOrganizationsNotInUseException', async () => {
    await expect(orgs(OUTSIDER).send(new DescribeOrganizationCommand({}))).rejects.toMatchObject({
      name: 'AWSOrganizationsNotInUseException',
      message: 'Your account is not a member of an organization.',
    });
  });
});

describe('accounts', () => {
  it('answers a CreateAccount request IN_PROGRESS, which has succeeded by the first status read', async () => {
    const { CreateAccountStatus } = await orgs().send(
      new CreateAccountCommand({ Email: 'dev@example.com', AccountName: 'dev', Tags: [{ Key: 'env', Value: 'dev' }] }),
    );
    expect(CreateAccountStatus).toMatchObject({ State: 'IN_PROGRESS', AccountName: 'dev' });
    expect(CreateAccountStatus?.AccountId).toBeUndefined();
    expect(CreateAccountStatus?.Id).toMatch(/^car-[a-z0-9]+$/);
    const status = await orgs().send(
      new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: CreateAccountStatus?.Id }),
    );
    expect(status.CreateAccountStatus).toMatchObject({ State: 'SUCCEEDED', AccountName: 'dev' });
    const account = status.CreateAccountStatus?.AccountId as string;
    expect(account).toMatch(/^\d{12}$/);
    expect(server.app.accounts.find(account)).toBeDefined();
    const { Account } = await orgs().send(new DescribeAccountCommand({ AccountId: account }));
    expect(Account).toMatchObject({
      Id: account,
      Arn: `arn:aws:organizations::${MGMT}:account/${orgId}/${account}`,
      Email: 'dev@example.com',
      Name: 'dev',
      Status: 'ACTIVE',
      JoinedMethod: 'CREATED',
    });
    const tags = await orgs().send(new ListTagsForResourceCommand({ ResourceId: account }));
    expect(tags.Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
  });

  it('fails a CreateAccount request whose email is already used', async () => {
    const { CreateAccountStatus } = await orgs().send(
      new CreateAccountCommand({ Email: 'dev@example.com', AccountName: 'again' }),
    );
    expect(CreateAccountStatus).toMatchObject({ State: 'IN_PROGRESS' });
    const failed = await orgs().send(new ListCreateAccountStatusCommand({ States: ['FAILED'] }));
    expect(failed.CreateAccountStatuses?.map((s) => s.Id)).toEqual([CreateAccountStatus?.Id]);
    expect(failed.CreateAccountStatuses?.[0]).toMatchObject({ FailureReason: 'EMAIL_ALREADY_EXISTS' });
  });

  it('lets an invited account join by accepting the handshake', async () => {
    const { Handshake } = await orgs().send(
      new InviteAccountToOrganizationCommand({
        Target: { Id: INVITED, Type: 'ACCOUNT' },
        Notes: 'join us',
        Tags: [{ Key: 'source', Value: 'invited' }],
      }),
    );
    expect(Handshake).toMatchObject({ State: 'OPEN', Action: 'INVITE' });
    expect(Handshake?.Arn).toBe(`arn:aws:organizations::${MGMT}:handshake/${orgId}/invite/${Handshake?.Id}`);
    const pending = await orgs(INVITED).send(new ListHandshakesForAccountCommand({}));
    expect(pending.Handshakes?.map((h) => h.Id)).toEqual([Handshake?.Id]);
    await expect(
      orgs().send(new InviteAccountToOrganizationCommand({ Target: { Id: INVITED, Type: 'ACCOUNT' } })),
    ).rejects.toMatchObject({ name: 'DuplicateHandshakeException' });
    const accepted = await orgs(INVITED).send(new AcceptHandshakeCommand({ HandshakeId: Handshake?.Id }));
    expect(accepted.Handshake?.State).toBe('ACCEPTED');
    await expect(orgs(INVITED).send(new AcceptHandshakeCommand({ HandshakeId: Handshake?.Id }))).rejects.toMatchObject({
      name: 'HandshakeAlreadyInStateException',
    });
    const { Organization } = await orgs(INVITED).send(new DescribeOrganizationCommand({}));
    expect(Organization?.Id).toBe(orgId);
    const { Accounts } = await orgs().send(new ListAccountsCommand({}));
    expect(Accounts?.find((a) => a.Id === INVITED)?.JoinedMethod).toBe('INVITED');
    const tags = await orgs().send(new ListTagsForResourceCommand({ ResourceId: INVITED }));
    expect(tags.Tags).toEqual([{ Key: 'source', Value: 'invited' }]);
  });

  it('records declined and cancelled invitations', async () => {
    const declined = await orgs().send(
      new InviteAccountToOrganizationCommand({ Target: { Id: '444444444444', Type: 'ACCOUNT' } }),
    );
    await orgs('444444444444').send(new DeclineHandshakeCommand({ HandshakeId: declined.Handshake?.Id }));
    const cancelled = await orgs().send(
      new InviteAccountToOrganizationCommand({ Target: { Id: '444444444444', Type: 'ACCOUNT' } }),
    );
    await orgs().send(new CancelHandshakeCommand({ HandshakeId: cancelled.Handshake?.Id }));
    await expect(
      orgs('444444444444').send(new AcceptHandshakeCommand({ HandshakeId: cancelled.Handshake?.Id })),
    ).rejects.toMatchObject({ name: 'InvalidHandshakeTransitionException' });
    const { Handshakes } = await orgs().send(new ListHandshakesForOrganizationCommand({}));
    const states = Object.fromEntries((Handshakes ?? []).map((h) => [h.Id, h.State]));
    expect(states[declined.Handshake?.Id as string]).toBe('DECLINED');
    expect(states[cancelled.Handshake?.Id as string]).toBe('CANCELED');
  });

  it('refuses inviting an account that is already a member', async () => {
    await expect(
      orgs().send(new InviteAccountToOrganizationCommand({ Target: { Id: INVITED, Type: 'ACCOUNT' } })),
    ).rejects.toMatchObject({ name: 'DuplicateAccountException' });
  });

  it('lets a member leave and the management account remove one, but not itself', async () => {
    await invited('555555555555');
    await orgs('555555555555').send(new LeaveOrganizationCommand({}));
    await expect(orgs('555555555555').send(new DescribeOrganizationCommand({}))).rejects.toMatchObject({
      name: 'AWSOrganizationsNotInUseException',
    });
    await invited('666666666666');
    await orgs().send(new RemoveAccountFromOrganizationCommand({ AccountId: '666666666666' }));
    await expect(orgs().send(new DescribeAccountCommand({ AccountId: '666666666666' }))).rejects.toMatchObject({
      name: 'AccountNotFoundException',
    });
    await expect(orgs().send(new LeaveOrganizationCommand({}))).rejects.toMatchObject({
      name: 'MasterCannotLeaveOrganizationException',
    });
  });
});

describe('organizational units', () => {
  it('creates, nests, renames, moves accounts into and deletes OUs', async () => {
    const { OrganizationalUnit: prod } = await orgs().send(
      new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'prod' }),
    );
    expect(prod?.Id).toMatch(new RegExp(`^ou-${rootId.slice(2)}-[a-z0-9]{8}$`));
    expect(prod).toMatchObject({
      Arn: `arn:aws:organizations::${MGMT}:ou/${orgId}/${prod?.Id}`,
      Name: 'prod',
      Path: `${orgId}/${rootId}/${prod?.Id}/`,
    });
    const { OrganizationalUnit: team } = await orgs().send(
      new CreateOrganizationalUnitCommand({ ParentId: prod?.Id, Name: 'team' }),
    );
    await expect(
      orgs().send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'prod' })),
    ).rejects.toMatchObject({ name: 'DuplicateOrganizationalUnitException' });
    await orgs().send(
      new MoveAccountCommand({ AccountId: INVITED, SourceParentId: rootId, DestinationParentId: team?.Id }),
    );
    const parents = await orgs().send(new ListParentsCommand({ ChildId: INVITED }));
    expect(parents.Parents).toEqual([{ Id: team?.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    const { Account } = await orgs().send(new DescribeAccountCommand({ AccountId: INVITED }));
    expect(Account?.Paths).toEqual([`${orgId}/${rootId}/${prod?.Id}/${team?.Id}/${INVITED}/`]);
    const children = await orgs().send(
      new ListChildrenCommand({ ParentId: prod?.Id, ChildType: 'ORGANIZATIONAL_UNIT' }),
    );
    expect(children.Children).toEqual([{ Id: team?.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    const inTeam = await orgs().send(new ListAccountsForParentCommand({ ParentId: team?.Id }));
    expect(inTeam.Accounts?.map((a) => a.Id)).toEqual([INVITED]);
    await expect(
      orgs().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: team?.Id })),
    ).rejects.toMatchObject({
      name: 'OrganizationalUnitNotEmptyException',
    });
    await orgs().send(
      new MoveAccountCommand({ AccountId: INVITED, SourceParentId: team?.Id, DestinationParentId: rootId }),
    );
    await orgs().send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: team?.Id, Name: 'platform' }));
    const renamed = await orgs().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: team?.Id }));
    expect(renamed.OrganizationalUnit?.Name).toBe('platform');
    await orgs().send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: team?.Id }));
    await expect(
      orgs().send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: team?.Id })),
    ).rejects.toMatchObject({ name: 'OrganizationalUnitNotFoundException' });
  });

  it('refuses moves from the wrong parent and to unknown parents', async () => {
    await expect(
      orgs().send(
        new MoveAccountCommand({ AccountId: INVITED, SourceParentId: rootId, DestinationParentId: 'ou-zzzz-zzzzzzzz' }),
      ),
    ).rejects.toMatchObject({ name: 'DestinationParentNotFoundException' });
    await expect(
      orgs().send(
        new MoveAccountCommand({ AccountId: INVITED, SourceParentId: 'ou-zzzz-zzzzzzzz', DestinationParentId: rootId }),
      ),
    ).rejects.toMatchObject({ name: 'SourceParentNotFoundException' });
  });

  it('stops nesting at five levels', async () => {
    let parent = rootId;
    for (let depth = 1; depth <= 5; depth++) {
      const { OrganizationalUnit } = await orgs().send(
        new CreateOrganizationalUnitCommand({ ParentId: parent, Name: `level-${depth}` }),
      );
      parent = OrganizationalUnit?.Id as string;
    }
    await expect(
      orgs().send(new CreateOrganizationalUnitCommand({ ParentId: parent, Name: 'level-6' })),
    ).rejects.toMatchObject({ name: 'ConstraintViolationException', Reason: 'OU_DEPTH_LIMIT_EXCEEDED' });
  });

  it('pages with MaxResults and NextToken, and refuses a foreign token', async () => {
    for (const name of ['a', 'b', 'c']) {
      await orgs().send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: `page-${name}` }));
    }
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await orgs().send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: rootId, MaxResults: 2, NextToken: token }),
      );
      expect(page.OrganizationalUnits?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.OrganizationalUnits ?? []).map((ou) => ou.Name as string));
      token = page.NextToken;
    } while (token !== undefined);
    expect(seen).toEqual(expect.arrayContaining(['prod', 'level-1', 'page-a', 'page-b', 'page-c']));
    await expect(orgs().send(new ListAccountsCommand({ NextToken: 'bogus' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_NEXT_TOKEN',
    });
  });
});

describe('tags', () => {
  it('tags and untags the root, refusing duplicate keys and unknown resources', async () => {
    await orgs().send(new TagResourceCommand({ ResourceId: rootId, Tags: [{ Key: 'a', Value: '1' }] }));
    await orgs().send(
      new TagResourceCommand({
        ResourceId: rootId,
        Tags: [
          { Key: 'a', Value: '2' },
          { Key: 'b', Value: '3' },
        ],
      }),
    );
    await orgs().send(new UntagResourceCommand({ ResourceId: rootId, TagKeys: ['b'] }));
    const { Tags } = await orgs().send(new ListTagsForResourceCommand({ ResourceId: rootId }));
    expect(Tags).toEqual([{ Key: 'a', Value: '2' }]);
    await expect(
      orgs().send(
        new TagResourceCommand({
          ResourceId: rootId,
          Tags: [
            { Key: 'x', Value: '1' },
            { Key: 'x', Value: '2' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidInputException', Reason: 'DUPLICATE_TAG_KEY' });
    await expect(orgs().send(new ListTagsForResourceCommand({ ResourceId: 'ou-zzzz-zzzzzzzz' }))).rejects.toMatchObject(
      { name: 'TargetNotFoundException' },
    );
  });
});

describe('who may call what', () => {
  it("refuses member accounts' management calls with AccessDeniedException", async () => {
    for (const command of [
      new ListAccountsCommand({}),
      new ListRootsCommand({}),
      new CreateAccountCommand({ Email: 'x@example.com', AccountName: 'x' }),
    ]) {
      await expect(orgs(INVITED).send(command as ListAccountsCommand)).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: "You don't have permissions to access this resource.",
        $metadata: { httpStatusCode: 400 },
      });
    }
  });

  it('answers invalid input with InvalidInputException and its reason', async () => {
    await expect(orgs().send(new DescribeAccountCommand({ AccountId: 'not-an-account' }))).rejects.toMatchObject({
      name: 'InvalidInputException',
      Reason: 'INVALID_PATTERN',
    });
    await expect(
      orgs().send(new CreateAccountCommand({ Email: 'not-an-email', AccountName: 'x' })),
    ).rejects.toMatchObject({ name: 'InvalidInputException' });
  });

  it('deletes the organization only once the management account is alone in it', async () => {
    await expect(orgs().send(new DeleteOrganizationCommand({}))).rejects.toMatchObject({
      name: 'OrganizationNotEmptyException',
    });
  });
});
