import type { Client } from '../api/types';

/**
 * The currency a client is billed in. The API does not store one yet, so it follows the country of
 * the billing address; a client without one, or from a country not listed, shows plain amounts.
 */
const euro = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC MT NL PT SI SK'.split(' ');
const byCountry: Record<string, string> = {
  ...Object.fromEntries(euro.map((country) => [country, 'EUR'])),
  GB: 'GBP',
  US: 'USD',
  CA: 'CAD',
  CH: 'CHF',
  LI: 'CHF',
  AU: 'AUD',
  NZ: 'NZD',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  BG: 'BGN',
  JP: 'JPY',
  ZA: 'ZAR',
  IN: 'INR',
  SG: 'SGD',
  MX: 'MXN',
  BR: 'BRL',
};

export function currencyOfCountry(country: string | undefined): string | null {
  return (country && byCountry[country.toUpperCase()]) || null;
}

export const clientCurrency = (client: Pick<Client, 'billingAddress'> | undefined): string | null =>
  currencyOfCountry(client?.billingAddress.country);
