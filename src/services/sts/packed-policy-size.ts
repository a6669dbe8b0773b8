// PackedPolicySize: AWS compresses session policies, policy ARNs and session tags into the session token and caps the
// result separately from the plaintext limits. Its packing is not published, so xacct deflates the same data and
// measures it against a fixed budget: small policies land in the single digits, as on AWS, and a large, varied
// policy or many long tags go past 100 % (PackedPolicyTooLarge, with AWS's two message texts).
import { deflateRawSync } from 'node:zlib';
import { packedPolicyTooLarge } from './errors.js';
import type { SessionPolicies } from './session-policies.js';

const PACKED_BUDGET_BYTES = 1024;

/** The percentage of the packed budget used; throws PackedPolicyTooLarge past 100 %. */
export function packedPolicySize(policies: SessionPolicies, tags: Readonly<Record<string, string>>): number {
  const policyParts = [...(policies.inlineText === undefined ? [] : [minified(policies.inlineText)]), ...policies.arns];
  const policyBytes = policyParts.length === 0 ? 0 : deflateRawSync(policyParts.join('\n')).length;
  const tagText = Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  const tagBytes = tagText === '' ? 0 : deflateRawSync(tagText).length;
  const percent = Math.ceil((100 * (policyBytes + tagBytes)) / PACKED_BUDGET_BYTES);
  if (percent <= 100) return percent;
  throw packedPolicyTooLarge(
    tagBytes > policyBytes
      ? `Packed size of session tags consumes ${percent}% of allotted space.`
      : `Packed policy consumes ${percent}% of allotted space, please use smaller policy.`,
  );
}

// INVARIANT: the inline policy was parsed before, so it is valid JSON.
function minified(text: string): string {
  return JSON.stringify(JSON.parse(text));
}
