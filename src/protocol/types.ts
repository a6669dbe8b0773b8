// The shapes the server pipeline exchanges with the protocol layer: a raw HTTP request in, a route and a typed
// input out, and an HTTP response back. Nothing here knows about a particular service.
import type { ServiceId } from './services.js';

export type { ServiceId } from './services.js';

export type Protocol = 'query' | 'ec2' | 'json' | 'rest-xml' | 'rest-json';

export interface HttpRequest {
  readonly method: string;
  /** Percent-encoded path, without the query string. */
  readonly rawPath: string;
  /** Decoded query parameters in the order they were sent. A parameter without `=` has the value ''. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string | NodeJS.ReadableStream;
}

/** How an S3 request named its bucket. */
export type BucketAddressing = 'path' | 'virtual-host';

export interface Route {
  readonly service: ServiceId;
  readonly protocol: Protocol;
  /** The operation's name in the service model, e.g. `AssumeRole`, `PutObject`. */
  readonly operation: string;
  /** S3: the bucket, decoded. */
  readonly bucket?: string;
  /** S3: the object key, decoded. */
  readonly key?: string;
  /** S3: whether the bucket came from the path or the Host header. */
  readonly addressing?: BucketAddressing;
  /** REST protocols: the decoded URI labels the route matched (`Bucket`, `Key`, ...). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Query protocols: every parameter of the query string and the form body, decoded. */
  readonly params?: ReadonlyMap<string, string>;
}

export interface Classification {
  readonly protocol: Protocol;
  /** Known when the request alone decides it (JSON target, S3, query with `Version` in the URL). */
  readonly service?: ServiceId;
  /** True when routeRequest needs the body text (a query-protocol POST carries `Action` in its form body). */
  readonly needsBody: boolean;
}

export interface RouteOptions {
  /** Host names the server answers on (without port); `bucket.<base>` and `bucket.s3.<base>` address a bucket. */
  readonly baseHosts?: readonly string[];
}

export interface ResponseMeta {
  readonly requestId: string;
  /** S3's `x-amz-id-2` / `<HostId>`; derived from the request id when absent. */
  readonly hostId?: string;
}

export interface ErrorMeta extends ResponseMeta {
  /** The request method: S3 errors to HEAD requests carry no body. */
  readonly method: string;
}

/** Input and output values as handlers see them. */
export type Shaped = Record<string, unknown>;
