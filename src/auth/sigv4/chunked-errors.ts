// The errors S3 answers for a malformed aws-chunked body.
import { AwsError } from '../../core/aws-error.js';

export function bodyTerminated(): AwsError {
  return new AwsError('IncompleteBody', 'The request body terminated unexpectedly');
}

export function decodedLengthMismatch(expected: number, provided: number): AwsError {
  return new AwsError(
    'IncompleteBody',
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
    {
      extra: { NumberBytesExpected: String(expected), NumberBytesProvided: String(provided) },
    },
  );
}

export function invalidChunkSize(chunk: number, badSize: number): AwsError {
  return new AwsError('InvalidChunkSizeError', 'Only the last chunk is allowed to have a size less than 8192 bytes', {
    extra: { Chunk: String(chunk), BadChunkSize: String(badSize) },
  });
}

export function malformedTrailer(): AwsError {
  return new AwsError(
    'MalformedTrailerError',
    'The request contained trailing data that was not well-formed or did not conform to our published schema.',
  );
}

export function missingDecodedLength(): AwsError {
  return new AwsError('MissingContentLength', 'You must provide the Content-Length HTTP header.', { status: 411 });
}
