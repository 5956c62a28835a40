/** Public API, synthetic-data area: the documented causal lending world. */
export { generateWorld, type SynthOptions, type SynthWorld, summarizeWorld } from '../synth/index.js';
