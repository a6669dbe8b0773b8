// Wildcard matching for policy values: `*` matches any run of characters, `?` exactly one.
// A pattern is text plus a mask saying which characters are wildcards, so that escaped
// characters (`${*}`, `${?}`) and substituted variable values stay literal.

import { intern } from './intern.js';

const LITERAL = 0;
const STAR = 1;
const ONE = 2;

/** How a glob is matched: the common shapes have a direct string test, the rest run the general algorithm. */
const EXACT = 0;
const ANY = 1;
const PREFIX = 2;
const SUFFIX = 3;
const GENERAL = 4;

/**
 * One object shape for every glob, with the fast-path text inline: globs sit on the hot path of every
 * decision, and each pointer followed there is a likely cache miss.
 */
export interface Glob {
  readonly text: string;
  /** One entry per UTF-16 unit of `text` (LITERAL, STAR or ONE); undefined when no character is a wildcard. */
  readonly mask: Uint8Array | undefined;
  readonly kind: number;
  /** The text the fast path compares: all of it (EXACT), without the leading or trailing star (PREFIX, SUFFIX). */
  readonly fastText: string;
}

/** Builds a glob where every `*` and `?` in `pattern` is a wildcard. */
export function globFromPattern(pattern: string): Glob {
  if (!/[*?]/.test(pattern)) return literalGlob(pattern);
  const mask = new Uint8Array(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    mask[i] = c === 0x2a ? STAR : c === 0x3f ? ONE : LITERAL;
  }
  return makeGlob(pattern, mask);
}

/** Builds a glob where nothing is a wildcard. */
export function literalGlob(text: string): Glob {
  return { text, mask: undefined, kind: EXACT, fastText: text };
}

export function makeGlob(text: string, mask: Uint8Array | undefined): Glob {
  if (mask === undefined) return literalGlob(text);
  let stars = 0;
  let ones = 0;
  for (const m of mask) {
    if (m === STAR) stars++;
    else if (m === ONE) ones++;
  }
  const glob = (kind: number, fastText: string): Glob => ({ text, mask, kind, fastText });
  if (ones > 0) return glob(GENERAL, '');
  if (stars === 0) return literalGlob(text);
  if (stars === text.length) return glob(ANY, '');
  if (stars === 1 && mask[text.length - 1] === STAR) return glob(PREFIX, text.slice(0, -1));
  if (stars === 1 && mask[0] === STAR) return glob(SUFFIX, text.slice(1));
  return glob(GENERAL, '');
}

export function matchGlob(glob: Glob, value: string): boolean {
  return matchGlobFrom(glob, value, 0);
}

/** Matches `value` from index `start` to its end, without slicing it. */
export function matchGlobFrom(glob: Glob, value: string, start: number): boolean {
  switch (glob.kind) {
    case EXACT:
      return start === 0
        ? value === glob.fastText
        : value.length - start === glob.fastText.length && value.startsWith(glob.fastText, start);
    case ANY:
      return true;
    case PREFIX:
      return value.startsWith(glob.fastText, start);
    case SUFFIX:
      return value.length - start >= glob.fastText.length && value.endsWith(glob.fastText);
    default:
      // INVARIANT: only globs with wildcards are GENERAL, and those have a mask.
      return matchGeneral(glob.text, glob.mask!, value, start);
  }
}

// Linear-time wildcard matching with backtracking to the most recent star.
function matchGeneral(p: string, mask: Uint8Array, s: string, start: number): boolean {
  let i = start;
  let j = 0;
  let starAt = -1;
  let resumeAt = start;
  while (i < s.length) {
    if (j < p.length && mask[j] === STAR) {
      starAt = j++;
      resumeAt = i;
    } else if (j < p.length && (mask[j] === ONE || p.charCodeAt(j) === s.charCodeAt(i))) {
      i++;
      j++;
    } else if (starAt >= 0) {
      j = starAt + 1;
      i = ++resumeAt;
    } else {
      return false;
    }
  }
  while (j < p.length && mask[j] === STAR) j++;
  return j === p.length;
}

/** The glob with its texts interned: for globs compiled once and compared on every decision. */
export function internGlob(glob: Glob): Glob {
  return { text: intern(glob.text), mask: glob.mask, kind: glob.kind, fastText: intern(glob.fastText) };
}

/** Lower-cases a glob's text; wildcards are unaffected (for case-insensitive matching). */
export function lowerGlob(glob: Glob): Glob {
  const lowered = glob.text.toLowerCase();
  if (lowered === glob.text) return glob;
  if (glob.mask === undefined) return literalGlob(lowered);
  if (lowered.length === glob.text.length) return makeGlob(lowered, glob.mask);
  // Some characters lower-case to two code units; rebuild the mask character by character.
  let text = '';
  const mask: number[] = [];
  for (let i = 0; i < glob.text.length; i++) {
    const piece = glob.text[i]!.toLowerCase();
    text += piece;
    for (let k = 0; k < piece.length; k++) mask.push(glob.mask[i]!);
  }
  return makeGlob(text, Uint8Array.from(mask));
}
