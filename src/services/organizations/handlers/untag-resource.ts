// UntagResource: removes tags by key; keys the resource lacks are ignored.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { findTaggable } from '../taggable.js';

export function untagResource(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const id = findTaggable(env, org, input.ResourceId as string);
  env.store.write(() => env.store.tags.remove(org.id, id, input.TagKeys as string[]));
  return {};
}
