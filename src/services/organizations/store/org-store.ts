// The Organizations state behind one object. Every change goes through `write`, which runs it in one transaction
// and moves the generation on, so that the membership answers cached for the pipeline are rebuilt.
import type { Database } from '../../../storage/db.js';
import { HandshakesRepo } from './handshakes-repo.js';
import { MembersRepo } from './members-repo.js';
import { OrganizationsRepo } from './organizations-repo.js';
import { PoliciesRepo } from './policies-repo.js';
import { TagsRepo } from './tags-repo.js';
import { UnitsRepo } from './units-repo.js';

export class OrgStore {
  readonly organizations: OrganizationsRepo;
  readonly members: MembersRepo;
  readonly units: UnitsRepo;
  readonly policies: PoliciesRepo;
  readonly handshakes: HandshakesRepo;
  readonly tags: TagsRepo;
  private changes = 0;

  constructor(private readonly db: Database) {
    this.organizations = new OrganizationsRepo(db);
    this.members = new MembersRepo(db);
    this.units = new UnitsRepo(db);
    this.policies = new PoliciesRepo(db);
    this.handshakes = new HandshakesRepo(db);
    this.tags = new TagsRepo(db);
  }

  /** Increases with every write (committed or not: a needless rebuild is cheap, a stale answer is not). */
  get generation(): number {
    return this.changes;
  }

  write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn);
    } finally {
      this.changes++;
    }
  }
}
