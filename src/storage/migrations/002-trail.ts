// Migration 2: the trail of recorded requests and their authorization decisions.
import type { Database } from '../db.js';

export const version = 2;
export const name = 'trail';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE trail_events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      time TEXT NOT NULL,
      principal TEXT NOT NULL,
      account TEXT,
      service TEXT NOT NULL,
      operation TEXT NOT NULL,
      action TEXT,
      resource TEXT,
      source_ip TEXT NOT NULL,
      decision TEXT NOT NULL,
      denied_by TEXT,
      deciding_policy TEXT,
      error_code TEXT,
      status INTEGER NOT NULL,
      detail TEXT NOT NULL
    ) STRICT;
    CREATE INDEX trail_events_decision ON trail_events (decision, seq);
  `);
}
