import { describe, expect, it } from 'vitest';
import { awsManagedPolicies } from './aws-managed-policies.js';

describe('AWS managed policies', () => {
  const catalog = awsManagedPolicies();

  it('indexes every policy of the package with its path, default version and dates', () => {
    const all = catalog.list();
    expect(all.length).toBeGreaterThan(1000);
    expect(all.every((p) => p.createdAt > 0 && p.updatedAt >= p.createdAt)).toBe(true);
    expect(catalog.byArn('arn:aws:iam::aws:policy/AdministratorAccess')).toMatchObject({
      name: 'AdministratorAccess',
      path: '/',
      defaultVersion: 'v1',
      id: expect.stringMatching(/^ANPA[A-Z2-7]{17}$/),
    });
    expect(catalog.byArn('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.path).toBe(
      '/service-role/',
    );
  });

  it('has the policies people attach most', () => {
    for (const name of [
      'AdministratorAccess',
      'ReadOnlyAccess',
      'AmazonS3FullAccess',
      'AmazonS3ReadOnlyAccess',
      'PowerUserAccess',
      'IAMFullAccess',
    ]) {
      expect(catalog.byArn(`arn:aws:iam::aws:policy/${name}`)?.name).toBe(name);
    }
  });

  it('reads the documents of a policy, newest version first, the default one included', () => {
    const arn = 'arn:aws:iam::aws:policy/PowerUserAccess';
    const versions = catalog.versions(arn);
    expect(versions[0]?.versionId).toBe(catalog.byArn(arn)?.defaultVersion);
    const document = JSON.parse(catalog.version(arn, 'v1')?.document ?? '{}');
    expect(document.Statement[0]).toMatchObject({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
  });

  it('knows nothing of customer ARNs or unknown names', () => {
    expect(catalog.byArn('arn:aws:iam::111111111111:policy/AdministratorAccess')).toBeUndefined();
    expect(catalog.byArn('arn:aws:iam::aws:policy/NoSuchPolicyAnywhere')).toBeUndefined();
    expect(catalog.versions('arn:aws:iam::aws:policy/NoSuchPolicyAnywhere')).toEqual([]);
  });
});
