// @ts-nocheck
// 
import { closestNames } from '../../errors/index.js';
import type { Frame, FrameSchema } from '../../frame/index.js';
import type { Expr, RuleExpression } from './ast.js';
import { ruleError } from './rule-error.js';

/** Column names and types of a frame, without copying category dictionaries (an id column's can hold millions of labels). */
export function columnTypes(frame: Frame): FrameSchema {
  return { columns: frame.columns.map((c) => ({ name: c.name, type: c.type })) };
}

/** The type of a value node: a number, a categorical column, a string literal (a label). */
export type ValueType = 'number' | 'category' | 'string';

/** Node → type, for value nodes of a checked expression. */
export type TypeMap = ReadonlyMap<Expr, ValueType>;

/**
 * Checks a parsed rule against the columns of the data (names and types) and returns each value
 * node's type. Errors (`E_STRATEGY_RULE_TYPE`, pointing at the node): unknown column (with a
 * close-name suggestion), arithmetic or ordering on a category, a category compared with a number
 * or a number with a label, mixed list items, `is missing` on a literal. A label absent from a
 * column's dictionary is not an error (it simply matches no row).
 */
export function checkRule(rule: RuleExpression, schema: FrameSchema, source?: string): TypeMap {
  const columns = new Map(schema.columns.map((c) => [c.name, c.type] as const));
  const types = new Map<Expr, ValueType>();
  const fail = (node: Expr, problem: string) => ruleError('E_STRATEGY_RULE_TYPE', rule.text, node.span, problem, source);

  const valueType = (node: Expr): ValueType => {
    let type: ValueType;
    switch (node.kind) {
      case 'number':
        type = 'number';
        break;
      case 'string':
        type = 'string';
        break;
      case 'column': {
        const found = columns.get(node.name);
        if (found === undefined) {
          const hint = closestNames(node.name, [...columns.keys()], 1, 2)[0];
          throw fail(node, `unknown column "${node.name}"${hint === undefined ? '' : ` (did you mean "${hint}"?)`}`);
        }
        type = found;
        break;
      }
      case 'model':
        type = 'number';
        break;
      case 'arith':
        requireNumber(node.left, `"${node.op}"`);
        requireNumber(node.right, `"${node.op}"`);
        type = 'number';
        break;
      case 'negate':
        requireNumber(node.operand, '"-"');
        type = 'number';
        break;
      default:
        throw fail(node, 'expected a value, found a condition');
    }
    types.set(node, type);
    return type;
  };

  const requireNumber = (node: Expr, where: string): void => {
    const type = valueType(node);
    if (type !== 'number') throw fail(node, `${where} needs a number, found ${describe(node, type)}`);
  };

  const condition = (node: Expr): void => {
    switch (node.kind) {
      case 'boolean':
        return;
      case 'and':
      case 'or':
        condition(node.left);
        condition(node.right);
        return;
      case 'not':
        condition(node.operand);
        return;
      case 'missing': {
        const type = valueType(node.operand);
        if (type === 'string') throw fail(node.operand, '"is missing" needs a column or a computed value, found a quoted label');
        return;
      }
      case 'between':
        requireNumber(node.operand, '"between"');
        requireNumber(node.low, '"between"');
        requireNumber(node.high, '"between"');
        return;
      case 'in': {
        const type = valueType(node.operand);
        if (type === 'string') throw fail(node.operand, '"in" needs a column or a computed value on its left, found a quoted label');
        for (const item of node.values) {
          const itemType = valueType(item);
          if (type === 'number' && itemType !== 'number') throw fail(item, `${describe(node.operand, type)} is numeric: list items must be numbers`);
          if (type === 'category' && itemType !== 'string')
            throw fail(item, `${describe(node.operand, type)} is categorical: list items must be quoted labels`);
        }
        return;
      }
      case 'compare': {
        const left = valueType(node.left);
        const right = valueType(node.right);
        if (left === 'number' && right === 'number') return;
        const ordering = node.op !== '==' && node.op !== '!=';
        if ((left === 'category' && right === 'string') || (left === 'string' && right === 'category')) {
          if (ordering) throw fail(node, `"${node.op}" does not apply to categories: use == , != or in [...]`);
          return;
        }
        if (left === 'category' && right === 'category') throw fail(node, 'comparing two categorical columns is not supported');
        if (left === 'string' && right === 'string') throw fail(node, 'the comparison has no column: it compares two quoted labels');
        const bad = left === 'number' ? node.right : node.left;
        const badType = left === 'number' ? right : left;
        throw fail(node, `cannot compare a number with ${describe(bad, badType)}`);
      }
      default:
        throw fail(node, 'expected a condition, found a value');
    }
  };

  condition(rule.root);
  return types;
}

function describe(node: Expr, type: ValueType): string {
  if (node.kind === 'column') return `${type === 'category' ? 'categorical' : 'numeric'} column "${node.name}"`;
  if (type === 'string') return 'a quoted label';
  return type === 'category' ? 'a category' : 'a number';
}
