// @ts-nocheck
import type { ColumnType } from '../frame/index.js';
import { type Expr, referencedColumns, type Strategy, visit } from '../strategy/index.js';
import type { LimitPolicy, PolicyInput } from './policy.js';
import { type Add, limitInputs } from './policy-sections.js';

/**
 * The inputs a policy reads, in first-use order: every column its rules mention, then the limit
 * inputs. Types come from the `inputs:` section (`column: number | category`) when declared, else
 * from use: a column compared with a quoted label (`==`, `!=`, `in [...]`) is categorical, any other
 * is numeric; limit inputs are numeric. Declared names the policy never reads are kept (a model
 * may need them).
 */
export function policyInputs(strategy: Strategy, declaredRaw: unknown, limits: LimitPolicy | undefined, add: Add): PolicyInput[] {
  const declared = new Map<string, ColumnType>();
  if (declaredRaw !== undefined && declaredRaw !== null) {
    if (typeof declaredRaw !== 'object' || Array.isArray(declaredRaw)) add(['inputs'], '"inputs" must map input names to number or category');
    else
      for (const [name, type] of Object.entries(declaredRaw as Record<string, unknown>)) {
        if (type !== 'number' && type !== 'category') add(['inputs', name], `input "${name}" must be number or category, got ${JSON.stringify(type)}`);
        else declared.set(name, type);
      }
  }
  const inferred = new Map<string, ColumnType>();
  const categorical = new Set<string>();
  for (const rule of strategy.rules) {
    for (const name of referencedColumns(rule.rule.root)) if (!inferred.has(name)) inferred.set(name, 'number');
    visit(rule.rule.root, (node) => {
      const label = labelledColumn(node);
      if (label !== undefined) categorical.add(label);
    });
  }
  for (const name of categorical) inferred.set(name, 'category');
  for (const [name, path] of limitInputs(limits)) {
    const type = declared.get(name) ?? inferred.get(name);
    if (type === 'category')
      add(path, `input "${name}" is categorical (${declared.has(name) ? 'declared under inputs' : 'compared with labels in a rule'}), a limit needs a number`);
    else if (!inferred.has(name)) inferred.set(name, 'number');
  }
  const out: PolicyInput[] = [];
  for (const [name, type] of inferred) out.push({ name, type: declared.get(name) ?? type });
  for (const [name, type] of declared) if (!inferred.has(name)) out.push({ name, type });
  return out;
}

/** The column of a `column == "label"` / `column in ["a", …]` node, if the node is one. */
function labelledColumn(node: Expr): string | undefined {
  if (node.kind === 'compare' && (node.op === '==' || node.op === '!=')) {
    if (node.left.kind === 'column' && node.right.kind === 'string') return node.left.name;
    if (node.right.kind === 'column' && node.left.kind === 'string') return node.right.name;
  }
  if (node.kind === 'in' && node.operand.kind === 'column' && node.values.some((v) => v.kind === 'string')) return node.operand.name;
  return undefined;
}
