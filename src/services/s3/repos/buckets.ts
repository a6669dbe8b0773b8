// S3 buckets and their configuration documents in SQLite, served from an in-memory cache of immutable records:
// a request reads its bucket without touching the database or parsing JSON; every write replaces the record.
import type { Database } from '../../../storage/db.js';
import type { PrincipalIds } from '../../bound-principals.js';
import type { StoredAcl } from '../authorization/acl.js';

export type ObjectOwnership = 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';

const OBJECT_OWNERSHIPS: ReadonlySet<unknown> = new Set([
  'BucketOwnerEnforced',
  'BucketOwnerPreferred',
  'ObjectWriter',
]);

export function isObjectOwnership(value: unknown): value is ObjectOwnership {
  return OBJECT_OWNERSHIPS.has(value);
}
export type VersioningStatus = 'Enabled' | 'Suspended';

export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

export interface DefaultEncryption {
  readonly algorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
  /** The KMS key as configured (key id, key ARN or alias); undefined means the AWS managed key `aws/s3`. */
  readonly kmsKeyId: string | undefined;
  readonly bucketKeyEnabled: boolean;
}

export interface CorsRule {
  readonly id: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly allowedMethods: readonly string[];
  readonly allowedHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAgeSeconds: number | undefined;
}

/** The configuration documents a bucket may carry, each stored as one JSON (or policy) text. */
export interface BucketConfigs {
  /** The bucket policy exactly as it was put. */
  readonly policy?: string;
  /** The unique ids the policy's user and role ARNs resolved to when it was put (bound-principals.ts). */
  readonly policyPrincipalIds?: PrincipalIds;
  readonly publicAccessBlock?: PublicAccessBlock;
  /** Absent: the SSE-S3 default every bucket has had since January 2023. */
  readonly encryption?: DefaultEncryption;
  readonly tags?: readonly { readonly Key: string; readonly Value: string }[];
  /** `BucketLoggingStatus.LoggingEnabled` as put. */
  readonly logging?: Readonly<Record<string, unknown>>;
  readonly cors?: readonly CorsRule[];
  /** Set when the bucket was created with the legacy `EU` constraint (its region is eu-west-1). */
  readonly locationConstraint?: 'EU';
}

export type BucketConfigKind = keyof BucketConfigs;

export interface BucketRecord {
  readonly name: string;
  /** `arn:aws:s3:::name` */
  readonly arn: string;
  /** The owning account id. */
  readonly owner: string;
  /** The owning account's canonical user id. */
  readonly ownerCanonicalId: string;
  readonly region: string;
  /** Creation time, ms since the epoch. */
  readonly createdAt: number;
  /** Undefined when the bucket has no ownership controls (ACLs enabled, writers own their objects). */
  readonly objectOwnership: ObjectOwnership | undefined;
  /** False under BucketOwnerEnforced: ACLs are then neither evaluated nor accepted. */
  readonly aclsEnabled: boolean;
  /** Undefined for a bucket that was never versioned. */
  readonly versioning: VersioningStatus | undefined;
  readonly objectLockEnabled: boolean;
  /** The bucket ACL as stored (also kept while ACLs are disabled, and restored when they are enabled again). */
  readonly acl: StoredAcl;
  readonly configs: BucketConfigs;
}

export interface NewBucket {
  readonly name: string;
  readonly owner: string;
  readonly region: string;
  readonly createdAt: number;
  readonly objectOwnership: ObjectOwnership | undefined;
  readonly versioning: VersioningStatus | undefined;
  readonly objectLockEnabled: boolean;
  readonly acl: StoredAcl;
  readonly configs: BucketConfigs;
}

export type BucketChanges = Partial<Pick<BucketRecord, 'objectOwnership' | 'versioning' | 'acl'>>;

interface BucketRow {
  name: string;
  owner: string;
  region: string;
  created_at: number;
  object_ownership: ObjectOwnership | null;
  versioning: VersioningStatus | null;
  object_lock_enabled: number;
  acl: string;
  canonical_user_id: string | null;
}

const stores = new WeakMap<Database, BucketStore>();

/** Buckets of one database. INVARIANT: every bucket write goes through this store, so its cache stays true. */
export class BucketStore {
  private readonly cache = new Map<string, BucketRecord>();

  private constructor(private readonly db: Database) {}

  /** One store per database, so every service and request shares the same cache. */
  static of(db: Database): BucketStore {
    let store = stores.get(db);
    if (store === undefined) {
      store = new BucketStore(db);
      stores.set(db, store);
    }
    return store;
  }

  find(name: string): BucketRecord | undefined {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const record = this.load(name);
    if (record !== undefined) this.cache.set(name, record);
    return record;
  }

  /** The account's buckets, by name. */
  listByOwner(owner: string): BucketRecord[] {
    const names = this.db
      .prepare<[string], { name: string }>('SELECT name FROM s3_buckets WHERE owner = ? ORDER BY name')
      .all(owner);
    return names.flatMap(({ name }) => this.find(name) ?? []);
  }

  /** Inserts the bucket and its configuration in one transaction. The caller has checked that the name is free. */
  create(bucket: NewBucket): BucketRecord {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO s3_buckets (name, owner, region, created_at, object_ownership, versioning, object_lock_enabled, acl)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          bucket.name,
          bucket.owner,
          bucket.region,
          bucket.createdAt,
          bucket.objectOwnership ?? null,
          bucket.versioning ?? null,
          bucket.objectLockEnabled ? 1 : 0,
          JSON.stringify(bucket.acl),
        );
      for (const [kind, value] of Object.entries(bucket.configs)) this.writeConfig(bucket.name, kind, value);
    });
    return this.reload(bucket.name);
  }

  delete(name: string): void {
    this.db.prepare('DELETE FROM s3_buckets WHERE name = ?').run(name);
    this.cache.delete(name);
  }

  update(name: string, changes: BucketChanges): BucketRecord {
    this.db.transaction(() => {
      const current = this.find(name);
      if (current === undefined) throw new Error(`bucket ${name} vanished during an update`);
      const next = { ...current, ...changes };
      this.db
        .prepare('UPDATE s3_buckets SET object_ownership = ?, versioning = ?, acl = ? WHERE name = ?')
        .run(next.objectOwnership ?? null, next.versioning ?? null, JSON.stringify(next.acl), name);
    });
    return this.reload(name);
  }

  /** Sets (or with `undefined`, removes) one configuration document. */
  putConfig<K extends BucketConfigKind>(name: string, kind: K, value: BucketConfigs[K] | undefined): BucketRecord {
    this.db.transaction(() => this.writeConfig(name, kind, value));
    return this.reload(name);
  }

  /** Sets (or with `undefined`, removes) several configuration documents in one transaction. */
  putConfigs(name: string, configs: { readonly [K in BucketConfigKind]?: BucketConfigs[K] | undefined }): BucketRecord {
    this.db.transaction(() => {
      for (const [kind, value] of Object.entries(configs)) this.writeConfig(name, kind, value);
    });
    return this.reload(name);
  }

  private writeConfig(name: string, kind: string, value: unknown): void {
    if (value === undefined) {
      this.db.prepare('DELETE FROM s3_bucket_configs WHERE bucket = ? AND kind = ?').run(name, kind);
      return;
    }
    const document = kind === 'policy' ? (value as string) : JSON.stringify(value);
    this.db
      .prepare(
        `INSERT INTO s3_bucket_configs (bucket, kind, document) VALUES (?, ?, ?)
         ON CONFLICT (bucket, kind) DO UPDATE SET document = excluded.document`,
      )
      .run(name, kind, document);
  }

  private reload(name: string): BucketRecord {
    this.cache.delete(name);
    const record = this.find(name);
    if (record === undefined) throw new Error(`bucket ${name} is missing after a write`);
    return record;
  }

  private load(name: string): BucketRecord | undefined {
    const row = this.db
      .prepare<[string], BucketRow>(
        `SELECT b.*, a.canonical_user_id FROM s3_buckets b LEFT JOIN accounts a ON a.id = b.owner WHERE b.name = ?`,
      )
      .get(name);
    if (row === undefined) return undefined;
    const configs: Record<string, unknown> = {};
    const rows = this.db
      .prepare<[string], { kind: string; document: string }>(
        'SELECT kind, document FROM s3_bucket_configs WHERE bucket = ?',
      )
      .all(name);
    for (const { kind, document } of rows) configs[kind] = kind === 'policy' ? document : JSON.parse(document);
    return {
      name: row.name,
      arn: `arn:aws:s3:::${row.name}`,
      owner: row.owner,
      ownerCanonicalId: row.canonical_user_id ?? '',
      region: row.region,
      createdAt: row.created_at,
      objectOwnership: row.object_ownership ?? undefined,
      aclsEnabled: row.object_ownership !== 'BucketOwnerEnforced',
      versioning: row.versioning ?? undefined,
      objectLockEnabled: row.object_lock_enabled === 1,
      acl: JSON.parse(row.acl) as StoredAcl,
      configs: configs as BucketConfigs,
    };
  }
}

/** The bucket's CORS rules (S3-objects answers preflight requests from them); undefined when none are set. */
export function getBucketCors(db: Database, bucket: BucketRecord | string): readonly CorsRule[] | undefined {
  return BucketStore.of(db).find(typeof bucket === 'string' ? bucket : bucket.name)?.configs.cors;
}
