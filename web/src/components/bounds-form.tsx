import { useRef, useState } from 'preact/hooks';
import { dateProblem, EARLIEST_DATE, formatDay, LATEST_DATE, todayUtc } from '../app/dates';

export interface BoundsValue {
  asOf: string;
  asKnownAt: string;
}

interface Props extends BoundsValue {
  onApply: (bounds: BoundsValue) => void;
  onRefresh: () => void;
}

type Errors = Partial<Record<keyof BoundsValue, string>>;

/**
 * The two time bounds every figure is read at. A date the browser could not
 * read (31 February, half a year) leaves the field empty but flags badInput:
 * that is refused here, never taken as "no date".
 */
export function BoundsForm({ asOf, asKnownAt, onApply, onRefresh }: Props) {
  const [errors, setErrors] = useState<Errors>({});
  const asOfInput = useRef<HTMLInputElement>(null);
  const knownInput = useRef<HTMLInputElement>(null);
  const today = todayUtc();

  const check = (input: HTMLInputElement, bound: keyof BoundsValue): string | null =>
    input.validity.badInput
      ? 'Enter a real date, as day, month and year'
      : dateProblem(input.value, bound, today);

  const submit = (event: Event) => {
    event.preventDefault();
    const inputs = {
      asOf: asOfInput.current as HTMLInputElement,
      asKnownAt: knownInput.current as HTMLInputElement,
    };
    const found: Errors = {};
    for (const bound of ['asOf', 'asKnownAt'] as const) {
      const problem = check(inputs[bound], bound);
      if (problem) found[bound] = problem;
    }
    setErrors(found);
    const first = (['asOf', 'asKnownAt'] as const).find((bound) => found[bound]);
    if (first) {
      inputs[first].focus();
      return;
    }
    onApply({ asOf: inputs.asOf.value, asKnownAt: inputs.asKnownAt.value });
  };

  const field = (bound: keyof BoundsValue, label: string, hint: string, value: string, max: string) => (
    <div class={`field${errors[bound] ? ' field--error' : ''}`}>
      <label for={`bound-${bound}`}>{label}</label>
      <p class="hint" id={`bound-${bound}-hint`}>
        {hint}
      </p>
      {errors[bound] && (
        <p class="field-error" id={`bound-${bound}-error`} data-testid={`bound-${bound}-error`}>
          {errors[bound]}
        </p>
      )}
      <input
        ref={bound === 'asOf' ? asOfInput : knownInput}
        id={`bound-${bound}`}
        name={bound}
        type="date"
        min={EARLIEST_DATE}
        max={max}
        defaultValue={value}
        aria-invalid={errors[bound] ? true : undefined}
        aria-describedby={`bound-${bound}-hint${errors[bound] ? ` bound-${bound}-error` : ''}`}
      />
    </div>
  );

  return (
    <form class="bounds" onSubmit={submit} noValidate aria-label="Time bounds" key={`${asOf}|${asKnownAt}`}>
      {field(
        'asOf',
        'As of',
        'Facts that had happened by the end of this day (empty: today)',
        asOf,
        LATEST_DATE,
      )}
      {field(
        'asKnownAt',
        'As known at',
        'As the records stood at the end of this day (empty: now)',
        asKnownAt,
        today,
      )}
      <div class="bounds-actions">
        <button type="submit">Show</button>
        <button type="button" class="secondary" onClick={() => onApply({ asOf: '', asKnownAt: '' })}>
          Today, as known now
        </button>
        <button type="button" class="secondary" onClick={onRefresh}>
          Refresh
        </button>
      </div>
      <p class="bounds-status" data-testid="bounds-status">
        Figures as of {asOf ? formatDay(asOf) : 'today'}, as known{' '}
        {asKnownAt ? `at the end of ${formatDay(asKnownAt)}` : 'now'}.
      </p>
    </form>
  );
}
