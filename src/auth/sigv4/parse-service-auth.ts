// Parsing of a SigV4 credential by the query-protocol (IAM, STS) and JSON-protocol (KMS, ...) services,
// in the order and with the messages their shared front end uses.
import { formatAmzDate, parseAmzDate, parseDateHeader } from './amz-date.js';
import { buildParsed, type CredentialParts, type PresignedParams, splitAuthorization } from './credential-parts.js';
import { incompleteSignature, invalidSignature, missingAuthenticationToken } from './sigv4-errors.js';
import { ALGORITHM, type ParsedSigV4, SCOPE_TERMINATOR } from './types.js';

type ServiceFlavour = 'query' | 'json';

const NON_NEGATIVE_INTEGER = /^\d+$/;

export function parseServiceHeader(
  authorization: string,
  headers: Readonly<Record<string, string>>,
  flavour: ServiceFlavour,
): ParsedSigV4 {
  if (!authorization.trimStart().startsWith('AWS4-')) throw missingAuthenticationToken(flavour);
  const { algorithm, values, invalid } = splitAuthorization(authorization);
  if (invalid !== undefined) {
    throw incompleteSignature(
      flavour,
      `'${invalid}' not a valid key=value pair (missing equal-sign) in Authorization header: '${authorization}'.`,
    );
  }
  const credential = values.get('Credential');
  const signedHeaders = values.get('SignedHeaders');
  const signature = values.get('Signature');
  const dateText = headers['x-amz-date'] ?? headers.date;
  let missing = '';
  if (!credential) missing += "Authorization header requires 'Credential' parameter. ";
  if (!signature) missing += "Authorization header requires 'Signature' parameter. ";
  if (signedHeaders === undefined) missing += "Authorization header requires 'SignedHeaders' parameter. ";
  if (dateText === undefined) {
    missing += "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ";
  }
  if (missing || !credential || !signature || signedHeaders === undefined || dateText === undefined) {
    throw incompleteSignature(flavour, `${missing}Authorization=${authorization}`);
  }
  const requestTimeMs = headers['x-amz-date'] !== undefined ? parseAmzDate(dateText) : parseDateHeader(dateText);
  if (requestTimeMs === undefined) throw badDate(flavour, dateText);
  // The Date header may be an HTTP-date; the string to sign always carries the basic format.
  const amzDate = formatAmzDate(requestTimeMs);
  checkAlgorithm(algorithm, flavour);
  return buildParsed({
    location: 'header',
    credential: checkCredential(credential, amzDate, flavour),
    signedHeaders,
    signature,
    amzDate,
    requestTimeMs,
    expiresSeconds: undefined,
    securityToken: headers['x-amz-security-token'],
  });
}

export function parseServiceQuery(params: PresignedParams, flavour: ServiceFlavour): ParsedSigV4 {
  const { credential, date, signedHeaders, signature } = params;
  let missing = '';
  if (!credential) missing += "AWS query-string parameters must include 'X-Amz-Credential'. ";
  if (!signature) missing += "AWS query-string parameters must include 'X-Amz-Signature'. ";
  if (signedHeaders === undefined) missing += "AWS query-string parameters must include 'X-Amz-SignedHeaders'. ";
  if (!date) missing += "AWS query-string parameters must include 'X-Amz-Date'. ";
  if (missing || !credential || !signature || signedHeaders === undefined || !date) {
    throw incompleteSignature(flavour, `${missing}Re-examine the query-string parameters.`);
  }
  const requestTimeMs = parseAmzDate(date);
  if (requestTimeMs === undefined) throw badDate(flavour, date);
  checkAlgorithm(params.algorithm ?? '', flavour);
  // Query and JSON services ignore X-Amz-Expires: their presigned requests live 15 minutes either way.
  const expires = params.expires;
  return buildParsed({
    location: 'query',
    credential: checkCredential(credential, date, flavour),
    signedHeaders,
    signature,
    amzDate: date,
    requestTimeMs,
    expiresSeconds: expires !== undefined && NON_NEGATIVE_INTEGER.test(expires) ? Number(expires) : undefined,
    securityToken: params.securityToken,
  });
}

function badDate(flavour: ServiceFlavour, text: string) {
  return incompleteSignature(
    flavour,
    `Date must be in ISO-8601 'basic format'. Got '${text}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  );
}

function checkAlgorithm(algorithm: string, flavour: ServiceFlavour): void {
  if (algorithm !== ALGORITHM) throw incompleteSignature(flavour, `Unsupported AWS 'algorithm': '${algorithm}'.`);
}

function checkCredential(text: string, amzDate: string, flavour: ServiceFlavour): CredentialParts {
  const parts = text.split('/');
  if (parts.length !== 5 || parts[0] === '') {
    throw incompleteSignature(
      flavour,
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${text}'`,
    );
  }
  const credential = parts as unknown as CredentialParts;
  const [, scopeDate, , , terminator] = credential;
  let problems = '';
  if (terminator !== SCOPE_TERMINATOR) {
    problems += `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'. `;
  }
  if (scopeDate !== amzDate.slice(0, 8)) {
    problems += `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'. `;
  }
  if (problems) throw invalidSignature(flavour, problems.trimEnd());
  return credential;
}
