// Small timing helpers shared by the benchmarks.

/** Calls per second over roughly `ms` milliseconds. */
export function throughput(fn, ms = 2000) {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (let i = 0; i < 1000; i++) fn(calls + i);
    calls += 1000;
  }
  return calls / ((performance.now() - start) / 1000);
}

export function formatNs(ns) {
  return ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
}

export function mib(bytes) {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
