// Finds the caller's OIDC and SAML providers by ARN, answering NoSuchEntity in the words AWS uses for each operation
// (AWS words the same miss differently in GetOpenIDConnectProvider and DeleteOpenIDConnectProvider).
import type { CallContext } from '../../types.js';
import { callerAccount, type IamResource } from '../authorization.js';
import { noSuchEntity } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { OidcProviders, type StoredOidcProvider } from './oidc-providers.js';
import { type SamlProviderRecord, SamlProviders } from './saml-providers.js';

export function ownOidcProvider(
  iam: IamContext,
  call: CallContext,
  arn: string,
  notFound = `OpenIDConnect Provider not found for arn ${arn}`,
): StoredOidcProvider {
  const provider = new OidcProviders(iam.db).find(arn);
  if (provider === undefined || provider.account !== callerAccount(call)) throw noSuchEntity(notFound);
  return provider;
}

export function ownSamlProvider(iam: IamContext, call: CallContext, arn: string): SamlProviderRecord {
  const provider = new SamlProviders(iam.db).find(arn);
  if (provider === undefined || provider.account !== callerAccount(call)) {
    throw noSuchEntity(`Manifest not found for arn ${arn}`);
  }
  return provider;
}

/** A provider as an authorization resource, with its tags for aws:ResourceTag. */
export function providerResource(iam: IamContext, type: 'oidc-provider' | 'saml-provider', arn: string): IamResource {
  return { arn, tags: iam.tags.record(type, arn) };
}
