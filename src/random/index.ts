/** Seedable random numbers for every random process in Credo (importable from any folder). */
export { deriveSeed, Rng } from './rng.js';
