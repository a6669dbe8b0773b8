import { describe, expect, it } from 'vitest';
import { readKeyReference } from './key-ids.js';

const ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('readKeyReference', () => {
  it('reads the four forms KMS accepts', () => {
    expect(readKeyReference(ID.toUpperCase())).toEqual({ kind: 'key-id', id: ID });
    expect(readKeyReference(`arn:aws:kms:eu-west-1:111122223333:key/${ID}`)).toEqual({
      kind: 'key-arn',
      id: ID,
      account: '111122223333',
      region: 'eu-west-1',
    });
    expect(readKeyReference('alias/orders')).toEqual({ kind: 'alias-name', name: 'alias/orders' });
    expect(readKeyReference('arn:aws:kms:us-east-1:111122223333:alias/orders')).toEqual({
      kind: 'alias-arn',
      name: 'alias/orders',
      account: '111122223333',
      region: 'us-east-1',
    });
  });

  it('refuses everything else', () => {
    for (const text of [
      'fake-key-id',
      'arn:aws:s3:::bucket',
      `arn:aws:kms:us-east-1:1:key/${ID}`,
      'arn:aws:kms:us-east-1:111122223333:key/x',
    ]) {
      expect(readKeyReference(text).kind).toBe('invalid');
    }
  });
});
