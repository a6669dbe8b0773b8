// KMS state for one app: the repositories, and each key's policy compiled once per policy text.
import { type CompiledPolicy, compilePolicy } from '../../policy/index.js';
import type { Database } from '../../storage/db.js';
import { AliasRepo } from './repos/aliases.js';
import { GrantRepo } from './repos/grants.js';
import { KeyTagRepo } from './repos/key-tags.js';
import { type KeyRecord, KeyRepo } from './repos/keys.js';

/**
 * One store per database, shared by the KMS service and the services that call KMS for a requester (S3 SSE-KMS,
 * RDS), so a key policy is compiled once rather than on every S3 request. Keyed weakly by the database: each app
 * has its own, and nothing outlives it.
 */
const STORES = new WeakMap<Database, KmsStore>();

export class KmsStore {
  static of(db: Database): KmsStore {
    let store = STORES.get(db);
    if (store === undefined) {
      store = new KmsStore(db);
      STORES.set(db, store);
    }
    return store;
  }

  readonly keys: KeyRepo;
  readonly aliases: AliasRepo;
  readonly tags: KeyTagRepo;
  readonly grants: GrantRepo;
  private readonly compiled = new Map<string, { readonly text: string; readonly policy: CompiledPolicy }>();

  constructor(readonly db: Database) {
    this.keys = new KeyRepo(db);
    this.aliases = new AliasRepo(db);
    this.tags = new KeyTagRepo(db);
    this.grants = new GrantRepo(db);
  }

  /** The key policy, compiled; stored policies were validated when written. */
  keyPolicy(key: KeyRecord): CompiledPolicy {
    const cached = this.compiled.get(key.id);
    if (cached !== undefined && cached.text === key.policy) return cached.policy;
    const { policy } = compilePolicy(key.policy, 'kms-key', key.arn, { sizeLimit: false });
    if (policy === undefined) throw new Error(`stored key policy of ${key.arn} does not compile`);
    this.compiled.set(key.id, { text: key.policy, policy });
    return policy;
  }
}
