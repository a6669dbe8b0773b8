// Compiles stored policy documents for the engine once: the same kind, id and text always give the same compiled
// policy, so a principal's policies are recompiled only when one of them actually changed. Sizes were checked when
// the documents were stored (AWS managed policies may be larger than a customer may write).
import { type CompiledPolicy, compilePolicy, type PolicyKind } from '../../policy/index.js';

/** Enough for every distinct document a large test world holds; past it the cache starts over. */
const CACHE_LIMIT = 10_000;

export class PolicyCompiler {
  private readonly cache = new Map<string, CompiledPolicy | null>();

  /** The compiled policy, or undefined when the stored document no longer compiles (it is then ignored). */
  compile(kind: PolicyKind, id: string, document: string): CompiledPolicy | undefined {
    const key = `${kind}\n${id}\n${document}`;
    let compiled = this.cache.get(key);
    if (compiled === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      compiled = compilePolicy(document, kind, id, { sizeLimit: false }).policy ?? null;
      this.cache.set(key, compiled);
    }
    return compiled ?? undefined;
  }
}
