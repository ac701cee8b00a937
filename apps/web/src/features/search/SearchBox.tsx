import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CloseIcon, HashIcon, SearchIcon, UserIcon } from '../../ui/icons';
import { useSuggestions, type Suggestion } from './search-queries';

interface SearchBoxProps {
  initial: string;
  onSearch: (q: string) => void;
  onPick: (suggestion: Suggestion) => void;
}

/** The search field with as-you-type suggestions, as an ARIA combobox. */
export function SearchBox({ initial, onSearch, onPick }: SearchBoxProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const debounced = useDebouncedValue(text.trim(), 150);
  const suggestions = useSuggestions(debounced);
  const items = open && text.trim() ? (suggestions.data ?? []) : [];

  useEffect(() => setText(initial), [initial]);
  useEffect(() => {
    if (!initial) inputRef.current?.focus();
  }, [initial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const picked = items[active];
    setOpen(false);
    if (picked) onPick(picked);
    else if (text.trim()) onSearch(text.trim());
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => {
        if (!items.length) return -1;
        // -1 (the typed text itself) is part of the cycle, as in most search boxes.
        const n = items.length + 1;
        return ((current + 1 + delta + n) % n) - 1;
      });
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  const label = (s: Suggestion) => (s.type === 'topic' ? `#${s.text}` : s.text);
  return (
    <form className="search-box" role="search" onSubmit={submit}>
      <div className="search-box__field">
        <SearchIcon size={18} />
        <label htmlFor="search-input" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          ref={inputRef}
          id="search-input"
          type="search"
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && items[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
          data-testid="search-input"
        />
        {text ? (
          <button
            type="button"
            className="search-box__clear"
            aria-label={t('search.clear')}
            onClick={() => {
              setText('');
              inputRef.current?.focus();
            }}
          >
            <CloseIcon size={16} />
          </button>
        ) : null}
      </div>
      <button type="submit" className="search-box__submit">
        {t('search.submit')}
      </button>
      <ul id={listId} role="listbox" aria-label={t('search.suggestions')} className={items.length ? 'search-suggest' : 'search-suggest is-empty'}>
        {items.map((s, i) => (
          <li
            key={`${s.type}:${s.text}:${s.handle ?? ''}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="search-suggest__item"
            data-testid="search-suggestion"
            data-type={s.type}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setOpen(false);
              onPick(s);
            }}
          >
            {s.type === 'topic' ? <HashIcon size={16} /> : s.type === 'user' ? <UserIcon size={16} /> : <SearchIcon size={16} />}
            <span className="search-suggest__text">{label(s)}</span>
            {s.type === 'user' && s.handle ? <span className="search-suggest__handle">@{s.handle}</span> : null}
            <span className="visually-hidden">{t(`search.kind.${s.type}`)}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
