import { useCategories } from '../api/catalog';

/** A category's name by its code; the code itself until the list has loaded. */
export function useCategoryName() {
  const categories = useCategories().data ?? [];
  return (code: string) => categories.find((c) => c.code === code)?.name ?? code;
}
