// AWS managed keys (`alias/aws/<service>`): created in an account the first time a service needs one (or DescribeKey
// names its alias), with a key policy that only lets the account use it through that service.
import { randomUUID } from 'node:crypto';
import { newKeyMaterial } from './crypto/ciphertext.js';
import { awsManagedKeyPolicy } from './key-policies.js';
import type { KmsStore } from './kms-store.js';
import type { KeyRecord } from './repos/keys.js';

/** The predefined aliases ListAliases shows before their keys exist, with what the key's description protects. */
const PREDEFINED: Readonly<Record<string, string>> = {
  acm: 'ACM private keys',
  dynamodb: 'DynamoDB tables',
  ebs: 'EBS volumes',
  elasticfilesystem: 'Elastic File Systems',
  es: 'Elasticsearch domains',
  glue: 'Glue data',
  kinesis: 'Kinesis data',
  lambda: 'Lambda functions',
  rds: 'RDS database volumes',
  redshift: 'Redshift data warehouses',
  s3: 'S3 objects',
  secretsmanager: 'Secrets Manager secrets',
  sns: 'SNS topics',
  sqs: 'SQS messages',
  ssm: 'SSM parameters',
  xray: 'X-Ray data',
};

export const PREDEFINED_ALIASES: readonly string[] = Object.keys(PREDEFINED).map((s) => `alias/aws/${s}`);

export function isPredefinedAlias(name: string): boolean {
  return PREDEFINED_ALIASES.includes(name);
}

/** The AWS managed key behind a predefined alias, created (with its alias) if the account has none yet. */
export function ensureManagedKey(
  store: KmsStore,
  account: string,
  region: string,
  aliasName: string,
  now: number,
): KeyRecord {
  return store.db.transaction(() => {
    const existing = store.aliases.find(account, region, aliasName);
    const key = existing && store.keys.byId(existing.keyId);
    if (key !== undefined) return key;
    const service = aliasName.slice('alias/aws/'.length);
    const id = randomUUID();
    store.keys.insert({
      id,
      account,
      region,
      description: `Default key that protects my ${PREDEFINED[service] ?? `${service} resources`} when no other key is defined`,
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      origin: 'AWS_KMS',
      manager: 'AWS',
      state: 'Enabled',
      createdAt: now,
      deletionDate: undefined,
      pendingWindowDays: undefined,
      rotationPeriodDays: 365,
      policy: awsManagedKeyPolicy(account, region, service),
      policyPrincipalIds: {},
      material: newKeyMaterial(),
    });
    store.aliases.insert({ account, region, name: aliasName, keyId: id, createdAt: now, updatedAt: now });
    return store.keys.byId(id)!;
  });
}
