// IAM identity provider operations (OpenID Connect and SAML): what each must be authorized for and which handler
// serves it.
import type { ContextInput } from '../../../policy/index.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext, ServiceOperation, ServiceOperations } from '../../types.js';
import { callerAccount, iamTarget, requestTagKeys } from '../authorization.js';
import type { IamContext } from '../iam-context.js';
import { type IamHandler, iamOperation } from '../operations/iam-operation.js';
import { requestTags } from '../tag-input.js';
import { addClientIdToOpenIdConnectProvider } from './handlers/add-client-id-to-open-id-connect-provider.js';
import { createOpenIdConnectProvider } from './handlers/create-open-id-connect-provider.js';
import { createSamlProvider } from './handlers/create-saml-provider.js';
import { deleteOpenIdConnectProvider } from './handlers/delete-open-id-connect-provider.js';
import { deleteSamlProvider } from './handlers/delete-saml-provider.js';
import { getOpenIdConnectProvider } from './handlers/get-open-id-connect-provider.js';
import { getSamlProvider } from './handlers/get-saml-provider.js';
import { listOpenIdConnectProviderTags } from './handlers/list-open-id-connect-provider-tags.js';
import { listOpenIdConnectProviders } from './handlers/list-open-id-connect-providers.js';
import { listSamlProviderTags } from './handlers/list-saml-provider-tags.js';
import { listSamlProviders } from './handlers/list-saml-providers.js';
import { removeClientIdFromOpenIdConnectProvider } from './handlers/remove-client-id-from-open-id-connect-provider.js';
import { tagOpenIdConnectProvider } from './handlers/tag-open-id-connect-provider.js';
import { tagSamlProvider } from './handlers/tag-saml-provider.js';
import { untagOpenIdConnectProvider } from './handlers/untag-open-id-connect-provider.js';
import { untagSamlProvider } from './handlers/untag-saml-provider.js';
import { updateOpenIdConnectProviderThumbprint } from './handlers/update-open-id-connect-provider-thumbprint.js';
import { updateSamlProvider } from './handlers/update-saml-provider.js';
import { oidcProviderArn } from './oidc-providers.js';
import { providerResource } from './provider-lookup.js';
import { samlProviderArn } from './saml-providers.js';

type ProviderType = 'oidc-provider' | 'saml-provider';

const ARN_MEMBER: Readonly<Record<ProviderType, string>> = {
  'oidc-provider': 'OpenIDConnectProviderArn',
  'saml-provider': 'SAMLProviderArn',
};

const tagKeys = (input: Shaped): ContextInput => requestTagKeys(requestTags(input.Tags));
const removedKeys = (input: Shaped): ContextInput => ({ 'aws:TagKeys': input.TagKeys as string[] });

/** An operation on an existing provider, authorized on its ARN with its tags. */
function onProvider(
  iam: IamContext,
  type: ProviderType,
  action: string,
  handle: IamHandler,
  context: (input: Shaped) => ContextInput = () => ({}),
): ServiceOperation {
  const authorize = (i: IamContext, input: Shaped, call: CallContext) =>
    iamTarget(call, action, providerResource(i, type, input[ARN_MEMBER[type]] as string), context(input));
  return iamOperation(iam, authorize, handle);
}

/** A list operation, authorized on `*` (the actions have no resource type). */
function onAccount(iam: IamContext, action: string, handle: IamHandler): ServiceOperation {
  return iamOperation(iam, (_i, _input, call) => iamTarget(call, action, { arn: '*' }), handle);
}

function creating(
  iam: IamContext,
  action: string,
  arn: (input: Shaped, call: CallContext) => string,
  handle: IamHandler,
) {
  return iamOperation(
    iam,
    (_i, input, call) => iamTarget(call, action, { arn: arn(input, call) }, tagKeys(input)),
    handle,
  );
}

export function providerOperations(iam: IamContext): ServiceOperations {
  const oidc = (action: string, handle: IamHandler, context?: (input: Shaped) => ContextInput) =>
    onProvider(iam, 'oidc-provider', action, handle, context);
  const saml = (action: string, handle: IamHandler, context?: (input: Shaped) => ContextInput) =>
    onProvider(iam, 'saml-provider', action, handle, context);
  return {
    CreateOpenIDConnectProvider: creating(
      iam,
      'CreateOpenIDConnectProvider',
      (input, call) => oidcProviderArn(callerAccount(call), input.Url as string),
      createOpenIdConnectProvider,
    ),
    GetOpenIDConnectProvider: oidc('GetOpenIDConnectProvider', getOpenIdConnectProvider),
    ListOpenIDConnectProviders: onAccount(iam, 'ListOpenIDConnectProviders', listOpenIdConnectProviders),
    DeleteOpenIDConnectProvider: oidc('DeleteOpenIDConnectProvider', deleteOpenIdConnectProvider),
    AddClientIDToOpenIDConnectProvider: oidc('AddClientIDToOpenIDConnectProvider', addClientIdToOpenIdConnectProvider),
    RemoveClientIDFromOpenIDConnectProvider: oidc(
      'RemoveClientIDFromOpenIDConnectProvider',
      removeClientIdFromOpenIdConnectProvider,
    ),
    UpdateOpenIDConnectProviderThumbprint: oidc(
      'UpdateOpenIDConnectProviderThumbprint',
      updateOpenIdConnectProviderThumbprint,
    ),
    TagOpenIDConnectProvider: oidc('TagOpenIDConnectProvider', tagOpenIdConnectProvider, tagKeys),
    UntagOpenIDConnectProvider: oidc('UntagOpenIDConnectProvider', untagOpenIdConnectProvider, removedKeys),
    ListOpenIDConnectProviderTags: oidc('ListOpenIDConnectProviderTags', listOpenIdConnectProviderTags),
    CreateSAMLProvider: creating(
      iam,
      'CreateSAMLProvider',
      (input, call) => samlProviderArn(callerAccount(call), input.Name as string),
      createSamlProvider,
    ),
    GetSAMLProvider: saml('GetSAMLProvider', getSamlProvider),
    ListSAMLProviders: onAccount(iam, 'ListSAMLProviders', listSamlProviders),
    UpdateSAMLProvider: saml('UpdateSAMLProvider', updateSamlProvider),
    DeleteSAMLProvider: saml('DeleteSAMLProvider', deleteSamlProvider),
    TagSAMLProvider: saml('TagSAMLProvider', tagSamlProvider, tagKeys),
    UntagSAMLProvider: saml('UntagSAMLProvider', untagSamlProvider, removedKeys),
    ListSAMLProviderTags: saml('ListSAMLProviderTags', listSamlProviderTags),
  };
}
