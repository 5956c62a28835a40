/**
 * The category labels of the synthetic world, in dictionary order (codes index these arrays), and
 * the applicant mix each is drawn with. Fixed order means every seed gives the same dictionaries.
 */
// @ts-nocheck

// 


/** Customer relationship: first loan, returning customer, top-up of a live loan. */
export const SEGMENTS = ['new', 'repeat', 'topup'] as const;
/** Share of applications per segment. */
export const SEGMENT_WEIGHTS = [0.55, 0.3, 0.15] as const;

/** Acquisition channel. */
export const CHANNELS = ['online', 'branch', 'partner', 'broker'] as const;
/** Share of applications per channel. */
export const CHANNEL_WEIGHTS = [0.4, 0.3, 0.2, 0.1] as const;

/** Product applied for. */
export const PRODUCTS = ['personal_loan', 'credit_card'] as const;
/** Share of applications per product. */
export const PRODUCT_WEIGHTS = [0.7, 0.3] as const;

/** Stated loan purpose; credit cards always carry `card_spend`. */
export const PURPOSES = ['debt_consolidation', 'home_improvement', 'vehicle', 'education', 'medical', 'travel', 'wedding', 'other', 'card_spend'] as const;
/** Purpose mix of personal loans (`card_spend` excluded: weight 0). */
export const PURPOSE_WEIGHTS = [0.3, 0.15, 0.12, 0.1, 0.08, 0.08, 0.07, 0.1, 0] as const;
/** Code of `card_spend` in PURPOSES. */
export const CARD_PURPOSE = 8;

/** Applicant's region. */
export const REGIONS = ['north', 'south', 'east', 'west', 'central'] as const;
/** Share of applications per region. */
export const REGION_WEIGHTS = [0.25, 0.25, 0.15, 0.2, 0.15] as const;

/** Employment type. */
export const EMPLOYMENT_TYPES = ['salaried', 'self_employed', 'contract', 'other'] as const;
/** Share of applicants per employment type. */
export const EMPLOYMENT_WEIGHTS = [0.6, 0.22, 0.12, 0.06] as const;

/** Old-policy decision labels. */
export const DECISIONS = ['approve', 'decline'] as const;

/** Segment codes, for readable hot loops. */
export const SEGMENT = { new: 0, repeat: 1, topup: 2 } as const;
/** Product codes. */
export const PRODUCT = { personalLoan: 0, creditCard: 1 } as const;
