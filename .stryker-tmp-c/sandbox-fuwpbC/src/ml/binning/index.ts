/** Binning, WOE, IV and PSI (REFERENCE §2): bin specs, split finders, WOE tables, data profiles. */
// @ts-nocheck

export { assignBins, assignCategoryBins, assignNumericBins, categoryLookup } from './assign-bins.js';
export { CHI2_95_DF1, chiMergePartition, chiSquare2x2 } from './chimerge.js';
export { equalFrequencySplits, equalWidthSplits, quantileSplitsOfSorted, sortedRegularValues } from './equal-bins.js';
export { type BinningMethod, type BinRow, binningTable, type FitBinningOptions, type FittedBinning, fitBinning } from './fit-binning.js';
export { optimalPartitionDp, type PartitionResult } from './optimal-dp.js';
export { optimalPartitionMip } from './optimal-mip.js';
export {
  binIv,
  type MonotoneTrend,
  type PartitionConstraints,
  type PrebinCounts,
  partitionFeasible,
  partitionIv,
  trendHolds,
} from './partition.js';
export { type ColumnProfile, type FrameProfile, type ProfileBin, type ProfileOptions, profileFrame, targetLabels } from './profile-frame.js';
export { binCounts, type CsiRow, computeCsi, computePsi, type PsiResult } from './psi.js';
export { type BinSpec, binCount, binLabels, type CategoryBinSpec, missingBin, type NumericBinSpec, regularBinCount } from './spec.js';
export { type BinningFile, parseBinningFile, toBinningFile } from './spec-file.js';
export { treePartition } from './tree-bins.js';
export { binOutcomeCounts, computeWoe, describeWoeConventions, type WoeOptions, type WoeSign, type WoeTable } from './woe.js';
export { transformWoe } from './woe-transform.js';
