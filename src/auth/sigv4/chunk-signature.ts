// Strings to sign of an aws-chunked body: each chunk's signature chains from the previous one (the
// seed is the request's own signature), and the trailer's from the final chunk's.
import { sha256Hex } from './canonical-request.js';
import { EMPTY_SHA256 } from './types.js';

export interface ChunkChain {
  readonly amzDate: string;
  readonly credentialScope: string;
}

export function chunkStringToSign(chain: ChunkChain, previousSignature: string, chunkSha256Hex: string): string {
  return `AWS4-HMAC-SHA256-PAYLOAD\n${chain.amzDate}\n${chain.credentialScope}\n${previousSignature}\n${EMPTY_SHA256}\n${chunkSha256Hex}`;
}

/** `name:value\n` per trailing header, sorted by name; the trailer signature itself is not signed. */
export function canonicalTrailers(trailers: ReadonlyMap<string, string>): string {
  let out = '';
  for (const name of [...trailers.keys()].sort()) out += `${name}:${trailers.get(name)}\n`;
  return out;
}

export function trailerStringToSign(
  chain: ChunkChain,
  previousSignature: string,
  trailers: ReadonlyMap<string, string>,
): string {
  return `AWS4-HMAC-SHA256-TRAILER\n${chain.amzDate}\n${chain.credentialScope}\n${previousSignature}\n${sha256Hex(canonicalTrailers(trailers))}`;
}
