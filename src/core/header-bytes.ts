// The HTTP layer reads request header values as the UTF-8 text SDKs send. Echoing such a value back as a response
// header (a stored Content-Type, a CORS Origin) must send the bytes that were received: Node writes a header value
// one character a byte, so the text goes back as its UTF-8 bytes, one character each.
const NON_ASCII = /[\u0080-\uffff]/;

/** The UTF-8 bytes of a header value as a string of one character per byte, the form Node writes back unchanged. */
export function headerBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}
