import { describe, expect, it } from 'vitest';
import { isServiceLinkedRole, principalFromArn } from './principal.js';

describe('principalFromArn', () => {
  it('reads every caller form', () => {
    expect(principalFromArn('*')).toMatchObject({ type: 'Anonymous', arn: 'anonymous' });
    expect(principalFromArn('arn:aws:iam::111111111111:root')).toMatchObject({
      type: 'Account',
      account: '111111111111',
    });
    expect(principalFromArn('arn:aws:iam::111111111111:user/dev/alice')).toMatchObject({ type: 'User' });
    expect(principalFromArn('arn:aws:sts::111111111111:assumed-role/R/s')).toMatchObject({
      type: 'AssumedRole',
      roleArn: 'arn:aws:iam::111111111111:role/R',
    });
    expect(principalFromArn('arn:aws:sts::111111111111:federated-user/bob')).toMatchObject({ type: 'FederatedUser' });
    expect(principalFromArn('logging.s3.amazonaws.com')).toMatchObject({
      type: 'Service',
      serviceName: 'logging.s3.amazonaws.com',
    });
    expect(
      principalFromArn('arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com'),
    ).toMatchObject({
      type: 'WebIdentity',
    });
    expect(principalFromArn('arn:aws:iam::111111111111:role/R')).toBeUndefined();
    expect(principalFromArn('bob')).toBeUndefined();
  });

  it('recognises service-linked roles by their path', () => {
    const slr = principalFromArn(
      'arn:aws:sts::1:assumed-role/X/s',
      'arn:aws:iam::111111111111:role/aws-service-role/x.amazonaws.com/X',
    );
    expect(slr).toBeUndefined();
    const ok = principalFromArn(
      'arn:aws:sts::111111111111:assumed-role/X/s',
      'arn:aws:iam::111111111111:role/aws-service-role/x.amazonaws.com/X',
    )!;
    expect(isServiceLinkedRole(ok)).toBe(true);
    expect(isServiceLinkedRole(principalFromArn('arn:aws:sts::111111111111:assumed-role/X/s')!)).toBe(false);
  });
});
