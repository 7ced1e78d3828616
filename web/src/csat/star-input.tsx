import { useId } from 'react';
import { ratingLabels, ratings } from './rating';

type Props = {
  legend: string;
  value: number | null;
  onChange: (rating: number) => void;
  disabled?: boolean;
};

/**
 * Five stars to pick a rating from: radio buttons under the hood, so arrow keys and screen readers
 * work ("4 stars: Satisfied"); the stars up to the chosen one are lit.
 */
export function StarInput({ legend, value, onChange, disabled }: Props) {
  const name = useId();
  return (
    <fieldset className="stars" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="stars__options">
        {[...ratings].reverse().map((r) => (
          <label
            key={r}
            className={value !== null && r <= value ? 'stars__star stars__star--on' : 'stars__star'}
          >
            <input
              className="stars__input"
              type="radio"
              name={name}
              value={r}
              checked={value === r}
              onChange={() => onChange(r)}
              aria-label={`${r} ${r === 1 ? 'star' : 'stars'}: ${ratingLabels[r]}`}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
        <span className="stars__label muted" aria-hidden="true">
          {value === null ? 'Not rated yet' : ratingLabels[value]}
        </span>
      </div>
    </fieldset>
  );
}
