// iam:ListOpenIDConnectProviderTags: the provider's tags in the order they were first added.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function listOpenIdConnectProviderTags(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
  const page = paginate(
    iam.tags.list('oidc-provider', provider.arn),
    input,
    `ListOpenIDConnectProviderTags:${provider.arn}`,
    indexKey,
  );
  return { Tags: page.items, ...page.meta };
}
