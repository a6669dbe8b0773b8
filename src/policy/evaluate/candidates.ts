// The statements whose Action can match one action, for one policy or one group of policies: a single array
// with the Deny statements first and then the Allow statements, each in policy and document order. One object
// and one array per lookup, as a decision makes several lookups and each object it follows is a likely cache miss.

import type { CompiledStatement } from './compiled-policy.js';

export class Candidates {
  private members: ReadonlySet<CompiledStatement> | undefined;

  private constructor(
    readonly statements: readonly CompiledStatement[],
    /** `statements[0 .. denyCount)` are the Deny statements, the rest the Allow statements. */
    readonly denyCount: number,
  ) {}

  /** Most policies have nothing for most actions: they all share one empty instance. */
  static readonly NONE = new Candidates([], 0);

  static of(denies: readonly CompiledStatement[], allows: readonly CompiledStatement[]): Candidates {
    return denies.length + allows.length === 0
      ? Candidates.NONE
      : new Candidates([...denies, ...allows], denies.length);
  }

  get denies(): readonly CompiledStatement[] {
    return this.statements.slice(0, this.denyCount);
  }

  get allows(): readonly CompiledStatement[] {
    return this.statements.slice(this.denyCount);
  }

  /** Whether `statement` is one of them (traces ask this for every statement of a policy). */
  has(statement: CompiledStatement): boolean {
    this.members ??= new Set(this.statements);
    return this.members.has(statement);
  }
}
