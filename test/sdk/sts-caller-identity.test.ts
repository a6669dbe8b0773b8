// GetCallerIdentity and authentication failures through the real STS client.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.close());

describe('authentication', () => {
  it('knows the root of any account by its 12-digit access key id and creates the account on first use', async () => {
    const sts = new STSClient(server.client('222233334444'));
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({
      UserId: '222233334444',
      Account: '222233334444',
      Arn: 'arn:aws:iam::222233334444:root',
    });
    expect(server.app.accounts.find('222233334444')?.canonicalUserId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch and records the failure', async () => {
    const sts = new STSClient(server.client({ accessKeyId: '222233334444', secretAccessKey: 'wrong' }));
    const error = await sts.send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    const eventId = (error as { $response?: { headers: Record<string, string> } }).$response?.headers[
      'x-xacct-event-id'
    ];
    const events = server.app.trail.list({ limit: 5 });
    expect(events.find((e) => e.errorCode === 'SignatureDoesNotMatch')?.principal).toBe('222233334444');
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.app.trail.get(eventId as string)?.errorCode).toBe('SignatureDoesNotMatch');
  });

  it('refuses an access key nobody issued with InvalidClientTokenId', async () => {
    const sts = new STSClient(server.client({ accessKeyId: 'AKIAXXXXXXXXXXXXXXXX', secretAccessKey: 'test' }));
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses a session token on a long-term key', async () => {
    const sts = new STSClient(
      server.client({ accessKeyId: '222233334444', secretAccessKey: 'test', sessionToken: 'forged' }),
    );
    await expect(sts.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'InvalidClientTokenId' });
  });
});
