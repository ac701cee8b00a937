import './chip-toggle-group.css';

export interface ChipOption {
  value: string;
  label: string;
  /** Shown on hover and read after the label, e.g. the countries a rulebook covers. */
  title?: string;
  /** The language the label is written in, when it is not the interface's (a language's own name). */
  lang?: string;
}

interface ChipToggleGroupProps {
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly ChipOption[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  testId?: string;
}

/** A multi-select as a row of toggle chips (aria-pressed), in a fieldset with its legend. */
export function ChipToggleGroup({ legend, hint, error, options, selected, onChange, testId }: ChipToggleGroupProps) {
  const toggle = (value: string) => onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <fieldset className="chip-group" data-testid={testId} aria-invalid={error ? true : undefined}>
      <legend className="chip-group__legend">{legend}</legend>
      {hint ? <p className="chip-group__hint">{hint}</p> : null}
      <ul className="chip-group__chips">
        {options.map((option) => (
          <li key={option.value}>
            <button
              type="button"
              className="chip-group__chip"
              aria-pressed={selected.includes(option.value)}
              title={option.title}
              onClick={() => toggle(option.value)}
              data-value={option.value}
            >
              {option.lang ? <span lang={option.lang}>{option.label}</span> : option.label}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field__hint field__hint--error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
