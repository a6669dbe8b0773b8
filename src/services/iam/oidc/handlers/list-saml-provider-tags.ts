// iam:ListSAMLProviderTags: the provider's tags in the order they were first added.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { indexKey, paginate } from '../../pagination.js';
import { ownSamlProvider } from '../provider-lookup.js';

export function listSamlProviderTags(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const provider = ownSamlProvider(iam, call, input.SAMLProviderArn as string);
  const page = paginate(
    iam.tags.list('saml-provider', provider.arn),
    input,
    `ListSAMLProviderTags:${provider.arn}`,
    indexKey,
  );
  return { Tags: page.items, ...page.meta };
}
