import type { ComponentProps } from 'react';

type Props = Omit<ComponentProps<'input'>, 'type' | 'inputMode'> & { currency: string | null };

/** A decimal amount in the given currency; the currency code sits beside the input. */
export function MoneyInput({ currency, className, ...props }: Props) {
  return (
    <span className={`money-input ${className ?? ''}`}>
      <input {...props} type="text" inputMode="decimal" autoComplete="off" placeholder="0.00" />
      {currency && <span className="money-input__currency">{currency}</span>}
    </span>
  );
}
