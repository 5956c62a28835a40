/** The rule language: parse once, type-check against the data, compile to a columnar kernel. */
// @ts-nocheck

// 

export * from './ast.js';
export { checkRule, columnTypes, type TypeMap, type ValueType } from './check.js';
export { type CompiledRule, type CompileRuleOptions, compileRule, type ModelOutputs } from './compile.js';
export { evaluateRule } from './evaluate.js';
export { KEYWORDS, type Token, type TokenKind, tokenize } from './lexer.js';
export { isCondition, parseRule, safeParseRule } from './parser.js';
export { type RuleErrorCode, ruleError, withRuleSource } from './rule-error.js';
