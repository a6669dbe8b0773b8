import { describe, expect, it } from 'vitest';
import { AwsError } from '../../core/aws-error.js';
import { parseInput, serializeError, serializeOutput } from '../index.js';
import type { Route } from '../types.js';

const encrypt: Route = { service: 'kms', protocol: 'json', operation: 'Encrypt' };
const createAccount: Route = { service: 'organizations', protocol: 'json', operation: 'CreateAccount' };
const meta = { requestId: 'req-1', method: 'POST' };

function parse(route: Route, body: string): Record<string, unknown> {
  const req = { method: 'POST', rawPath: '/', query: [], headers: {} };
  return parseInput(route, req, Buffer.from(body));
}

function failure(route: Route, body: string): AwsError {
  try {
    parse(route, body);
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected the input to be rejected');
}

describe('JSON protocol input', () => {
  it('reads KMS Encrypt: blobs as Buffers, maps as objects, unknown keys ignored', () => {
    const input = parse(
      encrypt,
      JSON.stringify({
        KeyId: 'alias/a',
        Plaintext: 'aGk=',
        EncryptionContext: { k: 'v' },
        GrantTokens: ['t'],
        Extra: 1,
      }),
    );
    expect(input).toEqual({
      KeyId: 'alias/a',
      Plaintext: Buffer.from('hi'),
      EncryptionContext: { k: 'v' },
      GrantTokens: ['t'],
    });
  });

  it('reads Organizations CreateAccount', () => {
    const input = parse(
      createAccount,
      '{"Email":"a@example.com","AccountName":"dev","IamUserAccessToBilling":"ALLOW"}',
    );
    expect(input).toEqual({ Email: 'a@example.com', AccountName: 'dev', IamUserAccessToBilling: 'ALLOW' });
  });

  it('answers values of the wrong JSON type with SerializationException', () => {
    expect(failure(encrypt, '{"KeyId":5,"Plaintext":"aGk="}')).toMatchObject({
      code: 'SerializationException',
      message: 'NUMBER_VALUE can not be converted to a String',
    });
    expect(failure(encrypt, '{"KeyId":"k","Plaintext":"aGk=","GrantTokens":"t"}').message).toBe(
      'Expected list or null',
    );
    expect(failure(encrypt, '{"KeyId":{},"Plaintext":"aGk="}').message).toBe(
      'Start of structure or map found where not expected.',
    );
    expect(failure(encrypt, '{"KeyId":"k","Plaintext":"a"}').message).toBe("'a' can not be converted to a Blob");
    expect(failure(encrypt, '{"KeyId":').code).toBe('SerializationException');
  });

  it('lists KMS constraint violations as one ValidationException', () => {
    const error = failure(encrypt, '{"Plaintext":""}');
    expect(error.code).toBe('ValidationException');
    expect(error.message).toBe(
      '2 validation errors detected: ' +
        "Value null at 'keyId' failed to satisfy constraint: Member must not be null; " +
        "Value 'java.nio.HeapByteBuffer[pos=0 lim=0 cap=0]' at 'plaintext' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('words Organizations violations as InvalidInputException with a Reason', () => {
    expect(failure(createAccount, '{"AccountName":"dev"}')).toMatchObject({
      code: 'InvalidInputException',
      message: 'You must include a value for all required parameters.',
      extra: { Reason: 'INPUT_REQUIRED' },
    });
    expect(failure(createAccount, `{"Email":"a@example.com","AccountName":"${'x'.repeat(51)}"}`).extra).toEqual({
      Reason: 'MAX_LENGTH_EXCEEDED',
    });
  });
});

describe('JSON protocol output and errors', () => {
  it('writes timestamps as epoch seconds and blobs as base64', () => {
    const response = serializeOutput(
      createAccount,
      { CreateAccountStatus: { Id: 'car-1', RequestedTimestamp: new Date('2026-01-01T00:00:00.250Z') } },
      meta,
    );
    expect(response.headers).toEqual({ 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-1' });
    expect(response.body).toBe('{"CreateAccountStatus":{"Id":"car-1","RequestedTimestamp":1767225600.25}}');
    const kms = serializeOutput(encrypt, { CiphertextBlob: Buffer.from([255, 0]), KeyId: 'k' }, meta);
    expect(kms.body).toBe('{"CiphertextBlob":"/wA=","KeyId":"k"}');
  });

  it('writes KMS errors with a lower-case message key', () => {
    const response = serializeError(encrypt, new AwsError('NotFoundException', 'Key k does not exist'), meta);
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-ErrorType']).toBe('NotFoundException');
    expect(response.body).toBe('{"__type":"NotFoundException","message":"Key k does not exist"}');
  });

  it('writes Organizations errors with Message and their extra fields', () => {
    const error = new AwsError(
      'InvalidInputException',
      'You provided a value that does not match the required pattern.',
      {
        extra: { Reason: 'INVALID_PATTERN' },
      },
    );
    expect(serializeError(createAccount, error, meta).body).toBe(
      '{"__type":"InvalidInputException","Message":"You provided a value that does not match the required pattern.","Reason":"INVALID_PATTERN"}',
    );
    const framework = serializeError(createAccount, new AwsError('UnrecognizedClientException', 'bad token'), meta);
    expect(framework.body).toBe('{"__type":"UnrecognizedClientException","message":"bad token"}');
    const unmodelled = serializeError(createAccount, new AwsError('SomethingNew', 'x'), meta);
    expect(unmodelled.body).toBe('{"__type":"SomethingNew","Message":"x"}');
  });

  it('writes an unknown operation as a bare UnknownOperationException', () => {
    const response = serializeError('json', new AwsError('UnknownOperationException', ''), meta);
    expect(response.body).toBe('{"__type":"UnknownOperationException"}');
    expect(response.headers['Content-Type']).toBe('application/x-amz-json-1.1');
  });
});
