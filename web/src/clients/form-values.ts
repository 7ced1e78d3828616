import type { Address } from '../api/types';

/** Reading HTML form fields into API shapes: trimmed text, empty meaning "not given". */

export const text = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

export const textOrNull = (form: FormData, name: string): string | null => text(form, name) || null;

/** A whole number, or undefined when left empty; NaN goes through so the server can name the field. */
export function integer(form: FormData, name: string): number | undefined {
  const raw = text(form, name);
  return raw === '' ? undefined : Number(raw);
}

export const checked = (form: FormData, name: string): boolean => form.get(name) === 'on';

export const addressFields = ['line1', 'line2', 'postalCode', 'city', 'region', 'country'] as const;

/** An address from fields named `${prefix}.line1` …; parts left empty are left out. */
export function address(form: FormData, prefix: string): Address {
  const out: Address = {};
  for (const key of addressFields) {
    const value = text(form, `${prefix}.${key}`);
    if (value) out[key] = key === 'country' ? value.toUpperCase() : value;
  }
  return out;
}
