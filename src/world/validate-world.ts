// Checks a parsed world file and turns it into typed World data: shapes, names AWS would refuse, references
// between resources (a user's groups, managed policies by name), and every policy document. All problems at once.
import { at, FieldReader, type Fields } from './field-reader.js';
import { readOrganization } from './validate-organization.js';
import type {
  BucketSpec,
  GroupSpec,
  ManagedPolicySpec,
  PolicyHolder,
  RoleSpec,
  UserSpec,
  World,
  WorldAccount,
} from './world-types.js';

export interface WorldValidation {
  /** Undefined when there are problems. */
  readonly world: World | undefined;
  readonly problems: readonly string[];
}

const IAM_NAME = { pattern: /^[\w+=,.@-]+$/, expected: 'a name of letters, digits and +=,.@_-' };
const IAM_PATH = { pattern: /^\/([\x21-\x7e]+\/)?$/, expected: 'a path that starts and ends with /', max: 512 };
const ALIAS = {
  pattern: /^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$/,
  expected: 'an alias of 3-63 lowercase letters, digits and single hyphens',
  max: 63,
};
const BUCKET = {
  pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
  expected: 'a bucket name of 3-63 lowercase letters, digits, dots and hyphens',
};
const REGION = { pattern: /^[a-z]{2}(-[a-z]+)+-\d$/, expected: 'a region such as us-east-1' };
const POLICY_ARN = /^arn:[\w-]+:iam::(\d{12}|aws):policy\//;

const WORLD_KEYS = ['region', 'accounts', 'organization'];
const ACCOUNT_KEYS = ['id', 'alias', 'policies', 'groups', 'users', 'roles', 'buckets'];
const HOLDER_KEYS = ['name', 'path', 'policies', 'managedPolicies'];

/** Names that must be unique across the whole world. */
interface Seen {
  readonly ids: Set<string>;
  readonly aliases: Set<string>;
  readonly buckets: Set<string>;
}

export function validateWorld(raw: unknown): WorldValidation {
  const r = new FieldReader();
  const top = r.object(raw ?? {}, '', WORLD_KEYS);
  if (top === undefined) return { world: undefined, problems: ['the world file must be a mapping with accounts:'] };
  const region = r.string(top, 'region', '', REGION) ?? 'us-east-1';
  if (!Array.isArray(top.accounts) || top.accounts.length === 0) r.problem('accounts', 'required: a list of accounts');
  const seen: Seen = { ids: new Set(), aliases: new Set(), buckets: new Set() };
  const accounts = r.list(top, 'accounts', '', (item, path) => readAccount(r, item, path, region, seen));
  const organization =
    top.organization === undefined || top.organization === null
      ? undefined
      : readOrganization(r, top.organization, 'organization', new Set(accounts.map((a) => a.id)));
  if (r.problems.length > 0) return { world: undefined, problems: r.problems };
  return { world: { region, accounts, organization }, problems: [] };
}

function readAccount(
  r: FieldReader,
  item: unknown,
  path: string,
  region: string,
  seen: Seen,
): WorldAccount | undefined {
  const f = r.object(item, path, ACCOUNT_KEYS);
  if (f === undefined) return undefined;
  const id = r.accountId(f.id, at(path, 'id'));
  r.unique(seen.ids, id, at(path, 'id'), 'account id');
  const alias = r.string(f, 'alias', path, ALIAS);
  r.unique(seen.aliases, alias, at(path, 'alias'), 'alias');
  const policies = r.list(
    f,
    'policies',
    path,
    uniquelyNamed(r, (p, where) => readManagedPolicy(r, p, where)),
  );
  const refs = new Map(policies.map((p) => [p.name, `arn:aws:iam::${id}:policy${p.path}${p.name}`]));
  const groups = r.list(
    f,
    'groups',
    path,
    uniquelyNamed(r, (g, where) => readGroup(r, g, where, refs)),
  );
  const groupNames = new Set(groups.map((g) => g.name));
  const users = r.list(
    f,
    'users',
    path,
    uniquelyNamed(r, (u, where) => readUser(r, u, where, refs, groupNames)),
  );
  const roles = r.list(
    f,
    'roles',
    path,
    uniquelyNamed(r, (x, where) => readRole(r, x, where, refs)),
  );
  const buckets = r.list(f, 'buckets', path, (b, where) => {
    const bucket = readBucket(r, b, where, region);
    r.unique(seen.buckets, bucket?.name, at(where, 'name'), 'bucket name');
    return bucket;
  });
  if (id === undefined) return undefined;
  return { id, alias, policies, groups, users, roles, buckets };
}

/** Reports a name repeated within one list: IAM names are unique per account and kind, whatever their case. */
function uniquelyNamed<T extends { readonly name: string }>(
  r: FieldReader,
  read: (item: unknown, path: string) => T | undefined,
): (item: unknown, path: string) => T | undefined {
  const seen = new Set<string>();
  return (item, path) => {
    const x = read(item, path);
    r.unique(seen, x?.name.toLowerCase(), at(path, 'name'), 'the name');
    return x;
  };
}

function readManagedPolicy(r: FieldReader, item: unknown, path: string): ManagedPolicySpec | undefined {
  const f = r.object(item, path, ['name', 'path', 'description', 'document']);
  if (f === undefined) return undefined;
  const name = r.string(f, 'name', path, { required: true, max: 128, ...IAM_NAME });
  const policyPath = r.string(f, 'path', path, IAM_PATH) ?? '/';
  const description = r.string(f, 'description', path, { max: 1000 });
  const document = r.document(f.document, at(path, 'document'), 'identity');
  if (name === undefined || document === undefined) return undefined;
  return { name, path: policyPath, description, document };
}

function readGroup(
  r: FieldReader,
  item: unknown,
  path: string,
  refs: ReadonlyMap<string, string>,
): GroupSpec | undefined {
  const holder = readHolder(r, item, path, HOLDER_KEYS, refs);
  if (holder === undefined) return undefined;
  const { fields: _, ...group } = holder;
  return group;
}

function readHolder(
  r: FieldReader,
  item: unknown,
  path: string,
  keys: readonly string[],
  refs: ReadonlyMap<string, string>,
  maxName = 128,
): (PolicyHolder & { readonly fields: Fields }) | undefined {
  const f = r.object(item, path, keys);
  if (f === undefined) return undefined;
  const name = r.string(f, 'name', path, { required: true, max: maxName, ...IAM_NAME });
  const holderPath = r.string(f, 'path', path, IAM_PATH) ?? '/';
  const inlinePolicies = r.documents(f, 'policies', path, 'identity');
  const managedPolicies = r.list(f, 'managedPolicies', path, (v, where) => policyRef(r, v, where, refs));
  if (name === undefined) return undefined;
  return { name, path: holderPath, inlinePolicies, managedPolicies, fields: f };
}

/** A managed policy by ARN, or by the name of a policy in the same account's `policies:`. */
function policyRef(
  r: FieldReader,
  value: unknown,
  path: string,
  refs: ReadonlyMap<string, string>,
): string | undefined {
  const text = r.stringValue(value, path, { required: true });
  if (text === undefined) return undefined;
  if (POLICY_ARN.test(text)) return text;
  const arn = refs.get(text);
  if (arn === undefined) r.problem(path, `'${text}' is neither a policy ARN nor a policy in this account's policies`);
  return arn;
}

function readUser(
  r: FieldReader,
  item: unknown,
  path: string,
  refs: ReadonlyMap<string, string>,
  groupNames: ReadonlySet<string>,
): UserSpec | undefined {
  const keys = [...HOLDER_KEYS, 'groups', 'permissionsBoundary', 'tags', 'accessKeys'];
  const holder = readHolder(r, item, path, keys, refs, 64);
  if (holder === undefined) return undefined;
  const { fields: f, ...base } = holder;
  const groups = r.list(f, 'groups', path, (g, where) => {
    const name = r.stringValue(g, where, { required: true });
    if (name !== undefined && !groupNames.has(name)) r.problem(where, `no group '${name}' in this account's groups`);
    return name;
  });
  const boundary =
    f.permissionsBoundary === undefined
      ? undefined
      : policyRef(r, f.permissionsBoundary, at(path, 'permissionsBoundary'), refs);
  const tags = r.tags(f, 'tags', path);
  const accessKeys = r.integer(f, 'accessKeys', path, 0, 2) ?? 0;
  return { ...base, groups, permissionsBoundary: boundary, tags, accessKeys };
}

function readRole(
  r: FieldReader,
  item: unknown,
  path: string,
  refs: ReadonlyMap<string, string>,
): RoleSpec | undefined {
  const keys = [...HOLDER_KEYS, 'trustPolicy', 'description', 'maxSessionDuration', 'permissionsBoundary', 'tags'];
  const holder = readHolder(r, item, path, keys, refs, 64);
  if (holder === undefined) return undefined;
  const { fields: f, ...base } = holder;
  const trustPolicy = r.document(f.trustPolicy, at(path, 'trustPolicy'), 'trust');
  const description = r.string(f, 'description', path, { max: 1000 });
  const maxSessionDuration = r.integer(f, 'maxSessionDuration', path, 3600, 43_200);
  const boundary =
    f.permissionsBoundary === undefined
      ? undefined
      : policyRef(r, f.permissionsBoundary, at(path, 'permissionsBoundary'), refs);
  const tags = r.tags(f, 'tags', path);
  if (trustPolicy === undefined) return undefined;
  return { ...base, trustPolicy, description, maxSessionDuration, permissionsBoundary: boundary, tags };
}

function readBucket(r: FieldReader, item: unknown, path: string, region: string): BucketSpec | undefined {
  const f = r.object(item, path, ['name', 'region', 'policy']);
  if (f === undefined) return undefined;
  const name = r.string(f, 'name', path, { required: true, ...BUCKET });
  const bucketRegion = r.string(f, 'region', path, REGION) ?? region;
  const policy =
    f.policy === undefined || f.policy === null ? undefined : r.document(f.policy, at(path, 'policy'), 's3-bucket');
  if (name === undefined) return undefined;
  return { name, region: bucketRegion, policy };
}
