/** Public API, data area: frames and their schemas, reading and writing CSV/Parquet, bundled datasets, model files. */
// @ts-nocheck

export {
  type CategoryColumn,
  type Column,
  type ColumnSchema,
  type ColumnType,
  categoryFromLabels,
  checkSchema,
  Frame,
  type FrameSchema,
  MISSING_CODE,
  type NumericColumn,
  numericColumn,
  schemaOf,
} from '../frame/index.js';
export { closeDuckDb, type DatasetName, datasetNames, loadDataset, type ReadFrameOptions, readFrame, writeFrame } from '../io/index.js';
export { loadModel, parseModel, saveModel, serializeModel } from '../io/model-file.js';
