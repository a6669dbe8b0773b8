// `npm run bench`: every benchmark in one run, printed as JSON. Needs a build (`npm run build`) and, for the
// comparisons with other tools, `bench/install-peers.sh`. Pass names to run only some: `npm run bench -- sts`.
import { cpus, totalmem } from 'node:os';
import { runKmsBenchmark } from './kms-bench.mjs';
import { runPolicyBenchmark } from './policy-bench.mjs';
import { runS3Benchmark } from './s3-bench.mjs';
import { runSseKmsBenchmark } from './sse-kms-bench.mjs';
import { runStsBenchmark } from './sts-bench.mjs';

const BENCHMARKS = {
  policy: () => runPolicyBenchmark(),
  sts: () => runStsBenchmark(),
  s3: () => runS3Benchmark(),
  kms: () => runKmsBenchmark(),
  'sse-kms': () => runSseKmsBenchmark(),
};

const selected = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(BENCHMARKS);
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
};
for (const name of selected) {
  const run = BENCHMARKS[name];
  if (run === undefined) throw new Error(`unknown benchmark '${name}'; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.stderr.write(`running ${name}...\n`);
  results[name] = await run();
}
console.log(JSON.stringify(results, null, 2));
