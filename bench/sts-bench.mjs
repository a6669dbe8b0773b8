// Server benchmarks of the foundation: time from process start to ready, and presigned STS GetCallerIdentity
// (what EKS authenticators send) under wrk, with signature verification, authorization and the trail on.
import { startServer } from './server.mjs';
import { presignedUrl } from './signed-request.mjs';
import { hasWrk, runWrk } from './wrk.mjs';

export async function runStsBenchmark({ seconds = 10 } = {}) {
  const readiness = [];
  for (let i = 0; i < 5; i++) {
    const server = await startServer();
    readiness.push(server.readyMs);
    await server.stop();
  }
  readiness.sort((a, b) => a - b);
  const server = await startServer();
  try {
    const url = await presignedUrl(server.url, 'sts', { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    const check = await fetch(url);
    if (check.status !== 200) throw new Error(`presigned GetCallerIdentity answered ${check.status}`);
    const load = hasWrk() ? runWrk(url, { seconds }) : 'wrk not installed';
    return {
      readyMs: { median: Math.round(readiness[2]), max: Math.round(readiness[4]) },
      presignedGetCallerIdentity: load,
    };
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runStsBenchmark(), null, 2));
}
