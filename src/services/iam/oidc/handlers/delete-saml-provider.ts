// iam:DeleteSAMLProvider: removes the provider and its tags.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { ownSamlProvider } from '../provider-lookup.js';
import { SamlProviders } from '../saml-providers.js';

export function deleteSamlProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const arn = input.SAMLProviderArn as string;
  iam.write(() => {
    ownSamlProvider(iam, call, arn);
    new SamlProviders(iam.db).delete(arn);
    iam.tags.removeAll('saml-provider', arn);
  });
  return {};
}
