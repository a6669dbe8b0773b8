// RDS storage encryption through KMS, on the requester's behalf (kms:ViaService rds.<region>.amazonaws.com): RDS
// checks the key (DescribeKey), gives itself a grant on it (CreateGrant) and makes or opens the storage data key
// (GenerateDataKey / Decrypt). Any KMS failure, a key policy that does not let the requester in included, is
// KMSKeyNotAccessibleFault to the RDS client; the KMS decisions stay in the request's trail event.
import { isAwsError } from '../../core/aws-error.js';
import { createGrantFor, decryptFor, describeKeyFor, generateDataKeyFor } from '../kms/kms-for-services.js';
import type { CallContext } from '../types.js';
import { kmsKeyNotAccessible } from './rds-errors.js';

const VIA = 'rds';
const GRANT_OPERATIONS = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'CreateGrant',
  'RetireGrant',
  'DescribeKey',
];

export interface StorageKey {
  readonly keyArn: string;
  readonly awsManaged: boolean;
  /** The data key, encrypted under the KMS key. */
  readonly dataKey: Buffer;
}

/** The storage context a data key is bound to: the DbiResourceId of the instance the data came from. */
export function storageContext(resourceId: string): Record<string, string> {
  return { 'aws:rds:dbi-resource-id': resourceId };
}

function asFault<T>(keyId: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isAwsError(error)) throw kmsKeyNotAccessible(keyId);
    throw error;
  }
}

function useKey(call: CallContext, keyId: string): { keyArn: string; awsManaged: boolean } {
  const key = describeKeyFor(call, keyId, VIA);
  const service = `rds.${call.region}.amazonaws.com`;
  createGrantFor(call, key.keyArn, { grantee: service, retiring: service, operations: GRANT_OPERATIONS }, VIA);
  return { keyArn: key.keyArn, awsManaged: key.awsManaged };
}

/** A new data key under `keyId` (an id, ARN or alias; `alias/aws/rds` by default). */
export function newStorageKey(call: CallContext, keyId: string, resourceId: string): StorageKey {
  return asFault(keyId, () => {
    const key = useKey(call, keyId);
    const dataKey = generateDataKeyFor(call, key.keyArn, storageContext(resourceId), VIA);
    return { ...key, dataKey: dataKey.ciphertextBlob };
  });
}

/** Proves the requester can open an existing snapshot's data key (its key's policy must let them decrypt). */
export function openStorageKey(call: CallContext, keyArn: string, dataKey: Buffer, resourceId: string): void {
  asFault(keyArn, () => {
    useKey(call, keyArn);
    decryptFor(call, dataKey, storageContext(resourceId), VIA);
  });
}
