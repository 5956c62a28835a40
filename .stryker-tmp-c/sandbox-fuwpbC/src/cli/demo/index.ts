// @ts-nocheck
import { dataSteps } from './data-steps.js';
import type { DemoStep } from './demo-step.js';
import { explainStep } from './explain-step.js';
import { scoreStep, trainStep } from './model-steps.js';
import { moneyStep } from './money-step.js';
import { optimiseStep } from './optimise-step.js';
import { simulateStep } from './simulate-step.js';
import { strategyStep } from './strategy-step.js';

export { dataSteps, generateStep, loadStep, profileStep } from './data-steps.js';
export type { DemoModel, DemoState, DemoStep } from './demo-step.js';
export { explainStep } from './explain-step.js';
export { DEMO_FEATURES, DEMO_MONOTONE, scoreStep, trainStep } from './model-steps.js';
export { DEMO_LGD, moneyStep } from './money-step.js';
export { DEMO_BAD_RATE_CAP, DEMO_CUTOFF_CONFIG, optimiseStep } from './optimise-step.js';
export { checkRows, selectSteps } from './select-steps.js';
export { approvedPortfolio, DEMO_SIMULATION, simulateStep } from './simulate-step.js';
export { exampleStrategyPath, strategyStep } from './strategy-step.js';

/** Every step of `credo demo`, in order: data, model, explanations, money, strategy, portfolio. */
export const demoSteps: readonly DemoStep[] = [...dataSteps, trainStep, scoreStep, explainStep, moneyStep, strategyStep, simulateStep, optimiseStep];
