import type { BillingSettings, BillingSettingsPatch, SellerAddress } from '../api/billing-types';
import type { FieldError } from '../api/http';
import { isValidZone } from '../sla/zoned';

/**
 * The billing settings as a form holds them: text as typed (a half-typed number is not lost),
 * turned into what PATCH /api/v1/billing/settings takes when saved. Bounds (terms up to 365 days,
 * a schedule day 1–28 …) are the server's to check; the form shows its field errors.
 */

export const addressParts = ['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;
export type AddressPart = (typeof addressParts)[number];

export type SettingsDraft = {
  sellerName: string;
  sellerAddress: Record<AddressPart, string>;
  sellerTaxId: string;
  sellerEmail: string;
  sellerPhone: string;
  paymentInstructions: string;
  locale: string;
  currency: string;
  defaultPaymentTermsDays: string;
  reviewMonths: string;
  remindersEnabled: boolean;
  reminderFirstAfterDays: string;
  reminderRepeatEveryDays: string;
  /** Empty: no cap. */
  reminderMax: string;
  scheduleEnabled: boolean;
  scheduleDay: string;
  scheduleTime: string;
  scheduleTimeZone: string;
  scheduleWorkAtPeriodEnd: boolean;
  scheduleAutoIssue: boolean;
};

export type SettingsValues = Omit<BillingSettings, 'updatedAt'>;

export function draftOf(s: BillingSettings): SettingsDraft {
  return {
    sellerName: s.sellerName,
    sellerAddress: Object.fromEntries(addressParts.map((p) => [p, s.sellerAddress[p] ?? ''])) as Record<
      AddressPart,
      string
    >,
    sellerTaxId: s.sellerTaxId ?? '',
    sellerEmail: s.sellerEmail ?? '',
    sellerPhone: s.sellerPhone ?? '',
    paymentInstructions: s.paymentInstructions ?? '',
    locale: s.locale,
    currency: s.currency,
    defaultPaymentTermsDays: String(s.defaultPaymentTermsDays),
    reviewMonths: String(s.reviewMonths),
    remindersEnabled: s.remindersEnabled,
    reminderFirstAfterDays: String(s.reminderFirstAfterDays),
    reminderRepeatEveryDays: String(s.reminderRepeatEveryDays),
    reminderMax: s.reminderMax === null ? '' : String(s.reminderMax),
    scheduleEnabled: s.scheduleEnabled,
    scheduleDay: String(s.scheduleDay),
    scheduleTime: s.scheduleTime,
    scheduleTimeZone: s.scheduleTimeZone,
    scheduleWorkAtPeriodEnd: s.scheduleWorkAtPeriodEnd,
    scheduleAutoIssue: s.scheduleAutoIssue,
  };
}

const wholeNumbers = [
  'defaultPaymentTermsDays',
  'reviewMonths',
  'reminderFirstAfterDays',
  'reminderRepeatEveryDays',
  'scheduleDay',
] as const;

const nullIfBlank = (text: string) => (text.trim() === '' ? null : text.trim());

/**
 * The settings as typed, or the fields that are not yet what the API takes (keyed by the API's own
 * field names, so they show where its errors would). Blank optional text is stored as null, blank
 * address parts are left out.
 */
export function valuesOf(d: SettingsDraft): { values: SettingsValues } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const whole = (field: string, text: string): number => {
    const t = text.trim();
    if (/^\d{1,6}$/.test(t)) return Number(t);
    errors.push({ field, message: 'give a whole number, e.g. 30' });
    return 0;
  };
  const numbers = Object.fromEntries(wholeNumbers.map((k) => [k, whole(k, d[k])])) as Record<
    (typeof wholeNumbers)[number],
    number
  >;
  const reminderMax = d.reminderMax.trim() === '' ? null : whole('reminderMax', d.reminderMax);
  const zone = d.scheduleTimeZone.trim();
  if (!isValidZone(zone))
    errors.push({ field: 'scheduleTimeZone', message: 'not an IANA time zone, e.g. Europe/Paris' });
  if (errors.length > 0) return { errors };

  const sellerAddress: SellerAddress = {};
  for (const part of addressParts) {
    const value = d.sellerAddress[part].trim();
    if (value) sellerAddress[part] = value;
  }
  return {
    values: {
      sellerName: d.sellerName.trim(),
      sellerAddress,
      sellerTaxId: nullIfBlank(d.sellerTaxId),
      sellerEmail: nullIfBlank(d.sellerEmail),
      sellerPhone: nullIfBlank(d.sellerPhone),
      paymentInstructions: nullIfBlank(d.paymentInstructions),
      locale: d.locale.trim(),
      currency: d.currency.trim().toUpperCase(),
      ...numbers,
      remindersEnabled: d.remindersEnabled,
      reminderMax,
      scheduleEnabled: d.scheduleEnabled,
      scheduleTime: d.scheduleTime,
      scheduleTimeZone: zone,
      scheduleWorkAtPeriodEnd: d.scheduleWorkAtPeriodEnd,
      scheduleAutoIssue: d.scheduleAutoIssue,
    },
  };
}

/** The address comes back from jsonb with its keys in the store's order, not the form's. */
const canonical = (value: unknown) =>
  value !== null && typeof value === 'object'
    ? JSON.stringify(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
    : JSON.stringify(value);

/**
 * Only what differs from the settings the form was loaded with: a PATCH leaves the rest alone, so
 * two people changing different settings at once do not undo each other.
 */
export function changesFrom(before: BillingSettings, after: SettingsValues): BillingSettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (canonical(value) !== canonical(before[key as keyof SettingsValues])) patch[key] = value;
  }
  return patch as BillingSettingsPatch;
}
