/** Linear models: logistic regression (IRLS, L1/L2) with standard errors, VIF, dense SPD algebra; linear SVM. */
// @ts-nocheck

// 

export { checkLogisticBody } from './check-body.js';
export { cholesky, choleskySolve, inverseSpd } from './dense.js';
export { type LogisticFit, type LogisticOptions, logisticLogits, trainLogistic } from './logistic.js';
export { type LogisticModelBody, type LogisticTerm, numericTermValue } from './model.js';
export { defaultSvmOptions, fitLinearSvm, fitPlatt, resolveSvmOptions, type SvmFit, type SvmModelBody, type SvmOptions, svmDecision, trainSvm } from './svm.js';
export { type LogisticModelOptions, predictLogisticLogit, trainLogisticModel } from './train-logistic-model.js';
export { computeVif } from './vif.js';
