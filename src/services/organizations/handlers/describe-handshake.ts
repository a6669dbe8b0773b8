// DescribeHandshake: either party may read a handshake.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { findHandshake } from '../handshake-access.js';
import type { OrgEnv } from '../org-env.js';
import { handshakeView } from '../views.js';

export function describeHandshake(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const { handshake, org } = findHandshake(env, call, input.HandshakeId as string);
  return { Handshake: handshakeView(env.store, org, handshake, call.now) };
}
