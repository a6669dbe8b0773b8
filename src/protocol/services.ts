// The services xacct speaks, one descriptor each: which protocol and model, how requests name the service, and how
// the service reports invalid input. Adding a service is one entry here plus its name in scripts/extract-models.mjs.
import type { Protocol } from './types.js';

/**
 * How a service reports a model constraint violation (required, length, range, pattern, enum):
 * - `coral`: every violation in one message, `N validation error(s) detected: Value 'x' at 'member' failed to
 *   satisfy constraint: ...` (IAM, STS, KMS and most AWS services).
 * - `organizations`: `InvalidInputException` for the first violation, with a `Reason` (`INVALID_PATTERN`, ...).
 * - `rds`: `InvalidParameterValue` for the first violation (`The parameter X must be provided and must not be
 *   empty.` for an absent member).
 * - `s3`: S3 checks no model constraints; only absent members and bad scalars are reported, as `InvalidArgument`
 *   or `InvalidRequest` in S3's own wording.
 */
export type ValidationStyle = 'coral' | 'organizations' | 'rds' | 's3';

export interface ServiceDescriptor {
  readonly protocol: Protocol;
  /** File name under models/, without `.json`. */
  readonly modelFile: string;
  readonly apiVersion: string;
  /** SigV4 signing name (the service part of the credential scope). */
  readonly signingName: string;
  /** JSON protocol: the `X-Amz-Target` prefix and the content-type version. */
  readonly jsonTarget?: { readonly prefix: string; readonly version: '1.0' | '1.1' };
  /** XML namespace of responses and errors (query protocols) or of response documents (REST XML). */
  readonly xmlNamespace?: string;
  /** REST services sharing a signing name with another are told apart by a fixed path prefix. */
  readonly pathPrefix?: string;
  readonly validation: { readonly style: ValidationStyle; readonly code: string };
  /**
   * JSON protocols: the message key of the service's own errors (KMS `message`, Organizations `Message`, as their
   * models declare). Modelled errors take the casing from the model and framework errors (authentication,
   * throttling) always use `message`; this covers service errors the model omits.
   */
  readonly jsonMessageKey?: 'message' | 'Message';
  /** REST XML: S3 answers `<Error>` at the root; S3 Control wraps it in `<ErrorResponse>`. */
  readonly restXmlErrorRoot?: 'Error' | 'ErrorResponse';
}

export const SERVICES = {
  iam: {
    protocol: 'query',
    modelFile: 'iam',
    apiVersion: '2010-05-08',
    signingName: 'iam',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    validation: { style: 'coral', code: 'ValidationError' },
  },
  sts: {
    protocol: 'query',
    modelFile: 'sts',
    apiVersion: '2011-06-15',
    signingName: 'sts',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    validation: { style: 'coral', code: 'ValidationError' },
  },
  rds: {
    protocol: 'query',
    modelFile: 'rds',
    apiVersion: '2014-10-31',
    signingName: 'rds',
    xmlNamespace: 'http://rds.amazonaws.com/doc/2014-10-31/',
    validation: { style: 'rds', code: 'InvalidParameterValue' },
  },
  kms: {
    protocol: 'json',
    modelFile: 'kms',
    apiVersion: '2014-11-01',
    signingName: 'kms',
    jsonTarget: { prefix: 'TrentService', version: '1.1' },
    validation: { style: 'coral', code: 'ValidationException' },
    jsonMessageKey: 'message',
  },
  organizations: {
    protocol: 'json',
    modelFile: 'organizations',
    apiVersion: '2016-11-28',
    signingName: 'organizations',
    jsonTarget: { prefix: 'AWSOrganizationsV20161128', version: '1.1' },
    validation: { style: 'organizations', code: 'InvalidInputException' },
    jsonMessageKey: 'Message',
  },
  s3: {
    protocol: 'rest-xml',
    modelFile: 's3',
    apiVersion: '2006-03-01',
    signingName: 's3',
    xmlNamespace: 'http://s3.amazonaws.com/doc/2006-03-01/',
    validation: { style: 's3', code: 'InvalidArgument' },
    restXmlErrorRoot: 'Error',
  },
  s3control: {
    protocol: 'rest-xml',
    modelFile: 's3control',
    apiVersion: '2018-08-20',
    signingName: 's3',
    xmlNamespace: 'http://awss3control.amazonaws.com/doc/2018-08-20/',
    pathPrefix: '/v20180820/',
    validation: { style: 's3', code: 'InvalidRequest' },
    restXmlErrorRoot: 'ErrorResponse',
  },
} as const satisfies Record<string, ServiceDescriptor>;

export type ServiceId = keyof typeof SERVICES;

export const SERVICE_IDS = Object.keys(SERVICES) as readonly ServiceId[];

export function serviceDescriptor(id: ServiceId): ServiceDescriptor {
  return SERVICES[id];
}

/** Query protocols: the service whose API version the `Version` parameter names. */
export function serviceByApiVersion(version: string): ServiceId | undefined {
  return SERVICE_IDS.find((id) => isQueryService(id) && SERVICES[id].apiVersion === version);
}

/** JSON protocols: the service whose target prefix starts `X-Amz-Target`. */
export function serviceByTargetPrefix(prefix: string): ServiceId | undefined {
  return SERVICE_IDS.find((id) => targetPrefixOf(id) === prefix);
}

/** Services signed with this SigV4 service name (S3 and S3 Control share `s3`). */
export function servicesBySigningName(name: string): readonly ServiceId[] {
  return SERVICE_IDS.filter((id) => SERVICES[id].signingName === name);
}

export function isQueryService(id: ServiceId): boolean {
  const { protocol } = serviceDescriptor(id);
  return protocol === 'query' || protocol === 'ec2';
}

function targetPrefixOf(id: ServiceId): string | undefined {
  return serviceDescriptor(id).jsonTarget?.prefix;
}
