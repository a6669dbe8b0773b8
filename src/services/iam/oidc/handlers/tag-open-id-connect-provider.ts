// iam:TagOpenIDConnectProvider: adds tags to the provider, replacing the values of keys it already has.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { checkTagQuota, requestTags } from '../../tag-input.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function tagOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const tags = requestTags(input.Tags);
  iam.write(() => {
    const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
    checkTagQuota(iam, 'oidc-provider', provider.arn, tags);
    iam.tags.put('oidc-provider', provider.arn, tags);
  });
  return {};
}
