import type { Keel } from '../app.js';

/** Placeholder until the demo data set lands. */
export async function seedDemo(_keel: Keel, _log: (line: string) => void): Promise<string> {
  throw new Error('not yet');
}
