// The shape of one schema migration: a numbered, named, synchronous change run inside its own transaction.
import type { Database } from '../db.js';

export interface Migration {
  /** Unique and increasing; the file name's number (`001-accounts.ts` is version 1). */
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
