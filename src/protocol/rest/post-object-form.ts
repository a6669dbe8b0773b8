// Reads the multipart/form-data body of an S3 browser upload (PostObject): the form fields that precede the file,
// then the file itself as a stream, never buffered. S3 ignores whatever follows the file part.
import { Readable } from 'node:stream';
import { AwsError } from '../../core/aws-error.js';

export interface PostObjectForm {
  /** Form fields before the file, by lower-case name (`key`, `policy`, `x-amz-signature`, `x-amz-meta-*`, ...). */
  readonly fields: ReadonlyMap<string, string>;
  readonly file: {
    readonly filename: string;
    readonly contentType?: string;
    readonly body: Readable;
  };
}

/** S3's limit on the form data before the file ([I]: the limit S3 applies is not documented; 20 KB). */
const MAX_PRE_DATA = 20 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');
const BOUNDARY = /boundary=(?:"([^"]+)"|([^;\s]+))/i;
const NAME = /(?:^|;)\s*name="([^"]*)"/i;
const FILENAME = /(?:^|;)\s*filename="([^"]*)"/i;

const malformed = () =>
  new AwsError('MalformedPOSTRequest', 'The body of your POST request is not well-formed multipart/form-data.');

/** Splits the body at `delimiter`, keeping the bytes read past each match for the next call. */
class PartReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly chunks: AsyncIterator<unknown>;

  constructor(body: NodeJS.ReadableStream) {
    this.chunks = (body as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  }

  /** The bytes up to `marker` (consumed with it), or undefined when the body ends first. */
  async readUntil(marker: Buffer, limit: number): Promise<Buffer | undefined> {
    for (;;) {
      const at = this.buffer.indexOf(marker);
      if ((at === -1 ? this.buffer.length : at) > limit) {
        throw new AwsError(
          'MaxPostPreDataLengthExceededError',
          'Your POST request fields preceding the upload file were too large.',
        );
      }
      if (at !== -1) {
        const head = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + marker.length);
        return head;
      }
      if (!(await this.fill())) return undefined;
    }
  }

  /** Yields the bytes before `marker`, holding back a tail that might be the start of it, then drains the body. */
  async *streamUntil(marker: Buffer): AsyncGenerator<Buffer> {
    for (;;) {
      const at = this.buffer.indexOf(marker);
      if (at !== -1) {
        if (at > 0) yield this.buffer.subarray(0, at);
        this.buffer = Buffer.alloc(0);
        while (await this.fill()) this.buffer = Buffer.alloc(0);
        return;
      }
      const safe = this.buffer.length - (marker.length - 1);
      if (safe > 0) {
        yield this.buffer.subarray(0, safe);
        this.buffer = this.buffer.subarray(safe);
      }
      if (!(await this.fill())) throw malformed();
    }
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.chunks.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    const chunk = next.value;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    this.buffer = this.buffer.length === 0 ? bytes : Buffer.concat([this.buffer, bytes]);
    return true;
  }
}

export async function readPostObjectForm(body: NodeJS.ReadableStream, contentType: string): Promise<PostObjectForm> {
  const boundary = BOUNDARY.exec(contentType);
  const token = boundary?.[1] ?? boundary?.[2];
  if (!/^multipart\/form-data/i.test(contentType) || !token) throw malformed();
  const reader = new PartReader(body);
  const delimiter = Buffer.from(`\r\n--${token}`);
  // The first boundary has no CRLF before it; reading to `--token` skips any preamble.
  if ((await reader.readUntil(Buffer.from(`--${token}`), MAX_PRE_DATA)) === undefined) throw malformed();
  const fields = new Map<string, string>();
  let preData = 0;
  for (;;) {
    const rawHeaders = await reader.readUntil(HEADER_END, MAX_PRE_DATA);
    if (rawHeaders === undefined) throw missingFile();
    const part = parsePartHeaders(rawHeaders.toString('latin1'));
    if (part.filename !== undefined || part.name === 'file') {
      const stream = Readable.from(reader.streamUntil(delimiter));
      return { fields, file: { filename: part.filename ?? '', contentType: part.contentType, body: stream } };
    }
    const value = await reader.readUntil(delimiter, MAX_PRE_DATA - preData);
    if (value === undefined) throw malformed();
    preData += value.length;
    if (part.name !== undefined) fields.set(part.name.toLowerCase(), value.toString('utf8'));
  }
}

function missingFile(): AwsError {
  return new AwsError('InvalidArgument', 'POST requires exactly one file upload per request.', {
    extra: { ArgumentName: 'file', ArgumentValue: '0' },
  });
}

interface PartHeaders {
  readonly name?: string;
  readonly filename?: string;
  readonly contentType?: string;
}

/** The part's headers; the text before them is the rest of the boundary line (`--` marks the end of the form). */
function parsePartHeaders(text: string): PartHeaders {
  const [boundaryRest = '', ...lines] = text.split('\r\n');
  if (boundaryRest.startsWith('--')) throw missingFile();
  let disposition = '';
  let contentType: string | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name === 'content-disposition') disposition = line.slice(colon + 1);
    else if (name === 'content-type') contentType = line.slice(colon + 1).trim();
  }
  return { name: parameter(disposition, NAME), filename: parameter(disposition, FILENAME), contentType };
}

/** A quoted disposition parameter; browsers send UTF-8 bytes, which arrive here as latin1 text. */
function parameter(disposition: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(disposition);
  return match ? Buffer.from(match[1]!, 'latin1').toString('utf8') : undefined;
}
