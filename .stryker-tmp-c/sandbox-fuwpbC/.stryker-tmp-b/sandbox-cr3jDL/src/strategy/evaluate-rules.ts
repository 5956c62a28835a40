// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import type { ActiveRule } from './active-rules.js';
import { compileRule, type ModelOutputs, withRuleSource } from './rules/index.js';

/** Compiles and runs each rule on the frame: one 0/1 mask per rule, in rule order. Errors name the rule id. */
export function ruleMasks(frame: Frame, rules: readonly ActiveRule[], models: ModelOutputs = {}): Uint8Array[] {
  return rules.map((r) => {
    try {
      return compileRule(r.rule, frame, { models, source: `rule "${r.id}"` }).mask();
    } catch (error) {
      throw withRuleSource(error, `rule "${r.id}"`);
    }
  });
}

/**
 * Per row: the index of the first rule that hits, or `masks.length` when none does. Bytes when
 * there are fewer than 255 rules (a quarter of the memory traffic of 32-bit indices), else 16 bits.
 */
export function firstHits(masks: readonly Uint8Array[], n: number): Uint8Array | Uint16Array {
  const k = masks.length;
  if (k > 65534) throw new CredoError('E_INPUT_VALIDATION', { summary: `a strategy may have at most 65,534 rules, got ${k}` });
  const first = k < 255 ? new Uint8Array(n).fill(k) : new Uint16Array(n).fill(k);
  for (let r = k - 1; r >= 0; r--) {
    const m = masks[r] as Uint8Array;
    // Branch-free: first = r where the rule hits; going backwards leaves the earliest rule.
    for (let i = 0; i < n; i++) {
      const f = first[i] as number;
      first[i] = f + (r - f) * (m[i] as number);
    }
  }
  return first;
}

/** Decision codes per row: 0 approve, 1 decline, 2 refer. */
export const DECISION = { approve: 0, decline: 1, refer: 2 } as const;

/**
 * The strategy's decision per row: the action of the first rule that hits, approve when none
 * does (0 approve, 1 decline, 2 refer; see `DECISION`).
 */
export function decide(rules: readonly ActiveRule[], masks: readonly Uint8Array[], n: number): { decision: Uint8Array; firstHit: Uint8Array | Uint16Array } {
  const firstHit = firstHits(masks, n);
  const codes = Uint8Array.from([...rules.map((r) => DECISION[r.action]), DECISION.approve]);
  const decision = new Uint8Array(n);
  for (let i = 0; i < n; i++) decision[i] = codes[firstHit[i] as number] as number;
  return { decision, firstHit };
}
