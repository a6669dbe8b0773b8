// OpenID Connect and SAML identity providers through the real IAM client: CRUD, validation and tags, with the
// error codes and messages AWS answers with.
import {
  AddClientIDToOpenIDConnectProviderCommand,
  CreateOpenIDConnectProviderCommand,
  CreateSAMLProviderCommand,
  DeleteOpenIDConnectProviderCommand,
  DeleteSAMLProviderCommand,
  GetOpenIDConnectProviderCommand,
  GetSAMLProviderCommand,
  IAMClient,
  ListOpenIDConnectProvidersCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListSAMLProvidersCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
  UpdateSAMLProviderCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

const ACCOUNT = '111111111111';
const GITHUB = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
let server: TestServer;
let iam: IAMClient;

beforeAll(async () => {
  server = await startTestServer();
  iam = new IAMClient(server.client(ACCOUNT));
});
afterAll(async () => server.close());

function samlMetadata(validUntil?: string): string {
  const until = validUntil ? ` validUntil="${validUntil}"` : '';
  const certificate = 'MIIC'.padEnd(1200, 'A');
  return `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"${until}><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`;
}

describe('OpenID Connect providers', () => {
  it('creates a provider named by its URL without the scheme, without requiring thumbprints', async () => {
    const out = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: 'https://token.actions.githubusercontent.com',
        ClientIDList: ['sts.amazonaws.com'],
        Tags: [{ Key: 'ci', Value: 'github' }],
      }),
    );
    expect(out.OpenIDConnectProviderArn).toBe(GITHUB);
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB }));
    expect(got).toMatchObject({
      Url: 'token.actions.githubusercontent.com',
      ClientIDList: ['sts.amazonaws.com'],
      Tags: [{ Key: 'ci', Value: 'github' }],
    });
    expect(got.ThumbprintList ?? []).toEqual([]);
    expect(got.CreateDate).toBeInstanceOf(Date);
    // What AssumeRoleWithWebIdentity looks up by the token's issuer, with or without the scheme.
    const lookup = server.app.deps.directory.identities;
    for (const issuer of ['https://token.actions.githubusercontent.com', 'token.actions.githubusercontent.com']) {
      expect(lookup.findOidcProvider(ACCOUNT, issuer)).toEqual({
        arn: GITHUB,
        url: 'token.actions.githubusercontent.com',
        clientIds: ['sts.amazonaws.com'],
        thumbprints: [],
      });
    }
    expect(lookup.findOidcProvider('222222222222', 'https://token.actions.githubusercontent.com')).toBeUndefined();
  });

  it('accepts a loopback http:// issuer (xacct serves its own issuer on the local endpoint)', async () => {
    const out = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'http://127.0.0.1:4566/oidc', ThumbprintList: ['a'.repeat(40)] }),
    );
    expect(out.OpenIDConnectProviderArn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/127.0.0.1:4566/oidc`);
    const list = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    expect(list.OpenIDConnectProviderList?.map((p) => p.Arn)).toEqual([
      `arn:aws:iam::${ACCOUNT}:oidc-provider/127.0.0.1:4566/oidc`,
      GITHUB,
    ]);
  });

  it('refuses duplicates, invalid URLs and too many thumbprints or client ids, as AWS words them', async () => {
    await expect(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com' })),
    ).rejects.toMatchObject({
      name: 'EntityAlreadyExistsException',
      message: 'Provider with url https://token.actions.githubusercontent.com already exists.',
      $metadata: { httpStatusCode: 409 },
    });
    for (const url of ['example.org', 'http://example.org', 'ftp://example.org']) {
      await expect(iam.send(new CreateOpenIDConnectProviderCommand({ Url: url }))).rejects.toMatchObject({
        name: 'ValidationError',
        message: 'Invalid Open ID Connect Provider URL',
        $metadata: { httpStatusCode: 400 },
      });
    }
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((c) => c.repeat(40));
    await expect(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://six.example.com', ThumbprintList: six })),
    ).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'Thumbprint list must contain fewer than 5 entries.',
    });
    const clients = Array.from({ length: 101 }, (_, i) => `client-${i}`);
    await expect(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://many.example.com', ClientIDList: clients })),
    ).rejects.toMatchObject({
      name: 'LimitExceededException',
      message: 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('adds and removes client ids, replaces thumbprints, and tags and untags', async () => {
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB, ClientID: 'app' }),
    );
    await iam.send(
      new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB, ClientID: 'app' }),
    );
    await iam.send(
      new RemoveClientIDFromOpenIDConnectProviderCommand({
        OpenIDConnectProviderArn: GITHUB,
        ClientID: 'sts.amazonaws.com',
      }),
    );
    await iam.send(
      new UpdateOpenIDConnectProviderThumbprintCommand({
        OpenIDConnectProviderArn: GITHUB,
        ThumbprintList: ['c'.repeat(40), 'd'.repeat(40)],
      }),
    );
    await iam.send(
      new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB, Tags: [{ Key: 'owner', Value: 'ops' }] }),
    );
    // An OIDC provider's tag keys are case sensitive, unlike a user's or a role's (IAM UG, rules for tagging).
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB, TagKeys: ['CI'] }));
    const kept = await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: GITHUB }));
    expect(kept.Tags?.map((t) => t.Key)).toEqual(['ci', 'owner']);
    await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB, TagKeys: ['ci'] }));
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB }));
    expect(got).toMatchObject({ ClientIDList: ['app'], ThumbprintList: ['c'.repeat(40), 'd'.repeat(40)] });
    const tags = await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: GITHUB }));
    expect(tags).toMatchObject({ Tags: [{ Key: 'owner', Value: 'ops' }], IsTruncated: false });
  });

  it('deletes, then answers NoSuchEntity in the words of each operation', async () => {
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB }));
    await expect(
      iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `OpenIDConnect Provider not found for arn ${GITHUB}`,
      $metadata: { httpStatusCode: 404 },
    });
    await expect(
      iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: GITHUB })),
    ).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `OpenId connect Provider ${GITHUB} cannot be found.`,
    });
  });

  it("does not show or change another account's providers", async () => {
    const other = new IAMClient(server.client('222222222222'));
    expect((await other.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual([]);
    await expect(
      other.send(
        new GetOpenIDConnectProviderCommand({
          OpenIDConnectProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/127.0.0.1:4566/oidc`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('SAML providers', () => {
  const arn = `arn:aws:iam::${ACCOUNT}:saml-provider/Okta`;

  it('creates a provider from its metadata, reading validUntil', async () => {
    const out = await iam.send(
      new CreateSAMLProviderCommand({ Name: 'Okta', SAMLMetadataDocument: samlMetadata('2030-01-01T00:00:00Z') }),
    );
    expect(out.SAMLProviderArn).toBe(arn);
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got).toMatchObject({
      SAMLMetadataDocument: samlMetadata('2030-01-01T00:00:00Z'),
      ValidUntil: new Date('2030-01-01T00:00:00Z'),
      AssertionEncryptionMode: 'Allowed',
      SAMLProviderUUID: expect.stringMatching(/^[A-Z0-9]{22,64}$/),
    });
    const list = await iam.send(new ListSAMLProvidersCommand({}));
    expect(list.SAMLProviderList?.map((p) => p.Arn)).toEqual([arn]);
  });

  it('updates the metadata and refuses what is not SAML metadata', async () => {
    await iam.send(new UpdateSAMLProviderCommand({ SAMLProviderArn: arn, SAMLMetadataDocument: samlMetadata() }));
    const got = await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }));
    expect(got.ValidUntil!.getUTCFullYear()).toBeGreaterThan(2100);
    await expect(
      iam.send(new CreateSAMLProviderCommand({ Name: 'Bad', SAMLMetadataDocument: 'x'.repeat(1000) })),
    ).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Could not parse metadata' });
  });

  it('deletes, then answers NoSuchEntity', async () => {
    await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
    await expect(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).rejects.toMatchObject({
      name: 'NoSuchEntityException',
      message: `Manifest not found for arn ${arn}`,
    });
  });
});
