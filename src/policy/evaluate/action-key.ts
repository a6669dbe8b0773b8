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
