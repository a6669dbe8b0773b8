// Checks the `organization:` part of a world file: the management account, the OU tree with the accounts placed
// in it (each member once, every member declared under accounts:), and SCPs/RCPs with targets that exist.
import { at, type FieldReader } from './field-reader.js';
import type { OrganizationalUnitSpec, OrgPolicySpec, WorldOrganization } from './world-types.js';

const OU_NAME = { required: true, pattern: /^[\s\S]{1,128}$/, expected: 'an OU name of 1-128 characters' };
const OU_NAME_CHARS = /^[^/]+$/;
const POLICY_NAME = { required: true, pattern: /^[\s\S]{1,128}$/, expected: 'a policy name of 1-128 characters' };

export function readOrganization(
  r: FieldReader,
  value: unknown,
  path: string,
  declared: ReadonlySet<string>,
): WorldOrganization | undefined {
  const f = r.object(value, path, ['managementAccount', 'accounts', 'units', 'policies']);
  if (f === undefined) return undefined;
  const management = r.accountId(f.managementAccount, at(path, 'managementAccount'));
  if (management !== undefined && !declared.has(management)) {
    r.problem(at(path, 'managementAccount'), `account ${management} is not under accounts:`);
  }
  const placed = new Set<string>();
  const member = (v: unknown, where: string) => {
    const id = r.accountId(v, where);
    if (id !== undefined && !declared.has(id)) r.problem(where, `account ${id} is not under accounts:`);
    r.unique(placed, id, where, 'account');
    return id;
  };
  const accounts = r.list(f, 'accounts', path, member);
  const topUnits = new Set<string>();
  const units = r.list(f, 'units', path, (u, where) => readUnit(r, u, where, member, topUnits));
  const targets = new Set(['Root', ...placed, ...(management ? [management] : []), ...unitPaths(units, '')]);
  const names = new Set<string>();
  const policies = r.list(f, 'policies', path, (p, where) => {
    const policy = readPolicy(r, p, where, targets);
    r.unique(names, policy?.name, at(where, 'name'), 'policy name');
    return policy;
  });
  if (management === undefined) return undefined;
  return { managementAccount: management, accounts, units, policies };
}

function readUnit(
  r: FieldReader,
  value: unknown,
  path: string,
  member: (v: unknown, where: string) => string | undefined,
  siblings: Set<string>,
): OrganizationalUnitSpec | undefined {
  const f = r.object(value, path, ['name', 'accounts', 'units']);
  if (f === undefined) return undefined;
  const name = r.string(f, 'name', path, OU_NAME);
  // OU paths name targets as `Parent/Child`, so a slash in a name would make them ambiguous.
  if (name !== undefined && !OU_NAME_CHARS.test(name)) r.problem(at(path, 'name'), 'an OU name here cannot contain /');
  r.unique(siblings, name, at(path, 'name'), 'OU name');
  const accounts = r.list(f, 'accounts', path, member);
  const children = new Set<string>();
  const units = r.list(f, 'units', path, (u, where) => readUnit(r, u, where, member, children));
  return name === undefined ? undefined : { name, accounts, units };
}

function unitPaths(units: readonly OrganizationalUnitSpec[], prefix: string): string[] {
  return units.flatMap((u) => [`${prefix}${u.name}`, ...unitPaths(u.units, `${prefix}${u.name}/`)]);
}

function readPolicy(
  r: FieldReader,
  value: unknown,
  path: string,
  targets: ReadonlySet<string>,
): OrgPolicySpec | undefined {
  const f = r.object(value, path, ['name', 'type', 'description', 'document', 'targets']);
  if (f === undefined) return undefined;
  const name = r.string(f, 'name', path, POLICY_NAME);
  const type = r.string(f, 'type', path, { required: true, pattern: /^(scp|rcp)$/, expected: 'scp or rcp' });
  const description = r.string(f, 'description', path, { max: 512 }) ?? '';
  const kind = type === 'rcp' ? 'rcp' : 'scp';
  const document = r.document(f.document, at(path, 'document'), kind);
  const attached = r.list(f, 'targets', path, (t, where) => {
    const target = typeof t === 'number' ? r.accountId(t, where) : r.stringValue(t, where, { required: true });
    if (target !== undefined && !targets.has(target)) {
      r.problem(where, `'${target}' is not Root, an OU path of this organization or one of its accounts`);
    }
    return target;
  });
  if (name === undefined || document === undefined || (type !== 'scp' && type !== 'rcp')) return undefined;
  return { name, type, description, document, targets: attached };
}
