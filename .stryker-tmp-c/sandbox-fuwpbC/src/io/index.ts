/** Data I/O: CSV and Parquet through DuckDB into frames, bundled datasets, schema overrides. */
// @ts-nocheck


export { assertWritable, type OutputKind } from './assert-writable.js';
export { type DatasetName, dataFolder, datasetNames, loadDataset } from './datasets.js';
export { closeDuckDb } from './duckdb.js';
export { type FileFormat, formatOf } from './file-format.js';
export { parseYaml } from './parse-yaml.js';
export { readFrame } from './read-frame.js';
export type { ReadFrameOptions } from './read-options.js';
export { readSchemaOverrides } from './schema-overrides.js';
export { writeFrame } from './write-frame.js';
