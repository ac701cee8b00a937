import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './tabs.css';

export interface TabItem {
  /** Unique within the strip; `selected` names a tab by it. */
  key: string;
  label: ReactNode;
  testId: string;
  /** The tab element's id, for a panel labelled by its tab. */
  id?: string;
  /** Extra data attributes tests read (e.g. which topic a tab shows). */
  data?: { [name: `data-${string}`]: string | undefined };
}

interface TabsProps<T extends TabItem> {
  /** Accessible name of the tablist. */
  label: string;
  items: readonly T[];
  /** Key of the selected tab; when none matches, the first tab is selected. */
  selected: string;
  onSelect: (item: T) => void;
  /** The selected tab tapped again (e.g. to refresh a feed); without it, `onSelect` runs. */
  onReselect?: (item: T) => void;
  /** Id of the tabpanel the tabs control. */
  controls: string;
  /**
   * Roving focus: only the selected tab is in the Tab order and arrow keys move the
   * selection; 'arrows-home-end' adds Home/End. Without it every tab is a Tab stop.
   */
  keyboard?: 'arrows' | 'arrows-home-end';
  /** 'scroll': an inline strip that scrolls sideways; 'bar': a sticky bar under the page header. */
  layout?: 'scroll' | 'bar';
  centered?: boolean;
  large?: boolean;
}

/** An ARIA tab strip; the caller owns the selection and renders the panel. */
export function Tabs<T extends TabItem>(props: TabsProps<T>) {
  const { label, items, selected, onSelect, onReselect, controls, keyboard, layout = 'scroll', centered, large } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const activeIndex = Math.max(
    0,
    items.findIndex((item) => item.key === selected),
  );

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    if (keyboard === 'arrows-home-end') Object.assign(moves, { Home: -activeIndex, End: items.length - 1 - activeIndex });
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const index = (activeIndex + delta + items.length) % items.length;
    const next = items[index];
    if (!next) return;
    onSelect(next);
    listRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[index]?.focus();
  };

  const className = ['tabs', `tabs--${layout}`, centered && 'tabs--centered', large && 'tabs--large'].filter(Boolean).join(' ');
  return (
    <div ref={listRef} role="tablist" aria-label={label} className={className} onKeyDown={keyboard ? onKeyDown : undefined}>
      {items.map((item, index) => {
        const isSelected = index === activeIndex;
        return (
          <button
            key={item.key}
            type="button"
            role="tab"
            id={item.id}
            aria-selected={isSelected}
            aria-controls={controls}
            tabIndex={keyboard ? (isSelected ? 0 : -1) : undefined}
            className="tabs__tab"
            data-testid={item.testId}
            {...item.data}
            onClick={() => (isSelected && onReselect ? onReselect(item) : onSelect(item))}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
