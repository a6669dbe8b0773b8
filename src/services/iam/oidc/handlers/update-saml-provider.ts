// iam:UpdateSAMLProvider: replaces the metadata document and/or the assertion encryption mode.
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { invalidInput } from '../../errors.js';
import type { IamContext } from '../../iam-context.js';
import { ownSamlProvider } from '../provider-lookup.js';
import { samlMetadataValidUntil } from '../saml-metadata.js';
import { type AssertionEncryptionMode, SamlProviders } from '../saml-providers.js';

/** xacct accepts no SAML assertions, so it keeps no decryption keys for them; refusing beats silently dropping them. */
export function refusePrivateKeys(input: Shaped): void {
  if (input.AddPrivateKey !== undefined || input.RemovePrivateKey !== undefined) {
    throw invalidInput('xacct does not store SAML assertion decryption keys.');
  }
}

export function updateSamlProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  refusePrivateKeys(input);
  const arn = input.SAMLProviderArn as string;
  iam.write(() => {
    const provider = ownSamlProvider(iam, call, arn);
    const metadata = (input.SAMLMetadataDocument as string | undefined) ?? provider.metadata;
    const validUntil =
      metadata === provider.metadata ? provider.validUntil : samlMetadataValidUntil(metadata, call.now);
    const mode =
      (input.AssertionEncryptionMode as AssertionEncryptionMode | undefined) ?? provider.assertionEncryptionMode;
    new SamlProviders(iam.db).update(arn, { metadata, validUntil, mode });
  });
  return { SAMLProviderArn: arn };
}
