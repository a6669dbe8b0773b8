#!/usr/bin/env node
// Extracts the AWS service models xacct serves from the machine's botocore into src/protocol/models/<service>.json,
// keeping only what the wire needs (prose such as documentation and examples is dropped).
// Run: node scripts/extract-models.mjs   (needs python3 with botocore installed)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** botocore directory name of each service we serve. Adding a service is one line here plus one in services.ts. */
const SERVICES = ['iam', 'sts', 'organizations', 's3', 's3control', 'kms', 'rds'];

/** Keys that only carry prose for humans; everything else in a model can matter on the wire. */
const PROSE_KEYS = new Set(['documentation', 'documentationUrl', 'examples', 'deprecatedMessage']);

/**
 * Root element names of XML output documents. The Smithy models carry them as @xmlName on the output structures,
 * but botocore's JSON models drop that trait (its parsers ignore the root name). Real S3 sends these names, so we
 * restore them as `locationName` on the output shapes.
 */
const XML_ROOT_NAMES = {
  s3: {
    CompleteMultipartUploadOutput: 'CompleteMultipartUploadResult',
    CreateMultipartUploadOutput: 'InitiateMultipartUploadResult',
    CreateSessionOutput: 'CreateSessionResult',
    DeleteObjectsOutput: 'DeleteResult',
    GetBucketAccelerateConfigurationOutput: 'AccelerateConfiguration',
    GetBucketAclOutput: 'AccessControlPolicy',
    GetBucketCorsOutput: 'CORSConfiguration',
    GetBucketLifecycleOutput: 'LifecycleConfiguration',
    GetBucketLifecycleConfigurationOutput: 'LifecycleConfiguration',
    GetBucketLocationOutput: 'LocationConstraint',
    GetBucketLoggingOutput: 'BucketLoggingStatus',
    GetBucketRequestPaymentOutput: 'RequestPaymentConfiguration',
    GetBucketTaggingOutput: 'Tagging',
    GetBucketVersioningOutput: 'VersioningConfiguration',
    GetBucketWebsiteOutput: 'WebsiteConfiguration',
    GetObjectAclOutput: 'AccessControlPolicy',
    GetObjectAttributesOutput: 'GetObjectAttributesResponse',
    GetObjectTaggingOutput: 'Tagging',
    ListBucketAnalyticsConfigurationsOutput: 'ListBucketAnalyticsConfigurationResult',
    ListBucketInventoryConfigurationsOutput: 'ListInventoryConfigurationsResult',
    ListBucketMetricsConfigurationsOutput: 'ListMetricsConfigurationsResult',
    ListBucketsOutput: 'ListAllMyBucketsResult',
    ListDirectoryBucketsOutput: 'ListAllMyDirectoryBucketsResult',
    ListMultipartUploadsOutput: 'ListMultipartUploadsResult',
    ListObjectsOutput: 'ListBucketResult',
    ListObjectsV2Output: 'ListBucketResult',
    ListObjectVersionsOutput: 'ListVersionsResult',
    ListPartsOutput: 'ListPartsResult',
    NotificationConfigurationDeprecated: 'NotificationConfiguration',
  },
};

/** The CORS preflight headers a browser sends and the ones S3 answers with (S3 API Reference, "OPTIONS object"). */
const CORS_REQUEST_MEMBERS = {
  Origin: { shape: 'CorsHeaderValue', location: 'header', locationName: 'Origin' },
  AccessControlRequestMethod: {
    shape: 'CorsHeaderValue',
    location: 'header',
    locationName: 'Access-Control-Request-Method',
  },
  AccessControlRequestHeaders: {
    shape: 'CorsHeaderValue',
    location: 'header',
    locationName: 'Access-Control-Request-Headers',
  },
};

const corsResponseHeader = (locationName) => ({ shape: 'CorsHeaderValue', location: 'header', locationName });

/**
 * Operations AWS documents but leaves out of its models because no SDK sends them. S3's browser-based upload,
 * `POST /{Bucket}` with a multipart/form-data body (S3 API Reference, "POST Object"), answers 204 by default, or 200,
 * or 201 with a `<PostResponse>` document, as the form's `success_action_status` asks. Browsers send CORS preflight
 * requests, `OPTIONS` on an object or a bucket ("OPTIONS object"), which S3 answers from the bucket's CORS rules.
 */
const EXTRA_OPERATIONS = {
  s3: {
    operations: {
      OptionsObject: {
        name: 'OptionsObject',
        http: { method: 'OPTIONS', requestUri: '/{Bucket}/{Key+}' },
        input: { shape: 'OptionsObjectRequest' },
        output: { shape: 'OptionsObjectOutput' },
      },
      OptionsBucket: {
        name: 'OptionsBucket',
        http: { method: 'OPTIONS', requestUri: '/{Bucket}' },
        input: { shape: 'OptionsBucketRequest' },
        output: { shape: 'OptionsObjectOutput' },
      },
      PostObject: {
        name: 'PostObject',
        http: { method: 'POST', requestUri: '/{Bucket}', responseCode: 204 },
        input: { shape: 'PostObjectRequest' },
        output: { shape: 'PostObjectOutput' },
      },
    },
    shapes: {
      PostObjectRequest: {
        type: 'structure',
        required: ['Bucket', 'ContentType'],
        payload: 'Body',
        members: {
          Bucket: { shape: 'BucketName', location: 'uri', locationName: 'Bucket' },
          ContentType: { shape: 'ContentType', location: 'header', locationName: 'Content-Type' },
          ContentLength: { shape: 'ContentLength', location: 'header', locationName: 'Content-Length' },
          Body: { shape: 'Body', streaming: true },
        },
      },
      PostObjectOutput: {
        type: 'structure',
        payload: 'PostResponse',
        members: {
          StatusCode: { shape: 'PostObjectStatusCode', location: 'statusCode' },
          ETag: { shape: 'ETag', location: 'header', locationName: 'ETag' },
          Location: { shape: 'Location', location: 'header', locationName: 'Location' },
          VersionId: { shape: 'ObjectVersionId', location: 'header', locationName: 'x-amz-version-id' },
          Expiration: { shape: 'Expiration', location: 'header', locationName: 'x-amz-expiration' },
          ServerSideEncryption: {
            shape: 'ServerSideEncryption',
            location: 'header',
            locationName: 'x-amz-server-side-encryption',
          },
          SSEKMSKeyId: {
            shape: 'SSEKMSKeyId',
            location: 'header',
            locationName: 'x-amz-server-side-encryption-aws-kms-key-id',
          },
          PostResponse: { shape: 'PostResponse' },
        },
      },
      PostObjectStatusCode: { type: 'integer' },
      CorsHeaderValue: { type: 'string' },
      OptionsObjectRequest: {
        type: 'structure',
        required: ['Bucket', 'Key'],
        members: {
          Bucket: { shape: 'BucketName', location: 'uri', locationName: 'Bucket' },
          Key: { shape: 'ObjectKey', location: 'uri', locationName: 'Key' },
          ...CORS_REQUEST_MEMBERS,
        },
      },
      OptionsBucketRequest: {
        type: 'structure',
        required: ['Bucket'],
        members: {
          Bucket: { shape: 'BucketName', location: 'uri', locationName: 'Bucket' },
          ...CORS_REQUEST_MEMBERS,
        },
      },
      OptionsObjectOutput: {
        type: 'structure',
        members: {
          AllowOrigin: corsResponseHeader('Access-Control-Allow-Origin'),
          AllowCredentials: corsResponseHeader('Access-Control-Allow-Credentials'),
          AllowMethods: corsResponseHeader('Access-Control-Allow-Methods'),
          AllowHeaders: corsResponseHeader('Access-Control-Allow-Headers'),
          ExposeHeaders: corsResponseHeader('Access-Control-Expose-Headers'),
          MaxAge: corsResponseHeader('Access-Control-Max-Age'),
          Vary: corsResponseHeader('Vary'),
        },
      },
      PostResponse: {
        type: 'structure',
        members: {
          Location: { shape: 'Location' },
          Bucket: { shape: 'BucketName' },
          Key: { shape: 'ObjectKey' },
          ETag: { shape: 'ETag' },
        },
      },
    },
  },
};

function botocoreDataDir() {
  const code = 'import botocore,os;print(os.path.dirname(botocore.__file__))';
  const dir = execFileSync('python3', ['-c', code], { encoding: 'utf8' }).trim();
  return join(dir, 'data');
}

function botocoreVersion() {
  return execFileSync('python3', ['-c', 'import botocore;print(botocore.__version__)'], { encoding: 'utf8' }).trim();
}

/** The newest API version directory of a service that has a service-2 model. */
function latestModelPath(dataDir, service) {
  const versions = readdirSync(join(dataDir, service))
    .filter((version) => readdirSync(join(dataDir, service, version)).includes('service-2.json.gz'))
    .sort();
  const latest = versions.at(-1);
  if (!latest) throw new Error(`no service-2.json.gz for ${service} under ${dataDir}`);
  return join(dataDir, service, latest, 'service-2.json.gz');
}

function stripProse(value) {
  if (Array.isArray(value)) return value.map(stripProse);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    if (!PROSE_KEYS.has(key)) out[key] = stripProse(child);
  }
  return out;
}

function applyRootNames(service, model) {
  for (const [shapeName, rootName] of Object.entries(XML_ROOT_NAMES[service] ?? {})) {
    const shape = model.shapes[shapeName];
    if (!shape) throw new Error(`${service}: XML root overlay names unknown shape ${shapeName}`);
    shape.locationName = rootName;
  }
}

function addExtraOperations(service, model) {
  const extra = EXTRA_OPERATIONS[service];
  if (!extra) return;
  for (const [name, shape] of Object.entries(extra.shapes)) {
    if (model.shapes[name]) throw new Error(`${service}: extra shape ${name} already exists in the model`);
    model.shapes[name] = shape;
  }
  for (const [name, operation] of Object.entries(extra.operations)) {
    if (model.operations[name]) throw new Error(`${service}: extra operation ${name} already exists in the model`);
    model.operations[name] = operation;
  }
}

function main() {
  const dataDir = botocoreDataDir();
  const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'protocol', 'models');
  mkdirSync(outDir, { recursive: true });
  for (const service of SERVICES) {
    const path = latestModelPath(dataDir, service);
    const model = stripProse(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')));
    applyRootNames(service, model);
    addExtraOperations(service, model);
    const target = join(outDir, `${service}.json`);
    writeFileSync(target, `${JSON.stringify(model)}\n`);
    console.log(
      `${service}: ${model.metadata.apiVersion}, ${Object.keys(model.operations).length} operations -> ${target}`,
    );
  }
  console.log(`botocore ${botocoreVersion()}`);
}

main();
