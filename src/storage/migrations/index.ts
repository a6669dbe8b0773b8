// The one list of schema migrations, in order. A service adds its tables as a new numbered file registered here.
import * as accounts from './001-accounts.js';
import * as trail from './002-trail.js';
import type { Migration } from './migration.js';

export const migrations: readonly Migration[] = [accounts, trail];
