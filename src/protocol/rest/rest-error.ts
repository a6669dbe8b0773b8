// Writes REST errors: S3's `<Error>` document (S3 Control wraps it in `<ErrorResponse>`) with the error's extra
// elements in order and no body for HEAD, and REST JSON's `x-amzn-ErrorType` with a JSON message.
import type { AwsError } from '../../core/aws-error.js';
import { hashOnce } from '../../core/hash-once.js';
import type { ErrorMeta, HttpResponse, ResponseMeta } from '../types.js';
import { escapeXmlText } from '../xml/xml-writer.js';

/** S3's `x-amz-id-2`: the given host id, else one derived from the request id so logs and headers agree. */
export function s3HostId(meta: ResponseMeta): string {
  return meta.hostId ?? hashOnce('sha384', meta.requestId, 'base64');
}

export function s3RequestHeaders(meta: ResponseMeta): Record<string, string> {
  return { 'x-amz-request-id': meta.requestId, 'x-amz-id-2': s3HostId(meta) };
}

export function writeRestXmlError(error: AwsError, root: 'Error' | 'ErrorResponse', meta: ErrorMeta): HttpResponse {
  const headers = { ...error.headers, ...s3RequestHeaders(meta) };
  if (meta.method.toUpperCase() === 'HEAD') return { status: error.status, headers };
  const extra = Object.entries(error.extra)
    .map(([name, value]) => `<${name}>${escapeXmlText(value)}</${name}>`)
    .join('');
  const ids = `<RequestId>${escapeXmlText(meta.requestId)}</RequestId><HostId>${escapeXmlText(s3HostId(meta))}</HostId>`;
  const fields = `<Code>${escapeXmlText(error.code)}</Code><Message>${escapeXmlText(error.message)}</Message>${extra}`;
  const document =
    root === 'Error'
      ? `<Error>${fields}${ids}</Error>`
      : `<ErrorResponse><Error>${fields}</Error>${ids}</ErrorResponse>`;
  return {
    status: error.status,
    headers: { ...headers, 'Content-Type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${document}`,
  };
}

export function writeRestJsonError(error: AwsError, meta: ErrorMeta): HttpResponse {
  const headers = { ...error.headers, 'x-amzn-RequestId': meta.requestId, 'x-amzn-ErrorType': error.code };
  if (meta.method.toUpperCase() === 'HEAD') return { status: error.status, headers };
  return {
    status: error.status,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: error.message, ...error.extra }),
  };
}
