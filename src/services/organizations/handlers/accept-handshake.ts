// AcceptHandshake: the invited account joins the inviting organization under its root.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { checkTransition, findHandshake } from '../handshake-access.js';
import { accountName, callerMembership, type OrgEnv, placeholderEmail } from '../org-env.js';
import { accessDenied, handshakeConstraint } from '../org-errors.js';
import { addMember } from '../tree-changes.js';
import { handshakeView } from '../views.js';

export function acceptHandshake(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const { handshake, org, role } = findHandshake(env, call, input.HandshakeId as string);
  if (role !== 'invitee') throw accessDenied();
  checkTransition(handshake, 'ACCEPTED', call.now);
  if (callerMembership(env, call) !== undefined) throw handshakeConstraint('ALREADY_IN_AN_ORGANIZATION');
  const account = handshake.targetId;
  env.store.write(() => {
    addMember(env.store, org, {
      id: account,
      organizationId: org.id,
      parentId: org.rootId,
      name: accountName(env, account),
      email: placeholderEmail(account),
      joinedMethod: 'INVITED',
      joinedAt: call.now,
    });
    env.store.handshakes.setState(handshake.id, 'ACCEPTED');
    env.store.tags.put(org.id, account, env.store.tags.of(org.id, handshake.id));
    env.store.tags.removeAll(org.id, handshake.id);
  });
  return { Handshake: handshakeView(env.store, org, { ...handshake, state: 'ACCEPTED' }, call.now) };
}
