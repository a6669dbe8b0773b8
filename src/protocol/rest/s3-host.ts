// Finds the bucket named by the Host header of a virtual-hosted-style S3 request: the host minus a known base host.
// `bucket.s3.amazonaws.com`, `bucket.s3.us-west-2.amazonaws.com`, `bucket.localhost:4566`, `bucket.s3.localhost:4566`.

const AWS_S3_HOST = /^(.+)\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;
const DEFAULT_BASE_HOSTS: readonly string[] = ['localhost'];

/** The bucket in `host` (case-folded, port removed), or undefined for a path-style request. */
export function bucketFromHost(
  host: string | undefined,
  baseHosts: readonly string[] = DEFAULT_BASE_HOSTS,
): string | undefined {
  if (!host) return undefined;
  const name = stripPort(host).toLowerCase();
  const aws = AWS_S3_HOST.exec(name);
  if (aws) return aws[1];
  let best: string | undefined;
  for (const base of baseHosts) {
    const lowerBase = base.toLowerCase();
    for (const suffix of [`.s3.${lowerBase}`, `.${lowerBase}`]) {
      if (name.endsWith(suffix) && name.length > suffix.length) {
        const bucket = name.slice(0, -suffix.length);
        // The longest base wins, so `b.s3.localhost` is bucket `b`, not `b.s3`.
        if (best === undefined || bucket.length < best.length) best = bucket;
      }
    }
  }
  return best === 's3' ? undefined : best;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  const colon = host.lastIndexOf(':');
  return colon === -1 ? host : host.slice(0, colon);
}
