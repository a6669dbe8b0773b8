// iam:AddClientIDToOpenIDConnectProvider: adds an audience; adding one already registered changes nothing.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { checkClientIds } from '../oidc-input.js';
import { OidcProviders } from '../oidc-providers.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function addClientIdToOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const clientId = input.ClientID as string;
  iam.write(() => {
    const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
    if (provider.clientIds.includes(clientId)) return;
    const clientIds = [...provider.clientIds, clientId];
    checkClientIds(clientIds);
    new OidcProviders(iam.db).setClientIds(provider.arn, clientIds);
  });
  return {};
}
