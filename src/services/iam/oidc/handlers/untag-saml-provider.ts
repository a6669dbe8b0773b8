// iam:UntagSAMLProvider: removes tags by key (keys compare ignoring case); absent keys are not an error.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { ownSamlProvider } from '../provider-lookup.js';

export function untagSamlProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  iam.write(() => {
    const provider = ownSamlProvider(iam, call, input.SAMLProviderArn as string);
    iam.tags.remove('saml-provider', provider.arn, input.TagKeys as string[]);
  });
  return {};
}
