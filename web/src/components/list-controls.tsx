/** The controls of a list page: a select that filters at once, and a search box that searches on submit. */

export function SelectFilter({
  id,
  label,
  value,
  choices,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  choices: ReadonlyArray<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value || undefined)}
      >
        <option value="">All</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SearchBox({
  id,
  label,
  hint,
  value,
  onSearch,
}: {
  id: string;
  label: string;
  hint: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
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

/** Choices from a list of API values, spelt for reading. */
export const choicesOf = (values: readonly string[], label: (value: string) => string) =>
  values.map((value) => ({ value, label: label(value) }));
