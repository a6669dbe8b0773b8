// iam:UntagOpenIDConnectProvider: removes tags by key (keys compare ignoring case); absent keys are not an error.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { ownOidcProvider } from '../provider-lookup.js';

export function untagOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  iam.write(() => {
    const provider = ownOidcProvider(iam, call, input.OpenIDConnectProviderArn as string);
    iam.tags.remove('oidc-provider', provider.arn, input.TagKeys as string[]);
  });
  return {};
}
