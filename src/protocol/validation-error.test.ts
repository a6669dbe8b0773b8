import { describe, expect, it } from 'vitest';
import { compiledModel } from './compiled-model.js';
import { findViolations } from './validate.js';
import { validationError, WireValueError, wireValueError } from './validation-error.js';

const encrypt = compiledModel('kms').shape('EncryptRequest');
const createAccount = compiledModel('organizations').shape('CreateAccountRequest');

describe('coral-style validation messages', () => {
  it('prints enum sets, list values and list element paths', () => {
    const input = {
      KeyId: 'k',
      Plaintext: Buffer.from('x'),
      EncryptionAlgorithm: 'ROT13',
      GrantTokens: ['', ...Array.from({ length: 10 }, (_, i) => `t${i}`)],
    };
    const error = validationError('kms', findViolations(encrypt, input));
    expect(error?.code).toBe('ValidationException');
    expect(error?.message).toBe(
      '3 validation errors detected: ' +
        "Value '[, t0, t1, t2, t3, t4, t5, t6, t7, t8, t9]' at 'grantTokens' failed to satisfy constraint: Member must have length less than or equal to 10; " +
        "Value '' at 'grantTokens.1.member' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'ROT13' at 'encryptionAlgorithm' failed to satisfy constraint: Member must satisfy enum value set: [SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE]",
    );
  });

  it('stops after ten violations', () => {
    const input = { KeyId: 'k', Plaintext: Buffer.from('x'), GrantTokens: Array.from({ length: 10 }, () => '') };
    const violations = findViolations(encrypt, input);
    expect(violations).toHaveLength(10);
    expect(validationError('kms', violations)?.message).toMatch(/^10 validation errors detected: /);
  });

  it('finds nothing to report in a valid input', () => {
    expect(
      validationError('kms', findViolations(encrypt, { KeyId: 'k', Plaintext: Buffer.from('x') })),
    ).toBeUndefined();
  });

  it('reports unreadable scalars in the same format', () => {
    const error = wireValueError('sts', new WireValueError('DurationSeconds', 'DurationSeconds', '1h', 'integer'));
    expect(error.message).toBe(
      "1 validation error detected: Value '1h' at 'durationSeconds' failed to satisfy constraint: Member must be a valid integer",
    );
  });
});

describe('Organizations reasons', () => {
  it('reports the first violation, and invalid list elements as INVALID_LIST_MEMBER', () => {
    const input = {
      Email: 'a@example.com',
      AccountName: 'dev',
      Tags: [
        { Key: 'k', Value: 'v' },
        { Key: 'bad&key', Value: 'v' },
      ],
    };
    const error = validationError('organizations', findViolations(createAccount, input));
    expect(error).toMatchObject({
      code: 'InvalidInputException',
      message: 'You provided a list to a parameter that contains at least one invalid value.',
      extra: { Reason: 'INVALID_LIST_MEMBER' },
    });
  });

  it('maps length and enum violations to their reasons', () => {
    const long = validationError(
      'organizations',
      findViolations(createAccount, { Email: 'a@example.com', AccountName: 'x'.repeat(51) }),
    );
    expect(long?.extra).toEqual({ Reason: 'MAX_LENGTH_EXCEEDED' });
    const billing = validationError(
      'organizations',
      findViolations(createAccount, { Email: 'a@example.com', AccountName: 'a', IamUserAccessToBilling: 'MAYBE' }),
    );
    expect(billing).toMatchObject({ message: 'You specified an invalid value.', extra: { Reason: 'INVALID_ENUM' } });
  });
});
