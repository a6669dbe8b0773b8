// Policy engine benchmark: median decision time without and with the detailed trace, memory over
// 10 million decisions, and throughput against @cloud-copilot/iam-simulate on the same requests.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { authorize, compilePolicy, principalFromArn, RequestContext } from '../dist/policy/index.js';
import { formatNs, mib, throughput } from './measure.mjs';
import { policyWorkload } from './policy-workload.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function compiled(doc, kind, id) {
  const { policy, diagnostics } = compilePolicy(doc, kind, id);
  if (!policy) throw new Error(`${id}: ${JSON.stringify(diagnostics)}`);
  return policy;
}

function xacctRequests(workload) {
  return workload.map((w) => ({
    context: { ...w.context, 'aws:username': 'alice', 'aws:PrincipalAccount': '111111111111' },
    request: {
      principal: principalFromArn(w.principal),
      action: w.action,
      resource: w.resource,
      resourceAccount: w.resourceAccount,
    },
    policies: {
      identity: w.policies.identity.map((p, i) => compiled(p, 'identity', `identity[${i}]`)),
      permissionsBoundary: compiled(w.policies.permissionsBoundary, 'permissions-boundary', 'boundary'),
      resource: compiled(w.policies.resource, 'resource', 'resource'),
      scp: w.policies.scp.map((level, l) => level.map((p, i) => compiled(p, 'scp', `scp[${l}][${i}]`))),
    },
  }));
}

async function iamSimulateAuthorize(workload) {
  const root = join(here, '.peers', 'node_modules', '@cloud-copilot');
  if (!existsSync(join(root, 'iam-simulate'))) return undefined;
  const load = (p) => import(pathToFileURL(join(root, p)).href);
  const { authorize: authorizeOther } = await load('iam-simulate/dist/esm/core_engine/CoreSimulatorEngine.js');
  const { AwsRequestImpl } = await load('iam-simulate/dist/esm/request/request.js');
  const { RequestContextImpl } = await load('iam-simulate/dist/esm/requestContext.js');
  const { DiscoveryContextKeyConstraints } = await load(
    'iam-simulate/dist/esm/context_keys/discoveryContextKeyConstraints.js',
  );
  const { loadPolicy } = await load('iam-policy/dist/esm/index.js');
  const named = (doc, name) => loadPolicy(doc, { name });
  const requests = workload.map((w) => ({
    request: new AwsRequestImpl(
      w.principal,
      { resource: w.resource, accountId: w.resourceAccount },
      w.action,
      new RequestContextImpl({ ...w.context, 'aws:username': 'alice', 'aws:PrincipalAccount': '111111111111' }),
    ),
    sessionPolicy: undefined,
    identityPolicies: w.policies.identity.map((p, i) => named(p, `identity${i}`)),
    serviceControlPolicies: w.policies.scp.map((level, l) => ({
      orgIdentifier: `ou-${l}`,
      policies: level.map((p, i) => named(p, `scp${l}-${i}`)),
    })),
    resourceControlPolicies: [],
    resourcePolicy: named(w.policies.resource, 'resource'),
    permissionBoundaries: [named(w.policies.permissionsBoundary, 'boundary')],
    vpcEndpointPolicies: undefined,
    simulationParameters: {
      simulationMode: 'Strict',
      discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
    },
  }));
  return { call: (i) => authorizeOther(requests[i % requests.length]), requests };
}

/** Median latency of single authorize() calls, each timed on its own (the request is built outside the timing). */
function medianLatencyNs(make, count) {
  const latencies = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const [request, policies, options] = make(i);
    const start = performance.now();
    authorize(request, policies, options);
    latencies[i] = (performance.now() - start) * 1e6;
  }
  latencies.sort();
  return latencies[count >> 1];
}

export async function runPolicyBenchmark({ memoryDecisions = 10_000_000 } = {}) {
  const workload = policyWorkload();
  const prepared = xacctRequests(workload);
  // Every decision gets a fresh request context, as every server request does, so values parsed and
  // variables resolved once per request are not reused across decisions. The request is an object literal,
  // as the server builds it: V8 makes `{ ...request, context }` on a slow path whose object then costs about
  // 0.8 µs on its first field reads, which fall inside the timed call (docs/benchmarks.md).
  const requestOf = ({ request, context }) => ({
    principal: request.principal,
    action: request.action,
    resource: request.resource,
    resourceAccount: request.resourceAccount,
    context: RequestContext.from(context),
  });
  const decide = (i) => {
    const p = prepared[i % prepared.length];
    return authorize(requestOf(p), p.policies);
  };
  const outcomes = prepared.map((p) => authorize(requestOf(p), p.policies).decision);
  for (let i = 0; i < 300_000; i++) decide(i);
  const median = medianLatencyNs((i) => {
    const p = prepared[i % prepared.length];
    return [requestOf(p), p.policies, undefined];
  }, 1_000_000);
  const medianTraced = medianLatencyNs((i) => {
    const p = prepared[i % prepared.length];
    return [requestOf(p), p.policies, { trace: true }];
  }, 50_000);
  const ours = throughput(decide);

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < memoryDecisions; i++) decide(i);
  global.gc?.();
  const heapAfter = process.memoryUsage().heapUsed;
  const rssAfter = process.memoryUsage().rss;

  const other = await iamSimulateAuthorize(workload);
  let otherThroughput;
  if (other !== undefined) {
    for (let i = 0; i < 2000; i++) other.call(i);
    otherThroughput = throughput(other.call, 3000);
  }
  return {
    requests: workload.length,
    policiesPerRequest: 20,
    decisions: {
      allowed: outcomes.filter((d) => d === 'Allowed').length,
      denied: outcomes.filter((d) => d !== 'Allowed').length,
    },
    medianDecision: formatNs(median),
    medianDecisionTraced: formatNs(medianTraced),
    throughput: Math.round(ours),
    memory: {
      decisions: memoryDecisions,
      heapBefore: mib(heapBefore),
      heapAfter: mib(heapAfter),
      rssBefore: mib(rssBefore),
      rssAfter: mib(rssAfter),
    },
    iamSimulateThroughput:
      otherThroughput === undefined ? 'not installed (run bench/install-peers.sh)' : Math.round(otherThroughput),
    ratio: otherThroughput === undefined ? null : Math.round((ours / otherThroughput) * 10) / 10,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await runPolicyBenchmark(), null, 2));
}
