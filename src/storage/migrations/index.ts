// The one list of schema migrations, in order. A service adds its tables as a new numbered file registered here.
import * as accounts from './001-accounts.js';
import * as trail from './002-trail.js';
import * as iam from './003-iam.js';
import * as sts from './004-sts.js';
import * as organizations from './005-organizations.js';
import * as s3 from './006-s3.js';
import * as iamProviders from './007-iam-providers.js';
import * as s3Objects from './008-s3-objects.js';
import * as kms from './009-kms.js';
import * as rds from './010-rds.js';
import * as s3Sse from './011-s3-sse.js';
import * as trailFragments from './012-trail-fragments.js';
import * as s3CompletedUploads from './013-s3-completed-uploads.js';
import * as kmsPrincipalIds from './014-kms-principal-ids.js';
import type { Migration } from './migration.js';

export const migrations: readonly Migration[] = [
  accounts,
  trail,
  iam,
  sts,
  organizations,
  s3,
  iamProviders,
  s3Objects,
  kms,
  rds,
  s3Sse,
  trailFragments,
  s3CompletedUploads,
  kmsPrincipalIds,
];
