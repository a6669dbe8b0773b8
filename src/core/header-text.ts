// Header text as Node handles it. Node reads header bytes, and writes header values, one character a byte
// (ISO-8859-1); it refuses (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN) a name that is not an RFC 9110 token and a value
// with a character beyond ISO-8859-1 or a control other than tab. SDKs send non-ASCII values as UTF-8, so request
// values are read as UTF-8, and echoing one back (a stored Content-Type, a CORS Origin) sends its UTF-8 bytes.
const NON_ASCII_BYTE = /[\x80-\xff]/;
const NON_ASCII = /[\u0080-\uffff]/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const UNCARRIED = /[^\t\x20-\x7e\x80-\xff]/;
const UNCARRIED_ALL = /[^\t\x20-\x7e\x80-\xff]/g;

/** A request header value, read by Node one character a byte, as the UTF-8 text it carries (U+FFFD where invalid). */
export function receivedText(value: string): string {
  return NON_ASCII_BYTE.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

/** The UTF-8 bytes of a header value as a string of one character per byte, the form Node writes back unchanged. */
export function headerBytes(text: string): string {
  return NON_ASCII.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** Whether Node can write `value` as a header value. */
export function isHeaderValue(value: string): boolean {
  return !UNCARRIED.test(value);
}

/** `value` with every character a header cannot carry replaced by a space. */
export function spacedHeaderValue(value: string): string {
  return value.replace(UNCARRIED_ALL, ' ');
}
