// iam:ListSAMLProviders: the account's SAML providers with their validity (the API has no pagination).
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { SamlProviders } from '../saml-providers.js';

export function listSamlProviders(iam: IamContext, _input: Shaped, call: CallContext): Shaped {
  const providers = new SamlProviders(iam.db).list(callerAccount(call));
  return {
    SAMLProviderList: providers.map((p) => ({
      Arn: p.arn,
      ValidUntil: new Date(p.validUntil),
      CreateDate: new Date(p.createdAt),
    })),
  };
}
