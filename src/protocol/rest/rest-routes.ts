// Matches a REST request to a model operation: HTTP method, the requestUri template (labels, greedy `{Key+}`),
// the literal query keys it names, and, among several candidates, the one whose required query and header members
// are present and which is most specific (PutObject < UploadPart; ListObjects < ListObjectsV2 by `list-type=2`).
import type { CompiledModel, Operation } from '../compiled-model.js';

type Segment = { readonly literal: string } | { readonly label: string; readonly greedy: boolean };

/** A path template (`/{Bucket}/{Key+}`) and the operations that share it. */
interface Template {
  readonly segments: readonly Segment[];
  readonly literalSegments: number;
  readonly greedy: boolean;
  readonly routes: RestRoute[];
}

interface RestRoute {
  readonly op: Operation;
  readonly template: Template;
  /** Query keys the template names, with the value it requires when it gives one (`list-type=2`). */
  readonly literalQuery: ReadonlyArray<readonly [string, string | undefined]>;
  /** Wire names of the required querystring members. */
  readonly requiredQuery: readonly string[];
  /** Lower-case names of the required header members. */
  readonly requiredHeaders: readonly string[];
  /** Position in the model, the last tie-breaker. */
  readonly order: number;
}

export interface RestMatch {
  readonly op: Operation;
  /** The URI labels, decoded; undefined when one is not valid percent-encoding. */
  readonly labels: Record<string, string> | undefined;
}

export interface RestRequestView {
  readonly method: string;
  /** Path segments, still percent-encoded. */
  readonly segments: readonly string[];
  readonly query: ReadonlyMap<string, string>;
  readonly headers: Readonly<Record<string, string>>;
}

/** All REST routes of one service, grouped by HTTP method and then by path template. */
export class RestRouteTable {
  private readonly byMethod = new Map<string, Template[]>();

  constructor(model: CompiledModel) {
    const templates = new Map<string, Template>();
    model.raw.operationNames.forEach((name, order) => {
      const op = model.operation(name);
      if (!op) return;
      const [path = ''] = op.requestUri.split('?', 1);
      const key = `${op.method} ${path}`;
      let template = templates.get(key);
      if (!template) {
        template = compileTemplate(path);
        templates.set(key, template);
        const list = this.byMethod.get(op.method) ?? [];
        list.push(template);
        this.byMethod.set(op.method, list);
      }
      template.routes.push(compileRoute(op, template, order));
    });
  }

  /** The best operation for the request, or undefined when no template matches. */
  match(request: RestRequestView): RestMatch | undefined {
    const parts = withoutTrailingSlash(request.segments);
    let best: { route: RestRoute; score: number[] } | undefined;
    for (const template of this.byMethod.get(request.method) ?? []) {
      if (!fits(template, parts, request.segments)) continue;
      for (const route of template.routes) {
        if (!hasLiteralQuery(route, request.query)) continue;
        // Without a subresource in its template, an operation is told apart by its required query parameters
        // (CompleteMultipartUpload by uploadId): without them it is no candidate, and POST /b/k is a 405.
        if (route.literalQuery.length === 0 && !route.requiredQuery.every((key) => request.query.has(key))) continue;
        const score = scoreRoute(route, request);
        if (!best || compareScores(score, best.score) > 0) best = { route, score };
      }
    }
    if (!best) return undefined;
    return { op: best.route.op, labels: decodeLabels(best.route.template, parts, request.segments) };
  }

  /** Whether some operation has a template matching this path, whatever its method (for 405 answers). */
  matchesPath(segments: readonly string[]): boolean {
    const parts = withoutTrailingSlash(segments);
    for (const templates of this.byMethod.values()) {
      if (templates.some((template) => fits(template, parts, segments))) return true;
    }
    return false;
  }
}

function compileTemplate(path: string): Template {
  const segments: Segment[] = path
    .split('/')
    .slice(1)
    .filter((s, i, all) => s !== '' || i < all.length - 1)
    .map((s) => {
      const label = /^\{([^}]+?)(\+)?\}$/.exec(s);
      return label ? { label: label[1]!, greedy: label[2] === '+' } : { literal: s };
    });
  const literalSegments = segments.filter((s) => 'literal' in s).length;
  const greedy = segments.some((s) => 'greedy' in s && s.greedy);
  return { segments, literalSegments, greedy, routes: [] };
}

function compileRoute(op: Operation, template: Template, order: number): RestRoute {
  const queryPart = op.requestUri.split('?', 2)[1] ?? '';
  const literalQuery = queryPart
    .split('&')
    .filter((part) => part !== '')
    .map((part): [string, string | undefined] => {
      const eq = part.indexOf('=');
      return eq === -1 ? [part, undefined] : [part.slice(0, eq), part.slice(eq + 1)];
    });
  const input = op.input;
  const requiredQuery: string[] = [];
  const requiredHeaders: string[] = [];
  for (const member of input?.members ?? []) {
    if (!input?.required.has(member.name)) continue;
    if (member.location === 'querystring') requiredQuery.push(member.wireName);
    if (member.location === 'header') requiredHeaders.push(member.headerName);
  }
  return { op, template, literalQuery, requiredQuery, requiredHeaders, order };
}

/** A trailing slash names the same resource (`/bucket/` is the bucket). */
function withoutTrailingSlash(path: readonly string[]): readonly string[] {
  return path.length > 0 && path[path.length - 1] === '' ? path.slice(0, -1) : path;
}

/** Whether the path has the template's shape: literals equal, labels non-empty, the greedy label non-empty. */
function fits(template: Template, parts: readonly string[], path: readonly string[]): boolean {
  const { segments } = template;
  if (template.greedy ? path.length < segments.length : parts.length !== segments.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return false;
    } else if (segment.greedy) {
      // The greedy label takes the rest of the original path, trailing slash included (`a/b/` is a key).
      return i === segments.length - 1 && path.slice(i).join('/') !== '';
    } else if (!parts[i]) {
      return false;
    }
  }
  return true;
}

function decodeLabels(
  template: Template,
  parts: readonly string[],
  path: readonly string[],
): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  template.segments.forEach((segment, i) => {
    if ('label' in segment) labels[segment.label] = segment.greedy ? path.slice(i).join('/') : (parts[i] ?? '');
  });
  for (const [name, raw] of Object.entries(labels)) {
    const decoded = decodeLabel(raw);
    if (decoded === undefined) return undefined;
    labels[name] = decoded;
  }
  return labels;
}

function decodeLabel(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function hasLiteralQuery(route: RestRoute, query: ReadonlyMap<string, string>): boolean {
  return route.literalQuery.every(
    ([key, value]) => query.has(key) && (value === undefined || query.get(key) === value),
  );
}

/** Higher is better, compared element by element. */
function scoreRoute(route: RestRoute, request: RestRequestView): number[] {
  const presentQuery = route.requiredQuery.filter((key) => request.query.has(key)).length;
  const presentHeaders = route.requiredHeaders.filter((name) => request.headers[name] !== undefined).length;
  const missing = route.requiredQuery.length + route.requiredHeaders.length - presentQuery - presentHeaders;
  // JS SDK v3 names the operation in `x-id`; it only settles ties AWS resolves the same way (ListBuckets first).
  const xId = request.query.get('x-id') === route.op.name ? 1 : 0;
  return [
    missing === 0 ? 1 : 0,
    route.template.literalSegments,
    route.literalQuery.length,
    presentQuery + presentHeaders,
    -missing,
    route.op.deprecated ? 0 : 1,
    xId,
    -route.order,
  ];
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
