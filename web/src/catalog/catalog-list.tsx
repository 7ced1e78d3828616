import type { ReactNode } from 'react';
import { useCan } from '../api/session';
import { Badge } from '../ui/badge';
import { QueryState } from '../ui/query-state';
import { useEditing } from './use-editing';

/** One column of a catalog list: its heading and what each entry shows in it. */
export type CatalogColumn<T> = { header: string; numeric?: boolean; cell: (item: T) => ReactNode };

type Props<T> = {
  /** Names the section's heading: `${name}-title`. */
  name: string;
  title: string;
  /** The button that opens the form for a new entry. */
  addLabel: string;
  query: { data: T[] | undefined; error: unknown; isPending: boolean };
  loading: string;
  /** Shown in place of the table when there are no entries; without it the table stays, empty. */
  empty?: ReactNode;
  keyOf: (item: T) => string;
  /** The first column heads each row. */
  columns: CatalogColumn<T>[];
  /** The button that opens an entry in its form, in place of its row. */
  editLabel: (item: T) => string;
  /** The form for a new entry (`item` undefined) or a change to one. */
  form: (item: T | undefined, onDone: () => void) => ReactNode;
};

/**
 * A catalog list: a table of its entries and, for those who may change the catalog, a form to add
 * one above it and one that opens in place of the row it changes. One form is open at a time.
 */
export function CatalogList<T>({
  name,
  title,
  addLabel,
  query,
  loading,
  empty,
  keyOf,
  columns,
  ...props
}: Props<T>) {
  const canWrite = useCan('catalog:write');
  const open = useEditing();
  const [first, ...rest] = columns;
  const table = (items: T[]) => (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
            {canWrite && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((item) =>
            open.editing === keyOf(item) ? (
              <tr key={keyOf(item)}>
                <td colSpan={columns.length + 1}>{props.form(item, open.close)}</td>
              </tr>
            ) : (
              <tr key={keyOf(item)}>
                {first && <th scope="row">{first.cell(item)}</th>}
                {rest.map((c) => (
                  <td key={c.header} className={c.numeric ? 'num' : undefined}>
                    {c.cell(item)}
                  </td>
                ))}
                {canWrite && (
                  <td>
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => open.edit(keyOf(item))}
                    >
                      {props.editLabel(item)}
                    </button>
                  </td>
                )}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
  return (
    <section aria-labelledby={`${name}-title`}>
      <div className="section__header">
        <h2 id={`${name}-title`}>{title}</h2>
        {canWrite && !open.isNew && (
          <button type="button" className="button button--primary" onClick={open.startNew}>
            {addLabel}
          </button>
        )}
      </div>
      {open.isNew && props.form(undefined, open.close)}
      <QueryState query={query} loading={loading}>
        {(items) => (items.length === 0 && empty ? <p className="empty">{empty}</p> : table(items))}
      </QueryState>
    </section>
  );
}

/** The "State" column of entries that can be retired. */
export const stateColumn = <T extends { active: boolean }>(): CatalogColumn<T> => ({
  header: 'State',
  cell: (item) => (item.active ? <Badge tone="good">Active</Badge> : <Badge tone="muted">Retired</Badge>),
});

/** An entry's name with a line of detail under it (a description, a SKU), when it has one. */
export function NameCell({ name, detail }: { name: string; detail: ReactNode }) {
  return (
    <>
      {name}
      {detail && <div className="muted small">{detail}</div>}
    </>
  );
}
