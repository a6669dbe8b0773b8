// iam:CreateOpenIDConnectProvider: registers an OIDC issuer that role trust policies can name as a federated principal.
import { AwsError } from '../../../../core/aws-error.js';
import type { Shaped } from '../../../../protocol/index.js';
import type { CallContext } from '../../../types.js';
import { callerAccount } from '../../authorization.js';
import type { IamContext } from '../../iam-context.js';
import { checkTagQuota, requestTags } from '../../tag-input.js';
import { checkClientIds, checkProviderUrl, checkThumbprints, unique } from '../oidc-input.js';
import { OidcProviders, oidcProviderArn, providerKey } from '../oidc-providers.js';

export function createOpenIdConnectProvider(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const url = input.Url as string;
  checkProviderUrl(url, call.deps.config.endpointUrl);
  const clientIds = unique(input.ClientIDList);
  const thumbprints = unique(input.ThumbprintList);
  checkThumbprints(thumbprints);
  checkClientIds(clientIds);
  const tags = requestTags(input.Tags);
  const arn = oidcProviderArn(account, url);
  iam.write(() => {
    checkTagQuota(iam, 'oidc-provider', arn, tags);
    const created = new OidcProviders(iam.db).create({
      arn,
      account,
      url: providerKey(url),
      clientIds,
      thumbprints,
      createdAt: call.now,
    });
    if (!created)
      throw new AwsError('EntityAlreadyExists', `Provider with url ${url} already exists.`, { status: 409 });
    iam.tags.put('oidc-provider', arn, tags);
  });
  return { OpenIDConnectProviderArn: arn, ...(tags.length > 0 ? { Tags: tags } : {}) };
}
