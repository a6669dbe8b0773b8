// KMS state for one app: the repositories, and each key's policy compiled once per policy text and per state of
// the principals it names (a deleted or re-created one makes it recompile with the old unique id).
import { type CompiledPolicy, compilePolicy } from '../../policy/index.js';
import type { Database } from '../../storage/db.js';
import { BoundPolicy, type PrincipalIdLookup } from '../bound-principals.js';
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
  private readonly compiled = new Map<string, { readonly bound: BoundPolicy; readonly policy: CompiledPolicy }>();

  constructor(readonly db: Database) {
    this.keys = new KeyRepo(db);
    this.aliases = new AliasRepo(db);
    this.tags = new KeyTagRepo(db);
    this.grants = new GrantRepo(db);
  }

  /**
   * The key policy, compiled; stored policies were validated when written. While IAM is unchanged this is one Map
   * lookup; after an IAM write the users and roles the policy names are looked up again (and the policy recompiled
   * only if one of them was deleted or re-created).
   */
  keyPolicy(key: KeyRecord, principals: PrincipalIdLookup): CompiledPolicy {
    const cached = this.compiled.get(key.id);
    if (cached?.bound.holds(key.policy, key.policyPrincipalIds, principals)) {
      return cached.policy;
    }
    const bound = new BoundPolicy(key.policy, key.policyPrincipalIds, principals);
    const { policy } = compilePolicy(bound.value, 'kms-key', key.arn, { sizeLimit: false });
    if (policy === undefined) throw new Error(`stored key policy of ${key.arn} does not compile`);
    this.compiled.set(key.id, { bound, policy });
    return policy;
  }
}
