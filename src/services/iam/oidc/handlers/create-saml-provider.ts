// iam:CreateSAMLProvider: registers a SAML identity provider from its metadata document.
import { AwsError } from '../../../../core/aws-error.js';
import { randomBase32 } from '../../../../core/ids.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { checkTagQuota, requestTags } from '../../tag-input.js';
import { samlMetadataValidUntil } from '../saml-metadata.js';
import { type AssertionEncryptionMode, SamlProviders, samlProviderArn } from '../saml-providers.js';
import { refusePrivateKeys } from './update-saml-provider.js';

export function createSamlProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.Name as string;
  const metadata = input.SAMLMetadataDocument as string;
  refusePrivateKeys(input);
  const validUntil = samlMetadataValidUntil(metadata, call.now);
  const tags = requestTags(input.Tags);
  const arn = samlProviderArn(account, name);
  iam.write(() => {
    checkTagQuota(iam, 'saml-provider', arn, tags);
    const created = new SamlProviders(iam.db).create({
      arn,
      account,
      name,
      providerId: randomBase32(26),
      metadata,
      assertionEncryptionMode: (input.AssertionEncryptionMode as AssertionEncryptionMode | undefined) ?? 'Allowed',
      createdAt: call.now,
      validUntil,
    });
    if (!created) {
      throw new AwsError('EntityAlreadyExists', `SAMLProvider ${name} already exists.`, { status: 409 });
    }
    iam.tags.put('saml-provider', arn, tags);
  });
  return { SAMLProviderArn: arn, ...(tags.length > 0 ? { Tags: tags } : {}) };
}
