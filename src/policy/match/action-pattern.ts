// Action matching: `service:Action` patterns compared case-insensitively, with `*` and `?` wildcards.

import { type Glob, globFromPattern, lowerGlob, matchGlob } from './glob.js';

export interface ActionPattern {
  readonly source: string;
  readonly glob: Glob;
  /** The lower-cased service prefix, or `undefined` when the prefix itself has wildcards (or the pattern is `*`). */
  readonly service: string | undefined;
}

export function compileActionPattern(source: string): ActionPattern {
  const glob = lowerGlob(globFromPattern(source));
  const colon = source.indexOf(':');
  const prefix = colon < 0 ? undefined : source.slice(0, colon).toLowerCase();
  const service = prefix === undefined || /[*?]/.test(prefix) ? undefined : prefix;
  return { source, glob, service };
}

/** `lowerAction` must already be lower-cased. */
export function matchActionPattern(pattern: ActionPattern, lowerAction: string): boolean {
  return matchGlob(pattern.glob, lowerAction);
}

export function serviceOfAction(lowerAction: string): string {
  const colon = lowerAction.indexOf(':');
  return colon < 0 ? lowerAction : lowerAction.slice(0, colon);
}
