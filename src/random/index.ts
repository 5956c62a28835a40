/** Seedable random numbers for every random process in Credo (importable from any folder). */

export { nextBeta, nextGamma } from './beta.js';
export { deriveSeed, Rng, seedMix, streamBits } from './rng.js';
export { fillUniform32, fillZigguratNormal, nextZigguratNormal } from './ziggurat.js';
export { nextZigguratExponential } from './ziggurat-exponential.js';
