// Migration 12: parts of decision traces that are the same for every request (the traces of statements whose Action
// did not match), stored once and referred to from the events' details by id.
import type { Database } from '../db.js';

export const version = 12;
export const name = 'trail-fragments';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE trail_fragments (
      id INTEGER PRIMARY KEY,
      json TEXT NOT NULL UNIQUE
    ) STRICT;
  `);
}
