// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { categoryColumn } from '../src/frame/index.js';
import { informationGain, levelCounts } from '../src/ml/selection/index.js';
import { repoPath } from './repo-root.js';

interface Fixture {
  readonly y: number[];
  readonly features: Record<string, number[]>;
  readonly mi_nats: Record<string, number>;
  readonly nmi_arithmetic: Record<string, number>;
}

test('information gain and symmetric uncertainty match scikit-learn mutual_info_classif and NMI on discrete data (recorded; nats = bits × ln 2)', () => {
  // Recorded by test/fixtures/selection/mutual-info.py; level −1 is a missing value, counted as its own level.
  const fixture = JSON.parse(readFileSync(repoPath('test', 'fixtures', 'selection', 'mutual-info.json'), 'utf8')) as Fixture;
  const labels = Float64Array.from(fixture.y);
  const names = Object.keys(fixture.features);
  assert.equal(names.length, 5);
  for (const name of names) {
    const raw = fixture.features[name] as number[];
    const levels = [...new Set(raw.filter((v) => v >= 0))].sort((a, b) => a - b);
    const column = categoryColumn(
      name,
      Int32Array.from(raw, (v) => (v < 0 ? -1 : levels.indexOf(v))),
      levels.map(String),
    );
    const { goods, bads } = levelCounts(column, labels);
    const r = informationGain(name, goods, bads);
    const expected = fixture.mi_nats[name] as number;
    assert.ok(Math.abs(r.ig * Math.LN2 - expected) < 1e-12, `${name}: ${r.ig * Math.LN2} nats vs sklearn ${expected}`);
    // Symmetric uncertainty = sklearn's arithmetic-mean normalised mutual information.
    const nmi = fixture.nmi_arithmetic[name] as number;
    assert.ok(Math.abs(r.symmetricUncertainty - nmi) < 1e-12, `${name}: SU ${r.symmetricUncertainty} vs sklearn NMI ${nmi}`);
  }
  // The feature with missing values has the −1 level: dropping it would change the gain.
  assert.ok((fixture.features.with_missing as number[]).includes(-1));
});
