// InviteAccountToOrganization: an open INVITE handshake for an existing account, which its owner accepts or
// declines. Accounts are invited by id; xacct knows no owner email addresses to invite by.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { handshakeConstraint, invalidInput, orgError } from '../org-errors.js';
import { newHandshakeId } from '../org-ids.js';
import type { HandshakeRecord } from '../store/records.js';
import { readTags } from '../tag-input.js';
import { handshakeState, handshakeView } from '../views.js';

/** Invitations stay open for 15 days. */
const INVITATION_LIFETIME_MS = 15 * 24 * 3600 * 1000;

export function inviteAccountToOrganization(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const target = input.Target as { Id: string; Type: string };
  if (target.Type !== 'ACCOUNT' || !/^\d{12}$/.test(target.Id)) throw invalidInput('INVALID_PARTY_TYPE_TARGET');
  const tags = readTags(input.Tags);
  const member = env.store.members.byId(target.Id);
  if (member?.organizationId === org.id) throw orgError('DuplicateAccountException');
  if (member !== undefined) throw handshakeConstraint('ALREADY_IN_AN_ORGANIZATION');
  const pending = env.store.handshakes
    .forTarget(target.Id)
    .some((h) => h.organizationId === org.id && h.action === 'INVITE' && handshakeState(h, call.now) === 'OPEN');
  if (pending) throw orgError('DuplicateHandshakeException');
  const handshake: HandshakeRecord = {
    id: newHandshakeId(),
    organizationId: org.id,
    action: 'INVITE',
    targetId: target.Id,
    targetType: 'ACCOUNT',
    state: 'OPEN',
    notes: (input.Notes as string | undefined) ?? null,
    requestedAt: call.now,
    expiresAt: call.now + INVITATION_LIFETIME_MS,
  };
  env.store.write(() => {
    env.store.handshakes.insert(handshake);
    // The tags are for the account once it joins; the handshake holds them until then.
    env.store.tags.put(org.id, handshake.id, tags);
  });
  return { Handshake: handshakeView(env.store, org, handshake, call.now) };
}
