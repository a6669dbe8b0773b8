// iam:DeleteOpenIDConnectProvider: removes the provider and its tags; roles that trust it can no longer be assumed
// with its tokens.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { OidcProviders } from '../oidc-providers.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function deleteOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const arn = input.OpenIDConnectProviderArn as string;
  iam.write(() => {
    ownOidcProvider(iam, call, arn, `OpenId connect Provider ${arn} cannot be found.`);
    new OidcProviders(iam.db).delete(arn);
    iam.tags.removeAll('oidc-provider', arn);
  });
  return {};
}
