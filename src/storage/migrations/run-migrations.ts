// Brings a database's schema up to date: each pending migration runs once, in order, in its own transaction.
import type { Database } from '../db.js';
import type { Migration } from './migration.js';

interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

const CREATE_LEDGER = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`;

/** Applies the migrations in `list` that the database lacks and returns their versions, in the order applied. */
export function runMigrations(db: Database, list: readonly Migration[]): number[] {
  assertOrdered(list);
  db.exec(CREATE_LEDGER);
  const applied = db
    .prepare<[], AppliedMigration>('SELECT version, name FROM schema_migrations ORDER BY version')
    .all();
  assertKnown(db, applied, list);
  const done = new Set(applied.map((row) => row.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const migration of list) {
    if (done.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    });
    ran.push(migration.version);
  }
  return ran;
}

function assertOrdered(list: readonly Migration[]): void {
  let previous = 0;
  for (const migration of list) {
    if (!Number.isSafeInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `migration '${migration.name}' has version ${migration.version}; versions must be integers increasing from 1`,
      );
    }
    previous = migration.version;
  }
}

/** Refuses a database that a newer (or diverged) xacct has migrated: running old code on it could corrupt it. */
function assertKnown(db: Database, applied: readonly AppliedMigration[], list: readonly Migration[]): void {
  const known = new Map(list.map((migration) => [migration.version, migration]));
  const latest = list.at(-1)?.version ?? 0;
  for (const row of applied) {
    const migration = known.get(row.version);
    if (migration === undefined) {
      throw new Error(
        `the database ${db.raw.name} has schema migration ${row.version} ('${row.name}'), which this version of xacct ` +
          `does not know (it knows migrations up to ${latest}); it was written by a newer xacct. ` +
          'Upgrade xacct or use another data directory.',
      );
    }
    if (migration.name !== row.name) {
      throw new Error(
        `the database ${db.raw.name} applied schema migration ${row.version} as '${row.name}', ` +
          `but this version of xacct defines migration ${row.version} as '${migration.name}'`,
      );
    }
  }
}
