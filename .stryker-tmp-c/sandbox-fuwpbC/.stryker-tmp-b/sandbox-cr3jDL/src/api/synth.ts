/** Public API, synthetic-data area: the documented causal lending world. */
// @ts-nocheck

// 

export { generateWorld, type SynthOptions, type SynthWorld, summarizeWorld } from '../synth/index.js';
