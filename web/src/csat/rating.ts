/** Ratings as people read them: 5 is very satisfied, 1 very dissatisfied; 4 and 5 count as satisfied. */

export const ratings = [5, 4, 3, 2, 1] as const;

export const ratingLabels: Record<number, string> = {
  5: 'Very satisfied',
  4: 'Satisfied',
  3: 'Neither satisfied nor dissatisfied',
  2: 'Dissatisfied',
  1: 'Very dissatisfied',
};

/** 4 → "★★★★☆". */
export const stars = (rating: number) => '★'.repeat(rating) + '☆'.repeat(5 - rating);

/** A rating from a link's ?rating=, or null when it is missing or not 1–5. */
export function parseRating(value: string | null): number | null {
  if (value === null || !/^[1-5]$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** 4.25 → "4.3"; null → "—". */
export const formatAverage = (average: number | null) => (average === null ? '—' : average.toFixed(1));

/** 0.875 → "88%"; null → "—". */
export const formatShare = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
