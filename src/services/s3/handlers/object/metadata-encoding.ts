// User metadata values as S3 keeps and answers them (S3 UG, "Working with object metadata"): RFC 2047 encoded-words
// are decoded before a value is stored, and a value with characters other than printable US-ASCII is answered as
// encoded-words. The encoding follows what S3 is seen to send, which is JavaMail's `MimeUtility.encodeText(value,
// "UTF-8", null)`: base64 (`=?UTF-8?B?5Lit5paH?=`) unless printable ASCII characters are the majority, then
// Q-encoding (`=?UTF-8?Q?caf=C3=A9?=`), split in halves until each word is at most 75 characters.

const CHARSET = 'UTF-8';
/** RFC 2047 caps an encoded-word at 75 characters: 7 go to `=?`, `?`, the encoding letter, `?` and `?=`. */
const AVAILABLE = 75 - 7 - CHARSET.length;
const B_PREFIX = `=?${CHARSET}?B?`;
const Q_PREFIX = `=?${CHARSET}?Q?`;
const HEX = '0123456789ABCDEF';
const WHITESPACE = /[ \t\r\n]+|[^ \t\r\n]+/g;

/** The value as an `x-amz-meta-*` header carries it: as is when it is all printable US-ASCII, else encoded-words. */
export function encodeMetadataValue(value: string): string {
  let ascii = 0;
  let other = 0;
  let lineBreak = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x0d || c === 0x0a) lineBreak = true;
    if (c >= 0x7f || (c < 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a)) other++;
    else ascii++;
  }
  // JavaMail leaves CR and LF as they are, which no HTTP header can carry: a value with them is encoded.
  if (other === 0 && !lineBreak) return value;
  const words: string[] = [];
  encodeWords(value, ascii <= other, words);
  return words.join(' ');
}

function encodeWords(text: string, base64: boolean, words: string[]): void {
  const bytes = Buffer.from(text, 'utf8');
  const length = base64 ? Math.ceil(bytes.length / 3) * 4 : qLength(bytes);
  if (length > AVAILABLE && text.length > 1) {
    let split = text.length >> 1;
    // Never between the two halves of a surrogate pair.
    const before = text.charCodeAt(split - 1);
    if (before >= 0xd800 && before <= 0xdbff) split--;
    if (split > 0) encodeWords(text.slice(0, split), base64, words);
    encodeWords(text.slice(split), base64, words);
    return;
  }
  words.push(base64 ? `${B_PREFIX}${bytes.toString('base64')}?=` : `${Q_PREFIX}${qEncode(bytes)}?=`);
}

/** Q-encoding of header text (RFC 2047, 4.2): space as `_`; controls, non-ASCII, `=`, `?` and `_` as `=XX`. */
function qEncode(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x20) out += '_';
    else if (qEscaped(b)) out += `=${HEX[b >> 4]}${HEX[b & 15]}`;
    else out += String.fromCharCode(b);
  }
  return out;
}

function qLength(bytes: Buffer): number {
  let length = 0;
  for (const b of bytes) length += qEscaped(b) ? 3 : 1;
  return length;
}

function qEscaped(b: number): boolean {
  return b < 0x20 || b >= 0x7f || b === 0x3d || b === 0x3f || b === 0x5f;
}

/**
 * The value with its encoded-words decoded, as JavaMail's `MimeUtility.decodeText` does in strict mode: only
 * whitespace-separated words are decoded, whitespace between two encoded-words is dropped, and a word that does not
 * decode (malformed, unknown charset or encoding) stays as it was.
 */
export function decodeMetadataValue(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let space = '';
  let previousDecoded = false;
  for (const token of value.match(WHITESPACE) ?? []) {
    const c = token.charCodeAt(0);
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
      space += token;
      continue;
    }
    const decoded = decodeWord(token);
    if (decoded === undefined || !previousDecoded) out += space;
    out += decoded ?? token;
    previousDecoded = decoded !== undefined;
    space = '';
  }
  return out + space;
}

/** `=?charset?B|Q?text?=` (and whatever follows `?=` in the same word), or undefined when it is not one. */
function decodeWord(word: string): string | undefined {
  if (!word.startsWith('=?')) return undefined;
  const charsetEnd = word.indexOf('?', 2);
  if (charsetEnd === -1) return undefined;
  const encodingEnd = word.indexOf('?', charsetEnd + 1);
  if (encodingEnd === -1) return undefined;
  const end = word.indexOf('?=', encodingEnd + 1);
  if (end === -1) return undefined;
  // RFC 2231 lets a language follow the charset: `=?UTF-8*en?Q?...?=`.
  const charset = word.slice(2, charsetEnd).split('*')[0]!;
  const encoding = word.slice(charsetEnd + 1, encodingEnd).toUpperCase();
  const text = word.slice(encodingEnd + 1, end);
  let bytes: Buffer | undefined;
  if (encoding === 'B') bytes = Buffer.from(text, 'base64');
  else if (encoding === 'Q') bytes = qDecode(text);
  if (bytes === undefined) return undefined;
  const decoded = decodeCharset(bytes, charset);
  return decoded === undefined ? undefined : decoded + word.slice(end + 2);
}

function qDecode(text: string): Buffer | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '_') bytes.push(0x20);
    else if (c === '=') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

/** Bytes in the word's charset; malformed sequences become U+FFFD, as Java's decoders make them. */
function decodeCharset(bytes: Buffer, charset: string): string | undefined {
  const name = charset.toLowerCase();
  // The WHATWG decoder reads ISO-8859-1 as windows-1252; MIME means the real thing.
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'iso_8859-1') return bytes.toString('latin1');
  try {
    return new TextDecoder(name).decode(bytes);
  } catch {
    return undefined;
  }
}
