// How long each kind of STS session lasts: the defaults and caps of aws-reference 2.1, 2.5 and 2.6. The model
// already bounds DurationSeconds (900..43200 for roles, 900..129600 otherwise); these are the per-caller limits.
import type { RoleRecord } from '../types.js';
import { validationError } from './errors.js';

const ONE_HOUR = 3600;
const TWELVE_HOURS = 43_200;

/** AssumeRole and AssumeRoleWithWebIdentity: 1 h by default, at most the role's MaxSessionDuration (1 h if chained). */
export function roleSessionSeconds(requested: number | undefined, role: RoleRecord, chained: boolean): number {
  const seconds = requested ?? ONE_HOUR;
  if (chained && seconds > ONE_HOUR) {
    throw validationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }
  if (seconds > role.maxSessionDuration) {
    throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return seconds;
}

/**
 * GetSessionToken and GetFederationToken: 12 h by default for IAM users; the root user's sessions last at most an
 * hour, and a longer request is cut to one hour rather than refused.
 */
export function longTermSessionSeconds(requested: number | undefined, root: boolean): number {
  if (root) return Math.min(requested ?? ONE_HOUR, ONE_HOUR);
  return requested ?? TWELVE_HOURS;
}

/** When a session issued at `nowMs` for `seconds` expires: AWS reports expirations in whole seconds. */
export function expiryOf(nowMs: number, seconds: number): number {
  return Math.floor(nowMs / 1000) * 1000 + seconds * 1000;
}
