import { type ComponentProps, useId } from 'react';

const zones: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
})();

/** A text input that suggests the IANA time zones the browser knows. */
export function TimeZoneInput(props: Omit<ComponentProps<'input'>, 'list'>) {
  const listId = useId();
  return (
    <>
      <input {...props} list={listId} autoComplete="off" spellCheck={false} />
      <datalist id={listId}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
