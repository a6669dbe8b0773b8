import { describe, expect, it } from 'vitest';
import { identifierOf, readSnapshotReference } from './rds-ids.js';

describe('RDS identifiers', () => {
  it('accepts letters first, single hyphens, no trailing hyphen, and stores lower case', () => {
    expect(identifierOf('DBInstanceIdentifier', 'My-DB-1', 63)).toBe('my-db-1');
    for (const bad of ['1db', 'db--x', 'db-', '', 'db_x', 'a'.repeat(64)]) {
      expect(() => identifierOf('DBInstanceIdentifier', bad, 63)).toThrow(/is not a valid identifier/);
    }
  });

  it('reads a snapshot named by identifier or by ARN', () => {
    expect(readSnapshotReference('Snap')).toEqual({ account: undefined, region: undefined, identifier: 'snap' });
    expect(readSnapshotReference('arn:aws:rds:us-east-1:111122223333:snapshot:Snap')).toEqual({
      account: '111122223333',
      region: 'us-east-1',
      identifier: 'snap',
    });
  });
});
