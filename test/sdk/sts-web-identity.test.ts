// AssumeRoleWithWebIdentity through the real STS and IAM clients, with tokens minted by xacct's OIDC issuer through
// its admin route: a GitHub Actions deploy role trusted unchanged, xacct's own issuer, and the refusals AWS gives
// (no provider, bad signature, expired token, wrong audience, trust policy not matching).
import { CreateOpenIDConnectProviderCommand, IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';
import { allow, failure, policy, StsWorld, sessionCredentials } from './sts-fixtures.js';

const A = '111111111111';
const B = '222222222222';
const GITHUB = 'https://token.actions.githubusercontent.com';
const GITHUB_PROVIDER = `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`;
const start = Date.now();
let now = start;
let server: TestServer;
let world: StsWorld;
let deployRole: string;

/** Unsigned, as the SDK sends AssumeRoleWithWebIdentity: no credentials at all. */
function anonymousSts(): STSClient {
  return new STSClient({
    endpoint: server.url,
    region: 'us-east-1',
    maxAttempts: 1,
    systemClockOffset: now - Date.now(),
  });
}

async function mint(body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/_xacct/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

const githubToken = (sub = 'repo:org/app:ref:refs/heads/main', extra: Record<string, unknown> = {}) =>
  mint({ iss: GITHUB, sub, aud: 'sts.amazonaws.com', ttl: 300, claims: { repository: 'org/app' }, ...extra });

function assume(token: string, roleArn = deployRole) {
  return anonymousSts().send(
    new AssumeRoleWithWebIdentityCommand({ RoleArn: roleArn, RoleSessionName: 'gha-run', WebIdentityToken: token }),
  );
}

beforeAll(async () => {
  server = await startTestServer({ clock: { now: () => now } });
  world = new StsWorld(server);
  await world.iam(A).send(
    new CreateOpenIDConnectProviderCommand({
      Url: GITHUB,
      ClientIDList: ['sts.amazonaws.com'],
      ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
    }),
  );
  deployRole = await world.role(
    A,
    'GitHubDeploy',
    [
      {
        Effect: 'Allow',
        Principal: { Federated: GITHUB_PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/app:ref:refs/heads/main' },
        },
      },
    ],
    policy(allow('iam:ListUsers', '*', { Condition: { StringEquals: { 'aws:FederatedProvider': GITHUB_PROVIDER } } })),
  );
});
afterAll(async () => server.close());

describe('AssumeRoleWithWebIdentity', () => {
  it('gives a GitHub Actions token the deploy role, with the token’s subject, audience and provider', async () => {
    const out = await assume(await githubToken());
    expect(out).toMatchObject({
      SubjectFromWebIdentityToken: 'repo:org/app:ref:refs/heads/main',
      Audience: 'sts.amazonaws.com',
      Provider: GITHUB_PROVIDER,
      AssumedRoleUser: { Arn: `arn:aws:sts::${A}:assumed-role/GitHubDeploy/gha-run` },
    });
    const credentials = sessionCredentials(out.Credentials);
    const identity = await world.sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe(`arn:aws:sts::${A}:assumed-role/GitHubDeploy/gha-run`);
    await expect(new IAMClient(server.client(credentials)).send(new ListUsersCommand({}))).resolves.toBeDefined();
  });

  it('is denied when the trust policy’s :sub condition does not match', async () => {
    const error = await failure(assume(await githubToken('repo:org/app:ref:refs/heads/feature')));
    expect(error).toMatchObject({
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    });
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('needs an OIDC provider for the issuer in the role’s account', async () => {
    const roleInB = await world.role(B, 'Elsewhere', [
      { Effect: 'Allow', Principal: { Federated: GITHUB_PROVIDER }, Action: 'sts:AssumeRoleWithWebIdentity' },
    ]);
    await expect(assume(await githubToken(), roleInB)).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: `No OpenIDConnect provider found in your account for ${GITHUB}`,
    });
  });

  it('refuses a token whose signature does not verify', async () => {
    const [header, payload, signature] = (await githubToken()).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, repository: 'org/other' })).toString('base64url');
    await expect(assume(`${header}.${altered}.${signature}`)).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
      message:
        'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
    });
  });

  it('refuses an expired token with ExpiredTokenException', async () => {
    const token = await githubToken();
    const exp = Math.floor(now / 1000) + 300;
    now += 301_000;
    try {
      await expect(assume(token)).rejects.toMatchObject({
        name: 'ExpiredTokenException',
        message: `Token expired: current date/time ${Math.floor(now / 1000)} must be before the expiration date/time ${exp}`,
      });
    } finally {
      now = start;
    }
  });

  it('refuses an audience the provider does not list', async () => {
    await expect(assume(await githubToken(undefined, { aud: 'something-else' }))).rejects.toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: 'Incorrect token audience',
    });
  });

  it('accepts tokens of xacct’s own issuer', async () => {
    const issuer = `${server.url}/_xacct/oidc`;
    await world.iam(B).send(new CreateOpenIDConnectProviderCommand({ Url: issuer, ClientIDList: ['my-app'] }));
    const provider = `arn:aws:iam::${B}:oidc-provider/${issuer.replace('http://', '')}`;
    const roleArn = await world.role(B, 'OwnIssuer', [
      {
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer.replace('http://', '')}:sub`]: 'service-a' } },
      },
    ]);
    const out = await assume(await mint({ sub: 'service-a', aud: 'my-app' }), roleArn);
    expect(out).toMatchObject({ Provider: provider, Audience: 'my-app', SubjectFromWebIdentityToken: 'service-a' });
  });
});

describe('the OIDC issuer routes', () => {
  it('publish the discovery document and the keys', async () => {
    const discovery = (await (await fetch(`${server.url}/_xacct/oidc/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery.issuer).toBe(`${server.url}/_xacct/oidc`);
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: { kty: string; alg: string }[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256' })]);
  });

  it('refuse a mint request without sub and aud', async () => {
    const response = await fetch(`${server.url}/_xacct/oidc/token`, { method: 'POST', body: '{"aud":"x"}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'sub must be a non-empty string' });
  });
});
