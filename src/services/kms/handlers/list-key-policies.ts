// ListKeyPolicies: every key has exactly one policy, `default`.
import type { KeyHandler } from '../key-operation.js';

export const listKeyPolicies: KeyHandler = () => ({ PolicyNames: ['default'], Truncated: false });
