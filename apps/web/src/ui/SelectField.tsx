import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';
import './field.css';

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** When a heading right above already says what this is, keep the label for screen readers only. */
  labelHidden?: boolean;
  children: ReactNode;
}

/** A labelled native select: the most reliable picker on phones and with screen readers. */
export function SelectField({ label, hint, error, labelHidden = false, id, children, ...rest }: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = `${selectId}-hint`;
  const message = error ?? hint;
  return (
    <div className="field">
      <label className={labelHidden ? 'visually-hidden' : 'field__label'} htmlFor={selectId}>
        {label}
      </label>
      <select id={selectId} className="field__control" aria-invalid={error ? true : undefined} aria-describedby={message ? hintId : undefined} {...rest}>
        {children}
      </select>
      {message ? (
        <p id={hintId} className={`field__hint${error ? ' field__hint--error' : ''}`}>
          {message}
        </p>
      ) : null}
    </div>
  );
}
