// Wildcard matching for policy values: `*` matches any run of characters, `?` exactly one.
// A pattern is text plus a mask saying which characters are wildcards, so that escaped
// characters (`${*}`, `${?}`) and substituted variable values stay literal.

export const LITERAL = 0;
export const STAR = 1;
export const ONE = 2;

export interface Glob {
  readonly text: string;
  /** One entry per UTF-16 unit of `text`: LITERAL, STAR or ONE. */
  readonly mask: Uint8Array;
  /** Precomputed fast path; `undefined` means the general algorithm runs. */
  readonly fast: FastMatch | undefined;
}

type FastMatch =
  | { readonly kind: 'exact'; readonly text: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'prefix'; readonly text: string }
  | { readonly kind: 'suffix'; readonly text: string };

/** Builds a glob where every `*` and `?` in `pattern` is a wildcard. */
export function globFromPattern(pattern: string): Glob {
  const mask = new Uint8Array(pattern.length);
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    mask[i] = c === 0x2a ? STAR : c === 0x3f ? ONE : LITERAL;
  }
  return makeGlob(pattern, mask);
}

/** Builds a glob where nothing is a wildcard. */
export function literalGlob(text: string): Glob {
  return makeGlob(text, new Uint8Array(text.length));
}

export function makeGlob(text: string, mask: Uint8Array): Glob {
  return { text, mask, fast: fastPathFor(text, mask) };
}

function fastPathFor(text: string, mask: Uint8Array): FastMatch | undefined {
  let stars = 0;
  let ones = 0;
  for (const m of mask) {
    if (m === STAR) stars++;
    else if (m === ONE) ones++;
  }
  if (ones > 0) return undefined;
  if (stars === 0) return { kind: 'exact', text };
  if (stars === text.length) return { kind: 'any' };
  if (stars === 1 && mask[text.length - 1] === STAR) return { kind: 'prefix', text: text.slice(0, -1) };
  if (stars === 1 && mask[0] === STAR) return { kind: 'suffix', text: text.slice(1) };
  return undefined;
}

export function matchGlob(glob: Glob, value: string): boolean {
  return matchGlobFrom(glob, value, 0);
}

/** Matches `value` from index `start` to its end, without slicing it. */
export function matchGlobFrom(glob: Glob, value: string, start: number): boolean {
  const fast = glob.fast;
  if (fast !== undefined) {
    switch (fast.kind) {
      case 'exact':
        return value.length - start === fast.text.length && value.startsWith(fast.text, start);
      case 'any':
        return true;
      case 'prefix':
        return value.startsWith(fast.text, start);
      case 'suffix':
        return value.length - start >= fast.text.length && value.endsWith(fast.text);
    }
  }
  return matchGeneral(glob.text, glob.mask, value, start);
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

export function globHasWildcards(glob: Glob): boolean {
  return glob.fast === undefined || glob.fast.kind !== 'exact';
}

/** Lower-cases a glob's text; wildcards are unaffected (for case-insensitive matching). */
export function lowerGlob(glob: Glob): Glob {
  const lowered = glob.text.toLowerCase();
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
