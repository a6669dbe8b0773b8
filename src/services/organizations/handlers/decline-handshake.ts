// DeclineHandshake: the invited account turns the invitation down.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { checkTransition, findHandshake } from '../handshake-access.js';
import type { OrgEnv } from '../org-env.js';
import { accessDenied } from '../org-errors.js';
import { handshakeView } from '../views.js';

export function declineHandshake(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const { handshake, org, role } = findHandshake(env, call, input.HandshakeId as string);
  if (role !== 'invitee') throw accessDenied();
  checkTransition(handshake, 'DECLINED', call.now);
  env.store.write(() => env.store.handshakes.setState(handshake.id, 'DECLINED'));
  return { Handshake: handshakeView(env.store, org, { ...handshake, state: 'DECLINED' }, call.now) };
}
