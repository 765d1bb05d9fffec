import type { ComponentChildren } from 'preact';
import { REGIONS } from '../app/choices';

/**
 * The controls of a list page: selects that change the list at once, a
 * search box that searches on submit, and the block that lays them out.
 */

export interface Choice {
  value: string;
  label: string;
}

interface SelectProps<Value> {
  id: string;
  label: string;
  value: Value;
  choices: readonly Choice[];
  onChange: (value: Value) => void;
}

/** A labelled select of fixed choices (a sort, a page size, a window): one is always chosen. */
export function ChoiceSelect({ id, label, value, choices, onChange }: SelectProps<string>) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter: "All" (no parameter) or one of the choices. */
export function SelectFilter({ id, label, value, choices, onChange }: SelectProps<string | undefined>) {
  return (
    <ChoiceSelect
      id={id}
      label={label}
      value={value ?? ''}
      choices={[{ value: '', label: 'All' }, ...choices]}
      onChange={(chosen) => onChange(chosen || undefined)}
    />
  );
}

/** NHS England's regions by code, as the lists' `region` filter takes them. */
export function RegionFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <SelectFilter
      id="filter-region"
      label="Region"
      value={value}
      choices={Object.entries(REGIONS).map(([code, name]) => ({ value: code, label: `${name} (${code})` }))}
      onChange={onChange}
    />
  );
}

interface SearchProps {
  id: string;
  label: string;
  hint: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}

export function SearchBox({ id, label, hint, value, onSearch }: SearchProps) {
  return (
    <form
      role="search"
      class="search"
      onSubmit={(e) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
        onSearch(input.value.trim() || undefined);
      }}
    >
      <label for={id}>{label}</label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        key={value ?? ''}
        id={id}
        name="q"
        type="search"
        maxLength={100}
        defaultValue={value ?? ''}
        aria-describedby={`${id}-hint`}
      />
      <button type="submit">Search</button>
    </form>
  );
}

/** A list's search box beside its selects (filters, sort, page size), named for assistive technology. */
export function ListFilters({
  search,
  label,
  children,
}: {
  search: SearchProps;
  label: string;
  children: ComponentChildren;
}) {
  return (
    <div class="filters">
      <SearchBox {...search} />
      <form class="filters-selects" aria-label={label} onSubmit={(e) => e.preventDefault()}>
        {children}
      </form>
    </div>
  );
}

/** Choices from a list of API values, spelt for reading. */
export const choicesOf = (values: readonly string[], label: (value: string) => string): Choice[] =>
  values.map((value) => ({ value, label: label(value) }));

/** A list's sort keys as the API names them, with the words a reader chooses by. */
export const sortChoices = (sorts: ReadonlyArray<readonly [string, string]>): Choice[] =>
  sorts.map(([value, label]) => ({ value, label }));
