import { useState } from 'react';

/** Which entry of a catalog list is open in its form: a new one, one by its key, or none. */
export function useEditing() {
  const [editing, setEditing] = useState<string | null>(null);
  return {
    editing,
    isNew: editing === '',
    startNew: () => setEditing(''),
    edit: (key: string) => setEditing(key),
    close: () => setEditing(null),
  };
}
