import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, passwordViolation } from './password-policies.js';

describe('passwordViolation', () => {
  it('asks for eight characters when the account has no policy', () => {
    expect(passwordViolation(undefined, 'seven77')).toBe('Password should have a minimum length of 8');
    expect(passwordViolation(undefined, 'eight888')).toBeUndefined();
  });

  it('names the first rule of the policy the password breaks', () => {
    const strict = {
      ...DEFAULT_POLICY,
      RequireLowercaseCharacters: true,
      RequireUppercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
    };
    expect(passwordViolation(strict, 'ABCDEFG1!')).toBe('Password should have at least one lowercase letter');
    expect(passwordViolation(strict, 'abcdefg1!')).toBe('Password should have at least one uppercase letter');
    expect(passwordViolation(strict, 'abcdeFG!!')).toBe('Password should have at least one number');
    expect(passwordViolation(strict, 'abcdeFG11')).toBe('Password should have at least one symbol');
    expect(passwordViolation(strict, 'abcdeFG1!')).toBeUndefined();
  });
});
