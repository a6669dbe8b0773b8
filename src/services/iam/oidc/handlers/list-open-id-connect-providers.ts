// iam:ListOpenIDConnectProviders: the ARNs of the account's OIDC providers (the API has no pagination).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { OidcProviders } from '../oidc-providers.js';

export function listOpenIdConnectProviders(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const providers = new OidcProviders(iam.db).list(callerAccount(call));
  return { OpenIDConnectProviderList: providers.map((p) => ({ Arn: p.arn })) };
}
