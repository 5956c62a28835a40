/** The columnar frame: typed-array columns, row masks, schemas. */
export { BitSet } from './bitset.js';
export { calendarDateMs, isCalendarDate } from './calendar-date.js';
export {
  type CategoryColumn,
  type Column,
  type ColumnType,
  categoryColumn,
  categoryFromLabels,
  columnLength,
  isMissingAt,
  MISSING_CODE,
  type NumericColumn,
  numericColumn,
  renameColumn,
  valueAt,
} from './column.js';
export { Frame } from './frame.js';
export { assertSchema, type CheckSchemaOptions, type ColumnSchema, checkSchema, type FrameSchema, parseSchema, schemaOf } from './schema.js';
