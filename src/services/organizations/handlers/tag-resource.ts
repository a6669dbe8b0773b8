// TagResource: adds or overwrites tags on a root, OU, account or policy.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { checkTagCount, readTags } from '../tag-input.js';
import { findTaggable } from '../taggable.js';

export function tagResource(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const id = findTaggable(env, org, input.ResourceId as string);
  const tags = readTags(input.Tags);
  checkTagCount(env.store.tags.of(org.id, id), tags);
  env.store.write(() => env.store.tags.put(org.id, id, tags));
  return {};
}
