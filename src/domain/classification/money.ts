const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Minor units as an amount with two decimals and thousands separators: 145000 → '1,450.00'. */
export function formatMinor(minor: number): string {
  return twoDecimals.format(minor / 100);
}
