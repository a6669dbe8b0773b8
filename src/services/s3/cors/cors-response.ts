// CORS headers on S3's actual responses (errors included): when a request's Origin and method match a rule of the
// bucket's CORS configuration, the response carries that rule's Access-Control-* headers so the browser lets the
// page read it.
import type { HttpRequest, HttpResponse, Route } from '../../../protocol/index.js';
import type { Database } from '../../../storage/db.js';
import { getBucketCors } from '../repos/buckets.js';
import { corsHeaders, matchCorsRule } from './cors-rules.js';

const PREFLIGHTS: ReadonlySet<string> = new Set(['OptionsObject', 'OptionsBucket']);

export function corsResponseHeaders(db: Database): (route: Route, http: HttpRequest, response: HttpResponse) => void {
  return (route, http, response) => {
    const origin = http.headers.origin;
    if (origin === undefined || route.bucket === undefined || PREFLIGHTS.has(route.operation)) return;
    const rules = getBucketCors(db, route.bucket);
    if (rules === undefined) return;
    const rule = matchCorsRule(rules, origin, http.method.toUpperCase(), []);
    if (rule !== undefined) Object.assign(response.headers, corsHeaders(rule, origin, []));
  };
}
