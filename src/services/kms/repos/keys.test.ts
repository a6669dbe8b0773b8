import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../storage/index.js';
import { KeyRepo } from './keys.js';

let storage: Storage;
let keys: KeyRepo;
beforeEach(() => {
  storage = openStorage({ memory: true });
  keys = new KeyRepo(storage.db);
  keys.insert({
    id: '1234abcd-12ab-34cd-56ef-1234567890ab',
    account: '111111111111',
    region: 'us-east-1',
    description: '',
    keyUsage: 'ENCRYPT_DECRYPT',
    keySpec: 'SYMMETRIC_DEFAULT',
    origin: 'AWS_KMS',
    manager: 'CUSTOMER',
    state: 'Enabled',
    createdAt: 0,
    deletionDate: undefined,
    pendingWindowDays: undefined,
    rotationPeriodDays: undefined,
    policy: '{}',
    policyPrincipalIds: {},
    material: Buffer.alloc(32, 1),
  });
});
afterEach(() => storage.close());

const ID = '1234abcd-12ab-34cd-56ef-1234567890ab';

describe('KeyRepo record cache', () => {
  it('serves the record after every write, never an older one', () => {
    expect(keys.byId(ID)?.state).toBe('Enabled');
    keys.setState(ID, 'Disabled');
    expect(keys.byId(ID)?.state).toBe('Disabled');
    keys.setPolicy(ID, '{"Version":"2012-10-17"}', {});
    expect(keys.byId(ID)?.policy).toBe('{"Version":"2012-10-17"}');
    keys.setDescription(ID, 'd');
    expect(keys.byId(ID)?.description).toBe('d');
    keys.setRotation(ID, 90);
    expect(keys.byId(ID)?.rotationPeriodDays).toBe(90);
  });

  it('keeps nothing a rolled-back transaction wrote', () => {
    expect(keys.byId(ID)?.state).toBe('Enabled');
    expect(() =>
      storage.db.transaction(() => {
        keys.setState(ID, 'Disabled');
        expect(keys.byId(ID)?.state).toBe('Disabled');
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(keys.byId(ID)?.state).toBe('Enabled');
  });
});
