// ARN matching as AWS does it for Resource elements and the Arn* operators: the ARN is split into six
// colon-separated parts and each is matched on its own, so a wildcard never spans a colon in the first
// five parts; the sixth part (the resource) is the rest of the ARN and may contain colons.

import type { RequestContext } from '../context.js';
import { matchGlob } from './glob.js';
import { parseTemplate, resolveTemplate, type Template } from './template.js';

export interface ArnPattern {
  readonly source: string;
  /** Set when the pattern is not an ARN (e.g. `*`): then the whole value is matched as one glob. */
  readonly whole: Template | undefined;
  /** The pattern's parts; fewer than six when the pattern stops early (`arn:aws:s3:*`). */
  readonly parts: readonly Template[];
}

/** Splits an ARN into its six parts, the last holding everything after the fifth colon. */
export function splitArn(value: string): readonly string[] | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = value.indexOf(':', from);
    if (colon < 0) return undefined;
    parts.push(value.slice(from, colon));
    from = colon + 1;
  }
  parts.push(value.slice(from));
  return parts;
}

function splitPattern(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = source.indexOf(':', from);
    if (colon < 0) break;
    parts.push(source.slice(from, colon));
    from = colon + 1;
  }
  parts.push(source.slice(from));
  return parts;
}

/** Variables are honoured only in the resource part (after the fifth colon), as AWS documents. */
export function compileArnPattern(source: string, variables: boolean): ArnPattern {
  if (!source.startsWith('arn:')) return { source, whole: parseTemplate(source, variables, true), parts: [] };
  const raw = splitPattern(source);
  const parts = raw.map((text, i) => parseTemplate(text, variables && i === 5, true));
  return { source, whole: undefined, parts };
}

export function matchArnPattern(
  pattern: ArnPattern,
  value: string,
  valueParts: readonly string[] | undefined,
  context: RequestContext,
): boolean {
  if (pattern.whole !== undefined) {
    const glob = resolveTemplate(pattern.whole, context);
    return glob !== undefined && matchGlob(glob, value);
  }
  if (valueParts === undefined) return false;
  const last = pattern.parts.length - 1;
  for (let i = 0; i < last; i++) {
    const glob = resolveTemplate(pattern.parts[i]!, context);
    if (glob === undefined || !matchGlob(glob, valueParts[i]!)) return false;
  }
  const tail = last === 5 ? valueParts[5]! : valueParts.slice(last).join(':');
  const glob = resolveTemplate(pattern.parts[last]!, context);
  return glob !== undefined && matchGlob(glob, tail);
}
