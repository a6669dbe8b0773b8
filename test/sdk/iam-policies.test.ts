// Managed policies through the real IAM client: customer policies and their versions, AWS managed policies,
// attachments, listing filters and the checks that keep bad documents out.
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
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

const doc = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] }, null, 2);

describe('customer managed policies', () => {
  it('creates a policy with v1 as default and returns documents URL-encoded', async () => {
    const { Policy } = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'Reader',
        Path: '/team/',
        PolicyDocument: doc('s3:GetObject'),
        Description: 'reads',
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    expect(Policy).toMatchObject({
      PolicyName: 'Reader',
      Arn: `arn:aws:iam::${ACCOUNT}:policy/team/Reader`,
      PolicyId: expect.stringMatching(/^ANPA/),
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    });
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: Policy?.Arn }));
    expect(got.Policy).toMatchObject({ Description: 'reads', Tags: [{ Key: 'k', Value: 'v' }] });
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: Policy?.Arn, VersionId: 'v1' }));
    expect(version.PolicyVersion).toMatchObject({
      VersionId: 'v1',
      IsDefaultVersion: true,
      Document: encodeURIComponent(doc('s3:GetObject')),
    });
  });

  it('keeps at most five versions and never deletes the default one', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/team/Reader`;
    for (let i = 2; i <= 5; i++) {
      await iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc(`s3:Get${i}`), SetAsDefault: i === 3 }),
      );
    }
    await expect(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:Get6') })),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message:
        'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v3');
    await expect(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete the default version of a policy.',
    });
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    const created = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:Get6') }));
    expect(created.PolicyVersion).toMatchObject({ VersionId: 'v6', IsDefaultVersion: false });
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }));
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(versions.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v6', true],
      ['v5', false],
      ['v4', false],
      ['v3', false],
      ['v2', false],
    ]);
    await expect(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${arn} version v1 does not exist or is not attachable.`,
    });
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message:
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    });
  });

  it('refuses malformed and oversized documents and stores nothing', async () => {
    await expect(
      iam.send(
        new CreatePolicyCommand({
          PolicyName: 'Bad',
          PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}',
        }),
      ),
    ).rejects.toMatchObject({
      name: 'MalformedPolicyDocumentException',
      message: 'Policy statement must contain resources.',
      $metadata: { httpStatusCode: 400 },
    });
    const actions = Array.from({ length: 300 }, (_, i) => `s3:SomeLongActionName${i}`);
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    await expect(iam.send(new CreatePolicyCommand({ PolicyName: 'Bad', PolicyDocument: big }))).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
    await expect(
      iam.send(new GetPolicyCommand({ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/Bad` })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy arn:aws:iam::${ACCOUNT}:policy/Bad was not found.`,
    });
  });

  it('refuses a duplicate name, whatever the path', async () => {
    await expect(
      iam.send(new CreatePolicyCommand({ PolicyName: 'reader', Path: '/other/', PolicyDocument: doc('s3:GetObject') })),
    ).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'A policy called reader already exists. Duplicate names are not allowed.',
    });
  });

  it('tags a policy', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/team/Reader`;
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'x', Value: 'y' }] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([
      { Key: 'k', Value: 'v' },
      { Key: 'x', Value: 'y' },
    ]);
    // Unlike a user's or a role's, a policy's tag keys are case sensitive (IAM UG, rules for tagging).
    await iam.send(new TagPolicyCommand({ PolicyArn: arn, Tags: [{ Key: 'X', Value: 'upper' }] }));
    await iam.send(new UntagPolicyCommand({ PolicyArn: arn, TagKeys: ['k'] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([
      { Key: 'x', Value: 'y' },
      { Key: 'X', Value: 'upper' },
    ]);
  });
});

describe('attachments and listing', () => {
  it('counts attachments, lists entities, filters and blocks deletion while attached', async () => {
    const { Policy } = await iam.send(
      new CreatePolicyCommand({ PolicyName: 'Attached', PolicyDocument: doc('sqs:*') }),
    );
    const arn = Policy?.Arn ?? '';
    await iam.send(new CreateUserCommand({ UserName: 'holder' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'holder', PolicyArn: arn }));
    await iam.send(
      new AttachUserPolicyCommand({ UserName: 'holder', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }),
    );
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.AttachmentCount).toBe(1);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(entities).toMatchObject({ PolicyUsers: [{ UserName: 'holder' }], PolicyGroups: [], PolicyRoles: [] });
    const attached = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'holder' }));
    expect(attached.AttachedPolicies?.map((p) => p.PolicyName)).toEqual(['Attached', 'ReadOnlyAccess']);

    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: true }));
    expect(local.Policies?.map((p) => p.PolicyName)).toEqual(['Attached']);
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
    expect(aws.Policies?.map((p) => p.Arn)).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const byPath = await iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/team/' }));
    expect(byPath.Policies?.map((p) => p.PolicyName)).toEqual(['Reader']);
    const everything = await iam.send(new ListPoliciesCommand({ MaxItems: 1000 }));
    expect(everything.IsTruncated).toBe(true);
    expect(everything.Policies).toHaveLength(1000);

    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
      name: 'DeleteConflictException',
      message: 'Cannot delete a policy attached to entities.',
    });
    await iam.send(new DetachUserPolicyCommand({ UserName: 'holder', PolicyArn: arn }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
    });
  });

  it('refuses to attach what does not exist or belongs to another account', async () => {
    const missing = 'arn:aws:iam::aws:policy/NoSuchPolicy';
    await expect(
      iam.send(new AttachUserPolicyCommand({ UserName: 'holder', PolicyArn: missing })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Policy ${missing} does not exist or is not attachable.`,
    });
    const other = new IAMClient(server.client('222222222222'));
    const { Policy } = await other.send(
      new CreatePolicyCommand({ PolicyName: 'Theirs', PolicyDocument: doc('sqs:*') }),
    );
    await expect(
      iam.send(new AttachUserPolicyCommand({ UserName: 'holder', PolicyArn: Policy?.Arn })),
    ).rejects.toMatchObject({ name: 'NoSuchEntityException' });
    await expect(
      iam.send(new AttachUserPolicyCommand({ UserName: 'holder', PolicyArn: 'this-is-not-an-arn-at-all' })),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'ARN this-is-not-an-arn-at-all is not valid.',
    });
  });
});

describe('AWS managed policies', () => {
  it('describes an AWS managed policy and its default document', async () => {
    const arn = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(Policy).toMatchObject({ PolicyName: 'AmazonS3ReadOnlyAccess', Path: '/', IsAttachable: true });
    const version = await iam.send(
      new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: Policy?.DefaultVersionId }),
    );
    const document = JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? ''));
    expect(JSON.stringify(document.Statement)).toContain('s3:Get*');
  });

  it('cannot be changed', async () => {
    await expect(
      iam.send(
        new CreatePolicyVersionCommand({
          PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          PolicyDocument: doc('s3:*'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'NoSuchEntityException' });
  });
});

describe('inline user policies', () => {
  it('returns the document URL-encoded and holds users to the 2,048-character aggregate', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'inline' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'inline', PolicyName: 'p', PolicyDocument: doc('s3:*') }));
    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'inline', PolicyName: 'p' }));
    expect(got).toMatchObject({ UserName: 'inline', PolicyName: 'p', PolicyDocument: encodeURIComponent(doc('s3:*')) });
    const actions = Array.from({ length: 200 }, (_, i) => `s3:Action${i}`);
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
    });
    await expect(
      iam.send(new PutUserPolicyCommand({ UserName: 'inline', PolicyName: 'q', PolicyDocument: big })),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Maximum policy size of 2048 bytes exceeded for user inline',
    });
    await expect(
      iam.send(
        new PutUserPolicyCommand({
          UserName: 'inline',
          PolicyName: 'r',
          PolicyDocument: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Principal":"*"}]}',
        }),
      ),
    ).rejects.toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'Has prohibited field Principal' });
  });
});
