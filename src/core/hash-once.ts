// Digests of small inputs in one call: `crypto.hash` (Node 20.12+) costs a third of a Hash object for them. Node
// versions before it, which the package still accepts, build the Hash object.
import * as crypto from 'node:crypto';

type Encoding = 'hex' | 'base64';

const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: Encoding) => string })
  .hash;

export function hashOnce(algorithm: 'sha256' | 'sha384', data: string | Uint8Array, encoding: Encoding): string {
  return oneShot !== undefined
    ? oneShot(algorithm, data, encoding)
    : crypto.createHash(algorithm).update(data).digest(encoding);
}
