// @ts-nocheck
import type { Issue } from '../errors/index.js';
import type { ReasonCatalogue, ReasonText } from '../explain/index.js';
import type { Currency, IrbClass } from '../finance/index.js';
import type { ColumnType } from '../frame/index.js';
import type { Strategy } from '../strategy/index.js';

/** One limit tier: applicants scoring at least `minScore` get at most `maxMinor`. */
export interface LimitTier {
  /** Lowest score (300–850 scale, inclusive) of the band. */
  readonly minScore: number;
  /** Largest limit of the band, integer minor units of the policy currency. */
  readonly maxMinor: number;
}

/**
 * Affordability (REFERENCE §4): the largest loan whose EMI over `term` months at annual `rate`
 * keeps (debt + EMI) / income ≤ `maxDti`, all monthly. `term` and `rate` are input names or fixed
 * values; `debt` is optional (none = no existing debt).
 */
export interface AffordabilityPolicy {
  readonly maxDti: number;
  readonly income: string;
  readonly debt?: string;
  readonly term: string | number;
  readonly rate: string | number;
}

/**
 * The `limits:` section: the limit of an approved application is the smallest of its score
 * band's maximum, the requested amount (when `requested` names an input), `multiple` × the
 * income input (when `income` is given) and the affordable amount (when `affordability` is
 * given), rounded down to a multiple of `roundMinor`; below `minMinor` the application is not
 * approved (`belowMin`).
 */
export interface LimitPolicy {
  /** Tiers by descending `minScore`; the first the score reaches applies. */
  readonly tiers: readonly LimitTier[];
  /** Input holding the requested amount (major units), if the limit may not exceed it. */
  readonly requested?: string;
  /** Affordability cap: at most `multiple` × the value of input `column` (major units). */
  readonly income?: { readonly column: string; readonly multiple: number };
  /** Debt-service cap (see `AffordabilityPolicy`). */
  readonly affordability?: AffordabilityPolicy;
  /** Rounding step (down), minor units; 1 = no rounding. */
  readonly roundMinor: number;
  /** Smallest limit worth granting, minor units (at least 1). */
  readonly minMinor: number;
  /** What an approved application whose limit falls below `minMinor` becomes. */
  readonly belowMin: 'decline' | 'refer';
}

/**
 * The `pricing:` section: the risk-based annual rate at which the loan's one-year RAROC equals
 * `hurdle` (`rarocPrice` in src/finance), with capital K·EAD from the Basel IRB formula of
 * `assetClass` at the model's PD and `lgd`, EAD = the limit. Rounded up to `stepBp` basis points,
 * then held within [`floorBp`, `capBp`]; a price above the cap follows `aboveCap`.
 */
export interface PricingPolicy {
  readonly hurdle: number;
  readonly lgd: number;
  readonly assetClass: IrbClass;
  /** Annual funding rate on EAD. */
  readonly fundingRate: number;
  /** Annual operating cost per loan, minor units. */
  readonly operatingCostMinor: number;
  /** Annual operating cost as a share of EAD. */
  readonly operatingCostRate: number;
  /** Annual fees per loan, minor units. */
  readonly feesMinor: number;
  /** Annual rate earned on the capital held. */
  readonly capitalRate: number;
  /** Capital held as a share of RWA (finance's `heldCapital`); absent: K·EAD, i.e. 8% of RWA. */
  readonly capitalRatio?: number;
  /** Rate grid, floor and cap in basis points (1 bp = 0.0001). */
  readonly stepBp: number;
  readonly floorBp: number;
  readonly capBp: number;
  /** When the hurdle needs more than the cap: price at the cap, or refer/decline the application. */
  readonly aboveCap: 'cap' | 'refer' | 'decline';
}

/** One input the policy itself reads (rules, limits), with its type. */
export interface PolicyInput {
  readonly name: string;
  readonly type: ColumnType;
}

/**
 * A parsed decision policy: a strategy of `credo rules` (rules, cutoff, models) plus the decision
 * sections. Immutable; compiled state (rule kernels, explainers) is cached per policy object and
 * model, so parse a policy once and reuse the object.
 */
export interface DecisionPolicy {
  readonly strategy: Strategy;
  /** The source name given to `parsePolicy` (file name or registry id), for messages. */
  readonly source: string;
  readonly currency: Currency;
  readonly limits?: LimitPolicy;
  readonly pricing?: PricingPolicy;
  /** Principal reasons per decision (default 4; FCRA §609(f) may add an inquiries reason). */
  readonly reasonCount: number;
  /** Reason catalogue given inline in the policy (`reasons.catalogue`); else the context's. */
  readonly catalogue?: ReasonCatalogue;
  /** `reasons.rules`: the first reason of a decision declined or referred by that rule (id → code, text). */
  readonly ruleReasons?: Readonly<Record<string, ReasonText>>;
  /** Inputs read by the policy's rules and sections (types declared under `inputs:` or inferred). */
  readonly inputs: readonly PolicyInput[];
}

/** A problem in a policy file: an issue with the 1-based line and column it points at, when known. */
export interface PolicyIssue extends Issue {
  readonly line?: number;
  readonly column?: number;
}
