/**
 * Reports: a model validator's HTML report of a PD model (data, leakage, ROC, KS, gains,
 * calibration, PSI, SHAP, scorecard), self-contained with charts rendered to SVG in Node.
 */
// @ts-nocheck


export { type RocCurve, type RocPoint, rocCurve, thinCurve } from '../ml/metrics/index.js';
export { calibrationChart, dependenceChart, gainsChart, ksChart, psiChart, rocChart, shapSummaryChart } from './charts.js';
export { type CharacteristicBin, type ModelReportData, type ModelReportInput, modelReportData, type ReportExplanation } from './model-report-data.js';
export { REPORT_SECTIONS, renderModelReport } from './render-model-report.js';
