// How KMS names keys and aliases: key and alias ARNs, and the four forms a `KeyId` parameter may take (key id,
// key ARN, alias name, alias ARN), read without looking anything up.
import { parseArn } from '../../core/arn.js';

export type KeyReference =
  | { readonly kind: 'key-id'; readonly id: string }
  | { readonly kind: 'key-arn'; readonly id: string; readonly account: string; readonly region: string }
  | { readonly kind: 'alias-name'; readonly name: string }
  | { readonly kind: 'alias-arn'; readonly name: string; readonly account: string; readonly region: string }
  | { readonly kind: 'invalid'; readonly text: string };

const KEY_ID = /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function keyArn(region: string, account: string, keyId: string): string {
  return `arn:aws:kms:${region}:${account}:key/${keyId}`;
}

export function aliasArn(region: string, account: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${account}:${aliasName}`;
}

export function readKeyReference(text: string): KeyReference {
  if (text.startsWith('alias/')) return { kind: 'alias-name', name: text };
  if (KEY_ID.test(text)) return { kind: 'key-id', id: text.toLowerCase() };
  const arn = parseArn(text);
  if (arn === undefined || arn.service !== 'kms' || !/^\d{12}$/.test(arn.account)) return { kind: 'invalid', text };
  if (arn.resource.startsWith('key/') && KEY_ID.test(arn.resource.slice(4))) {
    return { kind: 'key-arn', id: arn.resource.slice(4).toLowerCase(), account: arn.account, region: arn.region };
  }
  if (arn.resource.startsWith('alias/')) {
    return { kind: 'alias-arn', name: arn.resource, account: arn.account, region: arn.region };
  }
  return { kind: 'invalid', text };
}

/** `alias/aws/...` names belong to AWS managed keys; customers cannot create, update or delete them. */
export function isAwsAliasName(name: string): boolean {
  return name.startsWith('alias/aws/');
}
