// iam:UpdateOpenIDConnectProviderThumbprint: replaces the provider's certificate thumbprints.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { checkThumbprints, unique } from '../oidc-input.js';
import { OidcProviders } from '../oidc-providers.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function updateOpenIdConnectProviderThumbprint(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const thumbprints = unique(input.ThumbprintList);
  checkThumbprints(thumbprints);
  iam.write(() => {
    const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
    new OidcProviders(iam.db).setThumbprints(provider.arn, thumbprints);
  });
  return {};
}
