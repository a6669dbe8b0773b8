// iam:TagSAMLProvider: adds tags to the provider, replacing the values of keys it already has.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { checkTagQuota, requestTags } from '../../tag-input.js';
import { ownSamlProvider } from '../provider-lookup.js';

export function tagSamlProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const tags = requestTags(input.Tags);
  iam.write(() => {
    const provider = ownSamlProvider(iam, call, input.SAMLProviderArn as string);
    checkTagQuota(iam, 'saml-provider', provider.arn, tags);
    iam.tags.put('saml-provider', provider.arn, tags);
  });
  return {};
}
