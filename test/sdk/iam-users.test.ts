// IAM users through the real IAM client: lifecycle, paths, tags, boundaries, pagination, conflicts and accounts.
import {
  CreateUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  IAMClient,
  ListUsersCommand,
  ListUserTagsCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
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

describe('user lifecycle', () => {
  it('creates, reads, renames and deletes a user with a path and tags', async () => {
    const created = await iam.send(
      new CreateUserCommand({ UserName: 'alice', Path: '/staff/', Tags: [{ Key: 'team', Value: 'blue' }] }),
    );
    expect(created.User).toMatchObject({
      UserName: 'alice',
      Path: '/staff/',
      Arn: 'arn:aws:iam::111111111111:user/staff/alice',
      UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
      Tags: [{ Key: 'team', Value: 'blue' }],
    });
    expect(created.User?.CreateDate).toBeInstanceOf(Date);

    const got = await iam.send(new GetUserCommand({ UserName: 'ALICE' }));
    expect(got.User?.UserId).toBe(created.User?.UserId);

    await iam.send(new UpdateUserCommand({ UserName: 'alice', NewUserName: 'alice2', NewPath: '/ops/' }));
    const renamed = await iam.send(new GetUserCommand({ UserName: 'alice2' }));
    expect(renamed.User).toMatchObject({
      Arn: 'arn:aws:iam::111111111111:user/ops/alice2',
      UserId: created.User?.UserId,
    });

    await iam.send(new DeleteUserCommand({ UserName: 'alice2' }));
    await expect(iam.send(new GetUserCommand({ UserName: 'alice2' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: 'The user with name alice2 cannot be found.',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('refuses a second user with the same name in any case', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'Bob' }));
    await expect(iam.send(new CreateUserCommand({ UserName: 'bob' }))).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'User with name bob already exists.',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('validates names and paths against the model', async () => {
    await expect(iam.send(new CreateUserCommand({ UserName: 'bad name' }))).rejects.toMatchObject({
      name: 'ValidationError',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(iam.send(new CreateUserCommand({ UserName: 'x', Path: 'nopath' }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });

  it('describes the root user when GetUser names nobody', async () => {
    const root = await iam.send(new GetUserCommand({}));
    expect(root.User).toMatchObject({ UserId: '111111111111', Arn: 'arn:aws:iam::111111111111:root' });
  });
});

describe('user tags', () => {
  it('adds, replaces ignoring key case, lists and removes tags', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'tagged', Tags: [{ Key: 'Env', Value: 'dev' }] }));
    await iam.send(
      new TagUserCommand({
        UserName: 'tagged',
        Tags: [
          { Key: 'env', Value: 'prod' },
          { Key: 'a', Value: '1' },
        ],
      }),
    );
    const listed = await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }));
    expect(listed.Tags).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'a', Value: '1' },
    ]);
    await iam.send(new UntagUserCommand({ UserName: 'tagged', TagKeys: ['ENV'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags).toEqual([{ Key: 'a', Value: '1' }]);
  });

  it('refuses duplicate keys', async () => {
    await expect(
      iam.send(
        new CreateUserCommand({
          UserName: 'dup',
          Tags: [
            { Key: 'k', Value: '1' },
            { Key: 'K', Value: '2' },
          ],
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    });
    await expect(iam.send(new GetUserCommand({ UserName: 'dup' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
  });
});

describe('listing', () => {
  it('pages through users with MaxItems and an opaque marker, filtered by path', async () => {
    const names = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const name of names) await iam.send(new CreateUserCommand({ UserName: name, Path: '/paged/' }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }));
      pages += 1;
      seen.push(...(page.Users ?? []).map((u) => u.UserName ?? ''));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
    } while (marker !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
    await expect(iam.send(new ListUsersCommand({ Marker: 'garbage' }))).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'Invalid Marker.',
    });
  });

  it('keeps every account to its own users', async () => {
    const other = new IAMClient(server.client('222222222222'));
    await other.send(new CreateUserCommand({ UserName: 'Bob' }));
    const mine = await iam.send(new GetUserCommand({ UserName: 'Bob' }));
    const theirs = await other.send(new GetUserCommand({ UserName: 'Bob' }));
    expect(mine.User?.Arn).toBe('arn:aws:iam::111111111111:user/Bob');
    expect(theirs.User?.Arn).toBe('arn:aws:iam::222222222222:user/Bob');
    expect(mine.User?.UserId).not.toBe(theirs.User?.UserId);
    const listed = await other.send(new ListUsersCommand({}));
    expect(listed.Users?.map((u) => u.UserName)).toEqual(['Bob']);
  });
});
