// The one SQLite connection repositories share: crash-safe pragmas, a transaction helper and cached statements.
import BetterSqlite3 from 'better-sqlite3';

export type DatabaseOptions = { readonly path: string } | { readonly memory: true };

export type Statement<P extends unknown[] | object = unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

export interface Database {
  /** The underlying connection, for what this wrapper does not cover (pragmas, user functions, backup). */
  readonly raw: BetterSqlite3.Database;
  /** A prepared statement, compiled once per distinct SQL text and reused. */
  prepare<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Statement<P, R>;
  exec(sql: string): void;
  /**
   * Runs `fn` in one write transaction (BEGIN IMMEDIATE) and returns its result; a throw rolls everything back.
   * Nested calls become savepoints. `fn` must be synchronous: SQLite cannot hold a transaction across an await.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** Enough for every fixed SQL text the repositories hold; dynamically built SQL must not grow the cache forever. */
const STATEMENT_CACHE_LIMIT = 1000;
/** How long a statement waits for another connection's lock (better-sqlite3 sets `busy_timeout` from it). */
const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(options: DatabaseOptions): Database {
  const raw = new BetterSqlite3('memory' in options ? ':memory:' : options.path, { timeout: BUSY_TIMEOUT_MS });
  try {
    raw.pragma('journal_mode = WAL');
    // FULL fsyncs the WAL on every commit, so an acknowledged write survives power loss as well as kill -9,
    // the same promise the blob store keeps by fsyncing bodies before their rows are committed.
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
  } catch (error) {
    raw.close();
    throw error;
  }
  return new SqliteDatabase(raw);
}

class SqliteDatabase implements Database {
  readonly raw: BetterSqlite3.Database;
  private readonly statements = new Map<string, BetterSqlite3.Statement<unknown[], unknown>>();

  constructor(raw: BetterSqlite3.Database) {
    this.raw = raw;
  }

  prepare<P extends unknown[] | object = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.raw.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE_LIMIT) {
        // Map iteration follows insertion order, so this evicts the statement prepared longest ago.
        const oldest = this.statements.keys().next().value;
        if (oldest !== undefined) this.statements.delete(oldest);
      }
      this.statements.set(sql, statement);
    }
    return statement as unknown as Statement<P, R>;
  }

  exec(sql: string): void {
    this.raw.exec(sql);
  }

  transaction<T>(fn: () => T): T {
    return this.raw.transaction(fn).immediate();
  }

  close(): void {
    this.statements.clear();
    this.raw.close();
  }
}
