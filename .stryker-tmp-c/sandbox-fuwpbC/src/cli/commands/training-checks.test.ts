// @ts-nocheck
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFittedAuc } from './training-checks.js';

test('a validation AUC of 1 refuses the model unless --allow-leakage; an in-sample AUC of 1 only warns', () => {
  assert.throws(
    () => checkFittedAuc(1, 'validation', false),
    (error: Error & { code?: string }) => error.code === 'E_MODEL_LEAKAGE',
  );
  assert.deepEqual(checkFittedAuc(1, 'validation', true), ["the model's validation AUC is 1.0000: it separates the target perfectly, which points to leakage"]);
  assert.deepEqual(checkFittedAuc(1, 'training', false), ["the model's training AUC is 1.0000: it separates the target perfectly, which points to leakage"]);
  assert.deepEqual(checkFittedAuc(0.9998, 'validation', false), []);
});
