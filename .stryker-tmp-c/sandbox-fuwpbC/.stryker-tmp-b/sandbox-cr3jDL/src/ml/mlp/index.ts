/** A small feed-forward network PD model (Adam, early stopping) and the shared dense design encoder. */
// @ts-nocheck

// 

export {
  type DesignEncoder,
  type DesignEncoderOptions,
  type DesignMatrix,
  designColumnNames,
  type EncodedFeature,
  encodeDesign,
  fitDesignEncoder,
} from './design-encoder.js';
export { type Activation, createScratch, forward, lossAndGradient, type MlpNetwork, type MlpScratch, parameterLayout, predictLogits } from './network.js';
export { defaultMlpOptions, initialNetwork, type MlpModelBody, type MlpOptions, predictMlpLogit, resolveMlpOptions, trainMlp } from './train-mlp.js';
