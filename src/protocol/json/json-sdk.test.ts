// The JSON protocol against the real SDK clients (KMS, Organizations).
import { DecryptCommand, DisableKeyCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateAccountCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { type SdkEndpoint, type StubHandler, startSdkEndpoint } from '../testing/sdk-endpoint.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const requested = new Date('2026-03-04T05:06:07.250Z');

const handler: StubHandler = (route, input) => {
  switch (route.operation) {
    case 'Encrypt':
      return {
        KeyId: 'arn:aws:kms:us-east-1:111122223333:key/k1',
        CiphertextBlob: Buffer.concat([Buffer.from([0, 1, 2]), input.Plaintext as Buffer]),
        EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    case 'Decrypt':
      throw new AwsError('NotFoundException', 'Key arn:aws:kms:us-east-1:111122223333:key/gone does not exist');
    case 'DisableKey':
      return {};
    case 'CreateAccount':
      return {
        CreateAccountStatus: {
          Id: 'car-1',
          AccountName: input.AccountName,
          State: 'IN_PROGRESS',
          RequestedTimestamp: requested,
        },
      };
    default:
      throw new Error(`unexpected ${route.operation}`);
  }
};

let endpoint: SdkEndpoint;
beforeAll(async () => {
  endpoint = await startSdkEndpoint(handler);
});
afterAll(() => endpoint.close());

function client<T>(Ctor: new (config: object) => T): T {
  return new Ctor({ endpoint: endpoint.url, region: 'us-east-1', credentials });
}

describe('KMS through @aws-sdk/client-kms', () => {
  it('reads blobs and maps from the request and writes blobs the SDK decodes', async () => {
    const out = await client(KMSClient).send(
      new EncryptCommand({
        KeyId: 'alias/app',
        Plaintext: new Uint8Array([104, 105]),
        EncryptionContext: { purpose: 'test', 'a.b': 'c' },
      }),
    );
    const input = endpoint.calls.at(-1)?.input;
    expect(input?.Plaintext).toEqual(Buffer.from('hi'));
    expect(input?.EncryptionContext).toEqual({ purpose: 'test', 'a.b': 'c' });
    expect(Buffer.from(out.CiphertextBlob ?? [])).toEqual(Buffer.from([0, 1, 2, 104, 105]));
    expect(out.KeyId).toBe('arn:aws:kms:us-east-1:111122223333:key/k1');
  });

  it('answers operations without output', async () => {
    const out = await client(KMSClient).send(new DisableKeyCommand({ KeyId: 'k1' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('surfaces a modelled error with its name and lower-case message', async () => {
    const call = client(KMSClient).send(new DecryptCommand({ CiphertextBlob: new Uint8Array([1]) }));
    await expect(call).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Key arn:aws:kms:us-east-1:111122223333:key/gone does not exist',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('rejects constraint violations as ValidationException', async () => {
    const call = client(KMSClient).send(new EncryptCommand({ KeyId: '', Plaintext: new Uint8Array([1]) }));
    await expect(call).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value '' at 'keyId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });
});

describe('Organizations through @aws-sdk/client-organizations', () => {
  it('parses CreateAccount and the SDK reads the timestamp', async () => {
    const out = await client(OrganizationsClient).send(
      new CreateAccountCommand({ Email: 'a@example.com', AccountName: 'dev', Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect(endpoint.calls.at(-1)?.input).toEqual({
      Email: 'a@example.com',
      AccountName: 'dev',
      Tags: [{ Key: 'k', Value: 'v' }],
    });
    expect(out.CreateAccountStatus?.RequestedTimestamp?.toISOString()).toBe(requested.toISOString());
    expect(out.CreateAccountStatus?.State).toBe('IN_PROGRESS');
  });

  it('reports a bad value as InvalidInputException with its Reason', async () => {
    const call = client(OrganizationsClient).send(
      new CreateAccountCommand({ Email: 'not an email', AccountName: 'dev' }),
    );
    await expect(call).rejects.toMatchObject({
      name: 'InvalidInputException',
      message: 'You provided a value that does not match the required pattern.',
      Reason: 'INVALID_PATTERN',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
