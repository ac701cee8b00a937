import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { MoreIcon } from './icons';
import './icon-button.css';
import './menu.css';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  testId?: string;
}

interface MenuProps {
  /** Accessible name of the "…" button. */
  label: string;
  items: MenuItem[];
  testId?: string;
  icon?: ReactNode;
  /** Extra class on the "…" button, e.g. a smaller one inside a comment. */
  buttonClassName?: string;
}

/** The "…" menu: a menu button with arrow-key navigation, closed by Escape or a click outside. */
export function Menu({ label, items, testId, icon, buttonClassName }: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const focused = itemRefs.current.indexOf(document.activeElement as HTMLButtonElement | null);
    const count = items.length;
    const moves: Record<string, number> = { ArrowDown: focused + 1, ArrowUp: focused - 1, Home: 0, End: count - 1 };
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close();
      return;
    }
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    itemRefs.current[(target + count) % count]?.focus();
  };

  return (
    <div className="menu" ref={rootRef} onKeyDown={open ? onKeyDown : undefined}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName ? `icon-btn ${buttonClassName}` : 'icon-btn'}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={testId}
        onClick={() => setOpen((v) => !v)}
      >
        {icon ?? <MoreIcon />}
      </button>
      {open ? (
        <ul className="menu__list" role="menu" id={menuId} aria-label={label}>
          {items.map((item, index) => (
            <li key={item.label} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[index] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'menu__item menu__item--danger' : 'menu__item'}
                data-testid={item.testId}
                onClick={() => {
                  setOpen(false);
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
