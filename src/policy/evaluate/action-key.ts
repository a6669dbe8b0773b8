// Actions are interned into small integer slots so each compiled policy finds its candidate statements
// for an action by array index rather than by hashing the action name on every request.

const MAX_SLOTS = 4096;
const keys = new Map<string, ActionKey>();
let nextSlot = 0;

export interface ActionKey {
  readonly lower: string;
  /** Index into per-policy candidate arrays, or -1 once the slot table is full (then policies use a map). */
  readonly slot: number;
}

/** The interned key of an action as written in the request (the same object every time). */
export function actionKey(action: string): ActionKey {
  let key = keys.get(action);
  if (key === undefined) {
    const lower = action.toLowerCase();
    const known = keys.get(lower);
    key = known ?? { lower, slot: nextSlot < MAX_SLOTS ? nextSlot++ : -1 };
    if (key.slot < 0) return key;
    keys.set(action, key);
    keys.set(lower, key);
  }
  return key;
}

const BY_NAME_LIMIT = 4096;

/** Values computed once per action: by slot in an array, or in a bounded map for actions past the slot table. */
export class PerAction<T> {
  private readonly bySlot: (T | undefined)[] = [];
  private readonly byName = new Map<string, T>();

  get(action: ActionKey, compute: (action: ActionKey) => T): T {
    if (action.slot >= 0) {
      let found = this.bySlot[action.slot];
      if (found === undefined) {
        found = compute(action);
        this.bySlot[action.slot] = found;
      }
      return found;
    }
    let found = this.byName.get(action.lower);
    if (found === undefined) {
      if (this.byName.size >= BY_NAME_LIMIT) this.byName.clear();
      found = compute(action);
      this.byName.set(action.lower, found);
    }
    return found;
  }
}
