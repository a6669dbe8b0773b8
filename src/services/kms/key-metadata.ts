// KeyMetadata as CreateKey and DescribeKey return it.
import type { Shaped } from '../../protocol/index.js';
import type { KeyRecord } from './repos/keys.js';

export function keyMetadata(key: KeyRecord): Shaped {
  return {
    AWSAccountId: key.account,
    KeyId: key.id,
    Arn: key.arn,
    CreationDate: new Date(key.createdAt),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    DeletionDate: key.deletionDate === undefined ? undefined : new Date(key.deletionDate),
    Origin: key.origin,
    KeyManager: key.manager,
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
    MultiRegion: false,
  };
}
