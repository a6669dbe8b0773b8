// Handshakes as their two parties see them: the invited account (accept, decline) and the inviting
// organization's management account (cancel). Anyone else is told the handshake does not exist.
import type { CallContext } from '../types.js';
import type { OrgEnv } from './org-env.js';
import { orgError } from './org-errors.js';
import type { HandshakeRecord, HandshakeState, OrganizationRecord } from './store/records.js';
import { handshakeState } from './views.js';

export interface HandshakeAccess {
  readonly handshake: HandshakeRecord;
  readonly org: OrganizationRecord;
  readonly role: 'invitee' | 'inviter';
}

export function findHandshake(env: OrgEnv, call: CallContext, id: string): HandshakeAccess {
  const handshake = env.store.handshakes.byId(id);
  const org = handshake === undefined ? undefined : env.store.organizations.byId(handshake.organizationId);
  const account = call.caller.account;
  if (handshake === undefined || org === undefined) throw orgError('HandshakeNotFoundException');
  if (handshake.targetId === account) return { handshake, org, role: 'invitee' };
  if (org.managementAccount === account) return { handshake, org, role: 'inviter' };
  throw orgError('HandshakeNotFoundException');
}

/** Only an open handshake can move; asking for the state it already has is its own error. */
export function checkTransition(handshake: HandshakeRecord, to: HandshakeState, now: number): void {
  const state = handshakeState(handshake, now);
  if (state === to) throw orgError('HandshakeAlreadyInStateException');
  if (state !== 'OPEN') throw orgError('InvalidHandshakeTransitionException');
}
