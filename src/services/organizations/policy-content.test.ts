import { describe, expect, it } from 'vitest';
import { checkPolicyContent } from './policy-content.js';

const SCP = 'SERVICE_CONTROL_POLICY';
const RCP = 'RESOURCE_CONTROL_POLICY';

describe('checkPolicyContent', () => {
  it('accepts SCPs with Allow and RCPs that only deny', () => {
    expect(() =>
      checkPolicyContent(SCP, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'),
    ).not.toThrow();
    expect(() =>
      checkPolicyContent(
        RCP,
        '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}',
      ),
    ).not.toThrow();
  });

  it('refuses what the engine refuses for the kind as a malformed document', () => {
    const malformed = expect.objectContaining({ code: 'MalformedPolicyDocumentException' });
    expect(() =>
      checkPolicyContent(SCP, '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}'),
    ).toThrow(malformed);
    expect(() =>
      checkPolicyContent(
        RCP,
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
      ),
    ).toThrow(malformed);
    expect(() => checkPolicyContent('TAG_POLICY', '{not json')).toThrow(malformed);
  });

  it('refuses documents over 5,120 characters with POLICY_CONTENT_LIMIT_EXCEEDED', () => {
    const padded = `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}${' '.repeat(5100)}`;
    expect(() => checkPolicyContent(SCP, padded)).toThrow(
      expect.objectContaining({
        code: 'ConstraintViolationException',
        extra: { Reason: 'POLICY_CONTENT_LIMIT_EXCEEDED' },
      }),
    );
  });
});
