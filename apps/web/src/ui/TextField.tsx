import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import './field.css';

interface FieldChrome {
  label: string;
  /** Shown under the control; replaced by the error when there is one. */
  hint?: ReactNode;
  hintTone?: 'neutral' | 'ok' | 'error';
  error?: string | undefined;
  prefix?: ReactNode;
}

type InputProps = FieldChrome &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix'> & {
    multiline?: false;
    ref?: Ref<HTMLInputElement>;
  };
type AreaProps = FieldChrome &
  TextareaHTMLAttributes<HTMLTextAreaElement> & {
    multiline: true;
    ref?: Ref<HTMLTextAreaElement>;
  };

/** A labelled input (or textarea) with a hint line that doubles as the error message. */
export function TextField(props: InputProps | AreaProps) {
  const autoId = useId();
  const { label, hint, hintTone = 'neutral', error, prefix, id = autoId, className, ...rest } = props;
  const hintId = `${id}-hint`;
  const message = error ?? hint;
  const tone = error ? 'error' : hintTone;
  const common = {
    id,
    className: ['field__control', className].filter(Boolean).join(' '),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': message ? hintId : undefined,
  };

  let control: ReactNode;
  if (rest.multiline) {
    const { multiline: _m, ...areaProps } = rest;
    control = <textarea {...areaProps} {...common} />;
  } else {
    const { multiline: _m, ...inputProps } = rest;
    control = <input {...inputProps} {...common} />;
  }

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {prefix ? (
        <div className="field__prefix-wrap">
          <span className="field__prefix" aria-hidden="true">
            {prefix}
          </span>
          {control}
        </div>
      ) : (
        control
      )}
      {/* An error is an alert so it is announced (and findable) the moment it appears. */}
      <p id={hintId} className={`field__hint field__hint--${tone}`} role={error ? 'alert' : undefined} aria-live={error ? undefined : 'polite'}>
        {message}
      </p>
    </div>
  );
}
