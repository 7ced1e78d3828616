import { useCategories, useSaveCategory } from '../api/catalog';
import type { Category } from '../api/catalog-types';
import { text } from '../clients/form-values';
import { Badge } from '../ui/badge';
import { CodeField, NameField } from './catalog-fields';
import { CatalogForm } from './catalog-form';
import { CatalogList } from './catalog-list';

/** Service categories: the built-in managed stack and the MSP's own, by which scope is stated. */
export function CategoriesTab() {
  const categories = useCategories();
  return (
    <CatalogList
      name="categories"
      title="Service categories"
      addLabel="Add category"
      query={categories}
      loading="Loading categories…"
      keyOf={(c) => c.code}
      columns={[
        { header: 'Name', cell: (c) => c.name },
        { header: 'Code', cell: (c) => <code>{c.code}</code> },
        {
          header: 'Origin',
          cell: (c) => (c.builtIn ? <Badge tone="muted">Built-in</Badge> : <Badge>Added</Badge>),
        },
      ]}
      editLabel={(c) => `Rename ${c.name}`}
      form={(c, onDone) => <CategoryForm category={c} onDone={onDone} />}
    />
  );
}

function CategoryForm({ category, onDone }: { category?: Category; onDone: () => void }) {
  const save = useSaveCategory(category?.code ?? null);
  return (
    <CatalogForm
      title={category ? `Rename ${category.name}` : 'New category'}
      submitLabel={category ? 'Save name' : 'Add category'}
      save={save}
      read={(f) => (category ? { name: text(f, 'name') } : { code: text(f, 'code'), name: text(f, 'name') })}
      shownFields={['code', 'name']}
      onDone={onDone}
    >
      {(errors) => (
        <div className="grid grid--2">
          {!category && <CodeField errors={errors} example="voip" />}
          <NameField errors={errors} value={category?.name} />
        </div>
      )}
    </CatalogForm>
  );
}
