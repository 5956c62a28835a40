// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { DECISION, decide, ruleMasks } from '../../strategy/index.js';
import { loadModelOutputs, loadStrategy } from './rules-load.js';

/** Approval mask (1 = approved) of one side: a strategy file or a recorded decision column. */
export async function policyApprovals(
  spec: string,
  flag: string,
  frame: Frame,
  cwd: string,
  asOf?: string,
  referApproves = false,
): Promise<{ name: string; approved: Uint8Array }> {
  const n = frame.rowCount;
  const approved = new Uint8Array(n);
  if (spec.startsWith('column:')) {
    const name = spec.slice('column:'.length);
    const column = frame.column(name);
    if (column.type === 'category') {
      const approve = column.dictionary.indexOf('approve');
      if (approve < 0) throw new CredoError('E_INPUT_FLAG_INVALID', { flag, problem: `column "${name}" has no "approve" label`, value: spec });
      for (let i = 0; i < n; i++) approved[i] = column.codes[i] === approve ? 1 : 0;
    } else for (let i = 0; i < n; i++) approved[i] = column.values[i] === 1 ? 1 : 0;
    return { name: spec, approved };
  }
  const loaded = await loadStrategy(spec, cwd, asOf);
  const masks = ruleMasks(frame, loaded.rules, await loadModelOutputs(loaded, frame));
  const { decision } = decide(loaded.rules, masks, n);
  for (let i = 0; i < n; i++) approved[i] = decision[i] === DECISION.approve || (referApproves && decision[i] === DECISION.refer) ? 1 : 0;
  return { name: loaded.strategy.name, approved };
}
