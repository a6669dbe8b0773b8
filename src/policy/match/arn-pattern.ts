// ARN matching as AWS does it for Resource elements and the Arn* operators: the ARN is split into six
// colon-separated parts and each is matched on its own, so a wildcard never spans a colon in the first
// five parts; the sixth part (the resource) is the rest of the ARN and may contain colons.

import type { RequestContext } from '../context.js';
import { type Glob, matchGlob, matchGlobFrom } from './glob.js';
import { parseTemplate, resolveTemplate, type Template } from './template.js';

export interface ArnPattern {
  readonly source: string;
  /** Set when the pattern is not an ARN (e.g. `*`): then the whole value is matched as one glob. */
  readonly whole: Template | undefined;
  /**
   * Set when the first five parts are plain text (`arn:aws:s3:::`), the common case: the value must start
   * with it and the resource part is matched from there, with no need to split the value.
   */
  readonly literalPrefix: string | undefined;
  /** With `literalPrefix`, the resource part's glob when it has no variables (read without following `parts`). */
  readonly literalTail: Glob | undefined;
  /** The pattern's parts; fewer than six when the pattern stops early (`arn:aws:s3:*`). */
  readonly parts: readonly Template[];
}

/** A value matched against ARN patterns; its split into parts is computed only if a pattern needs it. */
export class ArnValue {
  private split: readonly string[] | undefined | null = null;
  private headText: string | undefined | null = null;

  constructor(readonly text: string) {}

  get parts(): readonly string[] | undefined {
    if (this.split === null) this.split = splitArn(this.text);
    return this.split;
  }

  /**
   * The first five parts with their colons (`arn:aws:s3:::`), compared whole against a pattern's literal
   * prefix: one string equality is several times faster in V8 than `startsWith` over ~35 characters.
   */
  get head(): string | undefined {
    if (this.headText === null) this.headText = headOf(this.text);
    return this.headText;
  }
}

function headOf(value: string): string | undefined {
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = value.indexOf(':', from);
    if (colon < 0) return undefined;
    from = colon + 1;
  }
  return value.slice(0, from);
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
  if (!source.startsWith('arn:')) {
    const whole = parseTemplate(source, variables, true);
    return { source, whole, literalPrefix: undefined, literalTail: undefined, parts: [] };
  }
  const raw = splitPattern(source);
  const parts = raw.map((text, i) => parseTemplate(text, variables && i === 5, true));
  const literal = raw.length === 6 && raw.slice(0, 5).every((p) => !/[*?]/.test(p));
  return {
    source,
    whole: undefined,
    literalPrefix: literal ? `${raw.slice(0, 5).join(':')}:` : undefined,
    literalTail: literal ? parts[5]!.fixed : undefined,
    parts,
  };
}

export function matchArnPattern(pattern: ArnPattern, value: ArnValue, context: RequestContext): boolean {
  const text = value.text;
  if (pattern.whole !== undefined) {
    const glob = resolveTemplate(pattern.whole, context);
    return glob !== undefined && matchGlob(glob, text);
  }
  if (pattern.literalPrefix !== undefined) {
    // The value's sixth part starts right after the prefix when the prefix's five parts match exactly.
    if (value.head !== pattern.literalPrefix) return false;
    const glob = pattern.literalTail ?? resolveTemplate(pattern.parts[5]!, context);
    return glob !== undefined && matchGlobFrom(glob, text, pattern.literalPrefix.length);
  }
  const valueParts = value.parts;
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
