/** Checks on candidate model features: leakage of the target and protected attributes. */
// @ts-nocheck

// 

export { type LeakageFinding, type LeakageOptions, leakageChecks, NEAR_COPY_AUC, SEPARATION_AUC } from './leakage-checks.js';
export { isProtectedName, PROTECTED_WORDS, protectedFeatures } from './protected-attributes.js';
