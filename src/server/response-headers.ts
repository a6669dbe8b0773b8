// Whether a response's headers can be written at all: Node refuses (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN) a name
// that is not an RFC 9110 token and a value with a character beyond ISO-8859-1 or a control other than tab. The
// pipeline checks before answering, so such a response becomes the service's InternalError rather than a broken one.
import { isHeaderName, isHeaderValue } from '../core/header-text.js';
import type { HttpResponse } from '../protocol/index.js';

/** The name of the first header Node would refuse to write, or undefined when all of them can be. */
export function invalidResponseHeader(headers: Readonly<Record<string, unknown>>): string | undefined {
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    if (!isHeaderName(name) || !isHeaderValue(String(value))) return name;
  }
  return undefined;
}

/** Lets go of a body that will not be sent (a blob's open file, a decrypting stream). */
export function discardBody(body: HttpResponse['body']): void {
  if (body !== undefined && typeof body === 'object' && 'destroy' in body && typeof body.destroy === 'function') {
    body.destroy();
  }
}
