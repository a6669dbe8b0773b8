// A realistic, deterministic policy workload: same- and cross-account requests, each with 20 applicable
// policies (15 identity, a permissions boundary, a resource policy, 3 SCP levels) of about 10 statements,
// most with conditions.

const A = '111111111111';
const B = '222222222222';
const SERVICES = ['s3', 'dynamodb', 'kms', 'sqs', 'ec2', 'lambda', 'logs', 'sns'];
const ACTIONS = {
  s3: ['GetObject', 'PutObject', 'ListBucket', 'DeleteObject', 'GetObjectTagging'],
  dynamodb: ['GetItem', 'PutItem', 'Query', 'Scan'],
  kms: ['Decrypt', 'Encrypt', 'GenerateDataKey', 'DescribeKey'],
  sqs: ['SendMessage', 'ReceiveMessage', 'DeleteMessage'],
  ec2: ['DescribeInstances', 'StartInstances', 'StopInstances'],
  lambda: ['InvokeFunction', 'GetFunction'],
  logs: ['PutLogEvents', 'CreateLogStream'],
  sns: ['Publish', 'Subscribe'],
};

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function resourceFor(service, account, name) {
  switch (service) {
    case 's3':
      return `arn:aws:s3:::${name}/*`;
    case 'dynamodb':
      return `arn:aws:dynamodb:us-east-1:${account}:table/${name}*`;
    case 'kms':
      return `arn:aws:kms:us-east-1:${account}:key/*`;
    default:
      return `arn:aws:${service}:us-east-1:${account}:${name}*`;
  }
}

const CONDITIONS = [
  { StringEquals: { 'aws:PrincipalTag/team': ['data', 'platform'] } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } },
  { Bool: { 'aws:SecureTransport': 'true' } },
  { StringLike: { 's3:prefix': ['home/${aws:username}/*', 'shared/*'] } },
  { DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' } },
  { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['project', 'owner'] } },
  { StringEqualsIfExists: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } },
];

function statement(rand, account, i) {
  const service = SERVICES[Math.floor(rand() * SERVICES.length)];
  const actions = ACTIONS[service];
  const action =
    rand() < 0.3
      ? `${service}:${actions[0].slice(0, 3)}*`
      : `${service}:${actions[Math.floor(rand() * actions.length)]}`;
  const s = {
    Sid: `S${i}`,
    Effect: rand() < 0.1 ? 'Deny' : 'Allow',
    Action: [action, `${service}:${actions[Math.floor(rand() * actions.length)]}`],
    Resource: [resourceFor(service, account, `res${Math.floor(rand() * 20)}`), resourceFor(service, account, 'app')],
  };
  if (rand() < 0.7) s.Condition = CONDITIONS[Math.floor(rand() * CONDITIONS.length)];
  if (s.Effect === 'Deny') s.Condition = { StringEquals: { 'aws:PrincipalTag/blocked': 'yes' } };
  return s;
}

function policy(rand, account, extra = {}) {
  return {
    Version: '2012-10-17',
    Statement: Array.from({ length: 10 }, (_, i) => ({ ...statement(rand, account, i), ...extra })),
  };
}

const full = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function scp(rand) {
  const deny = Array.from({ length: 9 }, (_, i) => ({
    Sid: `Guard${i}`,
    Effect: 'Deny',
    Action: [`${SERVICES[Math.floor(rand() * SERVICES.length)]}:Delete*`],
    Resource: '*',
    Condition: { StringNotEquals: { 'aws:PrincipalTag/role': 'admin' } },
  }));
  return { Version: '2012-10-17', Statement: [...full.Statement, ...deny] };
}

/** Requests in the `xacct simulate` shape (principal, action, resource, context, policies). */
export function policyWorkload(count = 64, seed = 42) {
  const rand = rng(seed);
  return Array.from({ length: count }, (_, n) => {
    const cross = n % 2 === 1;
    const service = SERVICES[n % SERVICES.length];
    const actions = ACTIONS[service];
    const action = `${service}:${actions[n % actions.length]}`;
    const resourceAccount = cross ? B : A;
    const resource =
      service === 's3'
        ? `arn:aws:s3:::app/home/alice/f${n}`
        : resourceFor(service, resourceAccount, 'app').replace('*', `-${n}`);
    const resourcePolicy = policy(rand, resourceAccount, {
      Principal: { AWS: cross ? `arn:aws:iam::${A}:root` : '*' },
    });
    return {
      principal: `arn:aws:iam::${A}:user/alice`,
      action,
      resource,
      resourceAccount,
      context: {
        'aws:PrincipalTag/team': 'data',
        'aws:SourceIp': '203.0.113.9',
        'aws:SecureTransport': 'true',
        's3:prefix': 'home/alice/docs',
        'aws:RequestedRegion': 'us-east-1',
        'aws:TagKeys': ['project'],
        'aws:CurrentTime': '2026-11-22T00:00:00Z',
      },
      policies: {
        identity: Array.from({ length: 15 }, () => policy(rand, resourceAccount)),
        permissionsBoundary: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: '*', Resource: '*' },
            ...policy(rand, resourceAccount).Statement.slice(1),
          ],
        },
        resource: resourcePolicy,
        scp: [[scp(rand)], [scp(rand)], [scp(rand)]],
      },
    };
  });
}
