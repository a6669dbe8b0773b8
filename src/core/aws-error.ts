// The one error type of xacct: handlers throw it, the protocol layer serializes it in the wire format.

export interface AwsErrorOptions {
  /** HTTP status; defaults to 400. */
  status?: number;
  /** Extra elements some S3 errors carry (`BucketName`, `Key`, ...), in document order. */
  extra?: Readonly<Record<string, string>>;
  /** Response headers the error adds (e.g. `x-amz-bucket-region`). */
  headers?: Readonly<Record<string, string>>;
  /** The query protocol's `<Type>`: `Sender` for client faults (default for status < 500), `Receiver` otherwise. */
  type?: 'Sender' | 'Receiver';
}

export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly extra: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly type: 'Sender' | 'Receiver';

  constructor(code: string, message: string, options: AwsErrorOptions = {}) {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = options.status ?? 400;
    this.extra = options.extra ?? {};
    this.headers = options.headers ?? {};
    this.type = options.type ?? (this.status >= 500 ? 'Receiver' : 'Sender');
  }
}

/**
 * S3's 501 for a feature a request asks for that the service does not offer, naming the header when there is one
 * (AWS's text has no final period).
 */
export function notImplemented(header?: string, additionalMessage?: string): AwsError {
  const extra: Record<string, string> = {};
  if (header !== undefined) extra.Header = header;
  if (additionalMessage !== undefined) extra.additionalMessage = additionalMessage;
  return new AwsError('NotImplemented', 'A header you provided implies functionality that is not implemented', {
    status: 501,
    extra,
  });
}

export function isAwsError(value: unknown): value is AwsError {
  return value instanceof AwsError;
}
