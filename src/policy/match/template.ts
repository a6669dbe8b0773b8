// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}` and the escapes `${*}`, `${?}`, `${$}`.
// A policy value is parsed once into a template; a template without variables is a ready glob.

import type { RequestContext } from '../context.js';
import { type Glob, globFromPattern, internGlob, literalGlob, makeGlob } from './glob.js';

interface TextPart {
  readonly kind: 'text';
  readonly text: string;
  /** Which characters are wildcards; undefined when none is. */
  readonly mask: Uint8Array | undefined;
}

interface VariablePart {
  readonly kind: 'variable';
  /** The key as written, e.g. `aws:PrincipalTag/team`. */
  readonly key: string;
  readonly lowerKey: string;
  readonly fallback: string | undefined;
}

export interface Template {
  readonly source: string;
  readonly parts: readonly (TextPart | VariablePart)[];
  /** Set when the template has no variables: the glob to use for every request. */
  readonly fixed: Glob | undefined;
}

// An escape `${*}` `${?}` `${$}` (group 1), or `${key}` / `${key, 'default'}` (groups 2 and 3);
// keys are condition-key names (letters, digits and : / _ - . @ + =).
const TOKEN = /\$\{([*?$])\}|\$\{([A-Za-z0-9:/_\-.@+=]+)(?:\s*,\s*'([^']*)')?\}/g;

function textPart(text: string, wildcards: boolean): TextPart {
  const glob = wildcards ? globFromPattern(text) : literalGlob(text);
  return { kind: 'text', text, mask: glob.mask };
}

/**
 * Parses a policy value. With `variables` false (Version 2008-10-17 or none) `${...}` is literal text.
 * With `wildcards` false (StringEquals and the like) `*` and `?` are ordinary characters.
 */
export function parseTemplate(source: string, variables: boolean, wildcards: boolean): Template {
  if (!variables || !source.includes('${')) {
    const glob = internGlob(wildcards ? globFromPattern(source) : literalGlob(source));
    return { source, parts: [{ kind: 'text', text: source, mask: glob.mask }], fixed: glob };
  }
  const parts: (TextPart | VariablePart)[] = [];
  let last = 0;
  const pattern = new RegExp(TOKEN);
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    if (m.index > last) parts.push(textPart(source.slice(last, m.index), wildcards));
    if (m[1] !== undefined) {
      parts.push({ kind: 'text', text: m[1], mask: undefined });
    } else {
      const key = m[2]!;
      parts.push({ kind: 'variable', key, lowerKey: key.toLowerCase(), fallback: m[3] });
    }
    last = m.index + m[0].length;
  }
  if (last < source.length) parts.push(textPart(source.slice(last), wildcards));
  const hasVariables = parts.some((p) => p.kind === 'variable');
  return { source, parts, fixed: hasVariables ? undefined : internGlob(joinParts(parts as TextPart[])) };
}

function joinParts(parts: readonly TextPart[]): Glob {
  if (parts.length === 1) return makeGlob(parts[0]!.text, parts[0]!.mask);
  let text = '';
  for (const p of parts) text += p.text;
  if (parts.every((p) => p.mask === undefined)) return literalGlob(text);
  const mask = new Uint8Array(text.length);
  let at = 0;
  for (const p of parts) {
    if (p.mask !== undefined) mask.set(p.mask, at);
    at += p.text.length;
  }
  return makeGlob(text, mask);
}

/** Resolves the variables of a template; `undefined` when a variable has no value and no default. */
export function resolveTemplate(template: Template, context: RequestContext): Glob | undefined {
  if (template.fixed !== undefined) return template.fixed;
  return context.memo(template, () => substitute(template, context));
}

function substitute(template: Template, context: RequestContext): Glob | undefined {
  const resolved: TextPart[] = [];
  for (const part of template.parts) {
    if (part.kind === 'text') {
      resolved.push(part);
      continue;
    }
    const value = context.single(part.lowerKey) ?? part.fallback;
    if (value === undefined) return undefined;
    // A substituted value is literal: a `*` in a user name must not widen the policy.
    resolved.push({ kind: 'text', text: value, mask: undefined });
  }
  return joinParts(resolved);
}

export function templateVariables(template: Template): readonly string[] {
  return template.parts.flatMap((p) => (p.kind === 'variable' ? [p.key] : []));
}
