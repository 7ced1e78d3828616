import { useCategories, useSaveCategory } from '../api/catalog';
import type { Category } from '../api/catalog-types';
import { useCan } from '../api/session';
import { text } from '../clients/form-values';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { CodeField, NameField } from './catalog-fields';
import { CatalogForm } from './catalog-form';
import { useEditing } from './use-editing';

/** Service categories: the built-in managed stack and the MSP's own, by which scope is stated. */
export function CategoriesTab() {
  const categories = useCategories();
  const canWrite = useCan('catalog:write');
  const form = useEditing();
  return (
    <section aria-labelledby="categories-title">
      <div className="section__header">
        <h2 id="categories-title">Service categories</h2>
        {canWrite && !form.isNew && (
          <button type="button" className="button button--primary" onClick={form.startNew}>
            Add category
          </button>
        )}
      </div>
      {form.isNew && <CategoryForm onDone={form.close} />}
      <QueryState query={categories} loading="Loading categories…">
        {(items) => (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Code</th>
                  <th scope="col">Origin</th>
                  {canWrite && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {items.map((c) =>
                  form.editing === c.code ? (
                    <tr key={c.code}>
                      <td colSpan={4}>
                        <CategoryForm category={c} onDone={form.close} />
                      </td>
                    </tr>
                  ) : (
                    <tr key={c.code}>
                      <th scope="row">{c.name}</th>
                      <td>
                        <code>{c.code}</code>
                      </td>
                      <td>{c.builtIn ? <Badge tone="muted">Built-in</Badge> : <Badge>Added</Badge>}</td>
                      {canWrite && (
                        <td>
                          <button
                            type="button"
                            className="button button--link"
                            onClick={() => form.edit(c.code)}
                          >
                            Rename {c.name}
                          </button>
                        </td>
                      )}
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
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
