// The condition keys a set of policies reads: those of every condition and those their policy variables name.
import type { SourcedPolicy } from './simulation-policies.js';

const VARIABLE = /\$\{([\w:/.-]+)\}/g;

export function contextKeysOf(policies: readonly SourcedPolicy[]): string[] {
  const keys = new Map<string, string>();
  const add = (key: string) => {
    if (!keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
  };
  for (const policy of policies) {
    for (const statement of policy.compiled.document.statements) for (const c of statement.conditions) add(c.key);
    for (const match of policy.text.matchAll(VARIABLE)) add(match[1]!);
  }
  return [...keys.values()];
}
