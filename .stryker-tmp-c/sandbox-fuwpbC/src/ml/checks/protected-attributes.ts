/**
 * Protected attributes (ECOA / Regulation B, 12 CFR 1002.2(z) and 1002.6(b)): characteristics a
 * credit decision may not use — race, colour, religion, national origin, sex, marital status, age —
 * matched by column-name word (so `age`, `age_in_years`, `applicant_sex`, `personal_status_and_sex`,
 * `foreign_worker`, `marital_status` match; `page_views` and `usage` do not), plus any column the
 * caller names (e.g. from the reason catalogue's `protected: true`, for region or postcode).
 */
// @ts-nocheck

export const PROTECTED_WORDS: readonly string[] = [
  'age',
  'sex',
  'gender',
  'race',
  'ethnicity',
  'ethnic',
  'colour',
  'color',
  'religion',
  'religious',
  'nationality',
  'national_origin',
  'foreign',
  'citizenship',
  'marital',
  'personal_status',
  'birth',
  'dob',
];

/** The columns of `features` that are protected: by name word, or listed in `extra`. */
export function protectedFeatures(features: readonly string[], extra: readonly string[] = []): string[] {
  const listed = new Set(extra);
  return features.filter((name) => listed.has(name) || isProtectedName(name));
}

/** True when the column name contains a protected word, words split at _ - . space and camelCase. */
export function isProtectedName(name: string): boolean {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const joined = `_${words.join('_')}_`;
  return PROTECTED_WORDS.some((word) => joined.includes(`_${word}_`));
}
