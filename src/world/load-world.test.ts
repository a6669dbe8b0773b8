import { describe, expect, it } from 'vitest';
import { loadWorld, parseWorld, WorldFileError } from './load-world.js';

function problems(text: string): readonly string[] {
  try {
    parseWorld(text);
  } catch (error) {
    if (error instanceof WorldFileError) return error.problems;
    throw error;
  }
  throw new Error('the world was accepted');
}

const ALLOW_ALL = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }';

describe('parseWorld', () => {
  it('reads a complete world with defaults filled in and policy names resolved to ARNs', () => {
    const world = parseWorld(`
region: eu-west-1
accounts:
  - id: "111111111111"
    alias: dev
    policies:
      - name: Admin
        path: /team/
        document: ${ALLOW_ALL}
    groups:
      - name: admins
        managedPolicies: [Admin]
    users:
      - name: alice
        groups: [admins]
        permissionsBoundary: Admin
        tags: { team: data, cost: 42 }
        accessKeys: 1
    roles:
      - name: deployer
        trustPolicy:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Principal: { AWS: "arn:aws:iam::111111111111:root" }
              Action: sts:AssumeRole
        policies:
          deploy: ${ALLOW_ALL}
        maxSessionDuration: 7200
    buckets:
      - name: dev-bucket
  - id: 222222222222
`);
    expect(world.region).toBe('eu-west-1');
    expect(world.accounts.map((a) => a.id)).toEqual(['111111111111', '222222222222']);
    const [dev] = world.accounts;
    expect(dev!.groups[0]).toEqual({
      name: 'admins',
      path: '/',
      inlinePolicies: {},
      managedPolicies: ['arn:aws:iam::111111111111:policy/team/Admin'],
    });
    expect(dev!.users[0]).toMatchObject({
      groups: ['admins'],
      permissionsBoundary: 'arn:aws:iam::111111111111:policy/team/Admin',
      tags: { team: 'data', cost: '42' },
      accessKeys: 1,
    });
    expect(dev!.roles[0]).toMatchObject({ name: 'deployer', maxSessionDuration: 7200, inlinePolicies: { deploy: {} } });
    expect(dev!.buckets).toEqual([{ name: 'dev-bucket', region: 'eu-west-1', policy: undefined }]);
    expect(world.organization).toBeUndefined();
  });

  it('names the path of each problem, all of them at once', () => {
    expect(
      problems(`
accounts:
  - id: "111111111111"
  - id: "222222222222"
    users:
      - path: /x/
      - name: bob
        groups: [nobody]
        accessKeys: 3
        managedPolicy: []
`),
    ).toEqual([
      'accounts[1].users[0].name: required',
      'accounts[1].users[1].managedPolicy: unknown field (expected one of: name, path, policies, managedPolicies, groups, permissionsBoundary, tags, accessKeys)',
      "accounts[1].users[1].groups[0]: no group 'nobody' in this account's groups",
      'accounts[1].users[1].accessKeys: must be a whole number from 0 to 2, not number 3',
    ]);
  });

  it('reports bad policy documents at the element the policy engine objects to', () => {
    const found = problems(`
accounts:
  - id: "111111111111"
    roles:
      - name: r
        trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: sts:AssumeRole }] }
    buckets:
      - name: b-1
        policy: '{"Statement": ['
`);
    expect(found[0]).toMatch(/^accounts\[0\]\.roles\[0\]\.trustPolicy\.Statement\[0\]: .+/);
    expect(found[1]).toBe('accounts[0].buckets[0].policy: a policy given as text must be JSON');
  });

  it('refuses duplicates, unknown references and malformed ids', () => {
    expect(
      problems(`
accounts:
  - id: 111111111111
    alias: Dev
    users: [{ name: Alice }, { name: alice, managedPolicies: [Missing] }]
  - id: "111111111111"
  - id: 012345678901
`),
    ).toEqual([
      "accounts[0].alias: 'Dev' is not an alias of 3-63 lowercase letters, digits and single hyphens",
      "accounts[0].users[1].managedPolicies[0]: 'Missing' is neither a policy ARN nor a policy in this account's policies",
      "accounts[0].users[1].name: the name 'alice' appears more than once",
      "accounts[1].id: account id '111111111111' appears more than once",
      'accounts[2].id: must be a 12-digit account id in quotes, not number 12345678901',
    ]);
  });

  it('checks the organization: members declared, placed once, policy targets that exist', () => {
    expect(
      problems(`
accounts:
  - id: "111111111111"
  - id: "222222222222"
organization:
  managementAccount: "111111111111"
  units:
    - name: Workloads
      accounts: ["222222222222"]
      units: [{ name: Prod, accounts: ["333333333333", "222222222222"] }]
  policies:
    - name: DenyRegions
      type: scp
      document: ${ALLOW_ALL}
      targets: [Root, Workloads/Prod, Workloads/Dev]
    - name: Bad
      type: tag
      document: ${ALLOW_ALL}
`),
    ).toEqual([
      'organization.units[0].units[0].accounts[0]: account 333333333333 is not under accounts:',
      "organization.units[0].units[0].accounts[1]: account '222222222222' appears more than once",
      "organization.policies[0].targets[2]: 'Workloads/Dev' is not Root, an OU path of this organization or one of its accounts",
      "organization.policies[1].type: 'tag' is not scp or rcp",
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problems('accounts:\n  - id: "1\n')[0]).toMatch(/^line \d+: /);
    expect(problems('accounts: []\n')).toEqual(['accounts: required: a list of accounts']);
    expect(problems('- 1\n')).toEqual(['the world file must be a mapping with accounts:']);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadWorld('/nonexistent/world.yaml')).toThrow(
      '/nonexistent/world.yaml: cannot read the world file (ENOENT)',
    );
  });
});
