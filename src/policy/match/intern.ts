// One flat instance per distinct text for the strings compiled policies compare on every decision (ARN prefixes,
// glob texts, condition keys and values). Thousands of patterns then share a few strings that stay in cache, where
// each had its own copy, often a concatenation or a slice that V8 reaches through one more object.

/**
 * V8 keeps property names internalized: flat, one instance per text, and dropped when no longer referenced. Reading
 * a name back from an object is the one portable way to get that instance.
 */
export function intern(text: string): string {
  for (const key in { [text]: 0 }) return key;
  return text;
}
