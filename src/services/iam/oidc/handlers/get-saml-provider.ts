// iam:GetSAMLProvider: the provider's metadata document, validity and tags.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import type { IamContext } from '../../iam-context.js';
import { ownSamlProvider } from '../provider-lookup.js';

export function getSamlProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const provider = ownSamlProvider(iam, call, input.SAMLProviderArn as string);
  return {
    SAMLProviderUUID: provider.providerId,
    SAMLMetadataDocument: provider.metadata,
    CreateDate: new Date(provider.createdAt),
    ValidUntil: new Date(provider.validUntil),
    Tags: iam.tags.list('saml-provider', provider.arn),
    AssertionEncryptionMode: provider.assertionEncryptionMode,
    PrivateKeyList: [],
  };
}
