// Writes JSON-protocol responses (`application/x-amz-json-1.x`) and errors: `{"__type": code, "message": ...}`
// with the message key cased as the service's model declares it, plus `x-amzn-ErrorType`.
import type { AwsError } from '../../core/aws-error.js';
import type { CompiledModel, Operation } from '../compiled-model.js';
import type { HttpResponse } from '../types.js';
import { writeJsonValue } from './json-codec.js';

/**
 * Errors raised by AWS's request framework (authentication, throttling, parsing) rather than by the service, with
 * the key casing they use in every JSON service: `{"__type":"UnrecognizedClientException","message":...}`.
 */
const FRAMEWORK_MESSAGE_KEYS: Readonly<Record<string, 'message' | 'Message'>> = {
  AccessDeniedException: 'message',
  ExpiredTokenException: 'message',
  IncompleteSignatureException: 'message',
  InternalFailure: 'message',
  InvalidSignatureException: 'message',
  MissingAuthenticationTokenException: 'message',
  SerializationException: 'Message',
  ThrottlingException: 'message',
  UnknownOperationException: 'message',
  UnrecognizedClientException: 'message',
  ValidationException: 'message',
};

export function writeJsonOutput(
  op: Operation,
  output: Record<string, unknown>,
  contentType: string,
  requestId: string,
): HttpResponse {
  const body = op.output ? JSON.stringify(writeJsonValue(op.output, output)) : '{}';
  return { status: 200, headers: { 'Content-Type': contentType, 'x-amzn-RequestId': requestId }, body };
}

export interface JsonErrorContext {
  readonly contentType: string;
  readonly model?: CompiledModel;
  /** The service's own casing, for errors that are neither in its model nor the framework's. */
  readonly defaultMessageKey: 'message' | 'Message';
}

export function writeJsonError(error: AwsError, ctx: JsonErrorContext, requestId: string): HttpResponse {
  const body: Record<string, unknown> = { __type: error.code };
  if (error.message !== '') body[messageKey(error.code, ctx)] = error.message;
  Object.assign(body, error.extra);
  return {
    status: error.status,
    headers: {
      ...error.headers,
      'Content-Type': ctx.contentType,
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': error.code,
    },
    body: JSON.stringify(body),
  };
}

function messageKey(code: string, ctx: JsonErrorContext): 'message' | 'Message' {
  const shape = ctx.model?.errorShape(code);
  if (shape?.memberByName.has('Message')) return 'Message';
  if (shape?.memberByName.has('message')) return 'message';
  return FRAMEWORK_MESSAGE_KEYS[code] ?? ctx.defaultMessageKey;
}
