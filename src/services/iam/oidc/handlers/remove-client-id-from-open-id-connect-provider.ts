// iam:RemoveClientIDFromOpenIDConnectProvider: removes an audience; removing one not registered is not an error.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { OidcProviders } from '../oidc-providers.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function removeClientIdFromOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  iam.write(() => {
    const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
    const clientIds = provider.clientIds.filter((id) => id !== input.ClientID);
    new OidcProviders(iam.db).setClientIds(provider.arn, clientIds);
  });
  return {};
}
