// The account-level Block Public Access settings (S3 Control), cached in memory: every S3 authorization reads them.
import type { Database } from '../../../storage/db.js';
import type { PublicAccessBlock } from './buckets.js';

interface Row {
  block_public_acls: number;
  ignore_public_acls: number;
  block_public_policy: number;
  restrict_public_buckets: number;
}

const stores = new WeakMap<Database, AccountPublicAccessBlocks>();

/** INVARIANT: every write goes through this store, so its cache stays true. */
export class AccountPublicAccessBlocks {
  /** `null` caches "none set". */
  private readonly cache = new Map<string, PublicAccessBlock | null>();

  private constructor(private readonly db: Database) {}

  static of(db: Database): AccountPublicAccessBlocks {
    let store = stores.get(db);
    if (store === undefined) {
      store = new AccountPublicAccessBlocks(db);
      stores.set(db, store);
    }
    return store;
  }

  find(account: string): PublicAccessBlock | undefined {
    let cached = this.cache.get(account);
    if (cached === undefined) {
      const row = this.db
        .prepare<[string], Row>('SELECT * FROM s3_account_public_access_blocks WHERE account = ?')
        .get(account);
      cached = row === undefined ? null : toBlock(row);
      this.cache.set(account, cached);
    }
    return cached ?? undefined;
  }

  put(account: string, block: PublicAccessBlock): void {
    this.db
      .prepare(
        `INSERT INTO s3_account_public_access_blocks
           (account, block_public_acls, ignore_public_acls, block_public_policy, restrict_public_buckets)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (account) DO UPDATE SET block_public_acls = excluded.block_public_acls,
           ignore_public_acls = excluded.ignore_public_acls, block_public_policy = excluded.block_public_policy,
           restrict_public_buckets = excluded.restrict_public_buckets`,
      )
      .run(
        account,
        Number(block.blockPublicAcls),
        Number(block.ignorePublicAcls),
        Number(block.blockPublicPolicy),
        Number(block.restrictPublicBuckets),
      );
    this.cache.set(account, block);
  }

  delete(account: string): void {
    this.db.prepare('DELETE FROM s3_account_public_access_blocks WHERE account = ?').run(account);
    this.cache.set(account, null);
  }
}

function toBlock(row: Row): PublicAccessBlock {
  return {
    blockPublicAcls: row.block_public_acls === 1,
    ignorePublicAcls: row.ignore_public_acls === 1,
    blockPublicPolicy: row.block_public_policy === 1,
    restrictPublicBuckets: row.restrict_public_buckets === 1,
  };
}
