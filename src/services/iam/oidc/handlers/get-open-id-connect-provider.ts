// iam:GetOpenIDConnectProvider: the provider's issuer (without scheme), client ids, thumbprints and tags.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function getOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
  return {
    Url: provider.url,
    ClientIDList: [...provider.clientIds],
    ThumbprintList: [...provider.thumbprints],
    CreateDate: new Date(provider.createdAt),
    Tags: iam.tags.list('oidc-provider', provider.arn),
  };
}
