// The trailer section of an aws-chunked body: `name:value` lines after the final chunk, ended by an
// empty line. Collects the declared trailers and, for signed trailers, checks x-amz-trailer-signature.

import { trailerStringToSign } from './chunk-signature.js';
import { bodyTerminated, malformedTrailer } from './chunked-errors.js';
import { signatureHex, signaturesEqual } from './signing-key.js';
import { chunkSignatureMismatch } from './sigv4-errors.js';
import type { ChunkSigningContext } from './verify-sigv4.js';

const SIGNATURE_TRAILER = 'x-amz-trailer-signature';
const MAX_TRAILER_BYTES = 16 * 1024;

export class TrailerSection {
  readonly values = new Map<string, string>();
  private signature: string | undefined;
  private bytes = 0;
  private skippedEmptyLine = false;

  /**
   * @param declared lower-case names from x-amz-trailer; only these may appear.
   * @param signing present for STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER.
   */
  constructor(
    private readonly declared: ReadonlySet<string>,
    private readonly signing: ChunkSigningContext | undefined,
  ) {}

  /** Takes one line without its line ending; true once the section is complete. */
  line(text: string, finalChunkSignature: string): boolean {
    this.bytes += text.length + 2;
    if (this.bytes > MAX_TRAILER_BYTES) throw malformedTrailer();
    if (text === '') {
      // The S3 documentation's own example puts an empty line between the final chunk and its
      // trailers; tolerate it while nothing has arrived yet and trailers are still owed.
      if (this.values.size === 0 && this.signature === undefined && this.declared.size > 0 && !this.skippedEmptyLine) {
        this.skippedEmptyLine = true;
        return false;
      }
      this.finish(finalChunkSignature);
      return true;
    }
    const colon = text.indexOf(':');
    if (colon <= 0) throw malformedTrailer();
    const name = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (this.signing && name === SIGNATURE_TRAILER && this.signature === undefined) this.signature = value;
    else if (this.declared.has(name) && !this.values.has(name)) this.values.set(name, value);
    else throw malformedTrailer();
    return false;
  }

  /**
   * Completes the section at end of input when its closing empty line never came: accepted once some
   * trailer arrived, since clients differ on that last line ending.
   */
  finishAtEnd(finalChunkSignature: string): void {
    if (this.values.size === 0 && this.signature === undefined) {
      // An empty line we skipped as the documentation's separator was in fact the end of the body.
      throw this.skippedEmptyLine ? malformedTrailer() : bodyTerminated();
    }
    this.finish(finalChunkSignature);
  }

  private finish(finalChunkSignature: string): void {
    if (this.values.size < this.declared.size) throw malformedTrailer();
    if (!this.signing) return;
    if (this.signature === undefined) throw chunkSignatureMismatch();
    const expected = signatureHex(
      this.signing.signingKey,
      trailerStringToSign(this.signing, finalChunkSignature, this.values),
    );
    if (!signaturesEqual(expected, this.signature)) throw chunkSignatureMismatch();
  }
}
