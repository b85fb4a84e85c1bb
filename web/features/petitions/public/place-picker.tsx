/**
 * Chooses a province or commune by typing part of its name, with diacritics, case and word order
 * folded ("ninh binh" finds "Tỉnh Ninh Bình", as the staff pickers find it through danvan_fold).
 * The public page loads the whole list of a level (34 provinces, a province's communes), so it
 * filters here. An ARIA 1.2 combobox: a text box that owns a list box, arrows to move, Enter to
 * choose, Escape to close.
 */
import { type KeyboardEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldedMatch } from '../../../../common/text-fold';

export type Place = { id: string; name: string };

type Props = {
  id: string;
  places: Place[];
  value: string | null;
  onChange: (id: string | null) => void;
  loading?: boolean;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  required?: boolean;
};

export function PlacePicker({ id, places, value, onChange, loading, disabled, invalid, describedBy, required }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const chosen = places.find((p) => p.id === value) ?? null;
  // What the box shows while typing; null: the chosen place's name.
  const [typed, setTyped] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const text = typed ?? chosen?.name ?? '';
  const matches = useMemo(() => (typed ? places.filter((p) => foldedMatch(p.name, typed)) : places), [places, typed]);
  const activeIndex = Math.min(active, matches.length - 1);

  const choose = (place: Place | null) => {
    onChange(place?.id ?? null);
    setTyped(null);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + matches.length) % Math.max(matches.length, 1));
    } else if (e.key === 'Enter') {
      // Enter chooses a place; it never sends the form from here.
      if (open) {
        e.preventDefault();
        const pick = matches[activeIndex];
        if (pick) choose(pick);
      }
    } else if (e.key === 'Escape') {
      if (open || typed !== null) {
        e.preventDefault();
        setTyped(null);
        setOpen(false);
      }
    }
  };

  return (
    <div className="place-picker">
      <input
        id={id}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[activeIndex] ? `${listId}-${matches[activeIndex].id}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        placeholder={t('portal.places.placeholder')}
        value={text}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(0);
          setOpen(true);
          if (!e.target.value.trim()) onChange(null);
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          // Typed text that is not a choice is dropped: the box shows the chosen place again.
          setTyped(null);
          setOpen(false);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" className="place-picker-list" hidden={!open}>
        {loading ? (
          <li className="place-picker-empty">{t('portal.places.loading')}</li>
        ) : matches.length === 0 ? (
          <li className="place-picker-empty">{t('portal.places.noMatch')}</li>
        ) : (
          matches.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${p.id}`}
              role="option"
              aria-selected={p.id === value}
              className={i === activeIndex ? 'active' : undefined}
              // Chosen on mousedown, before the box loses focus and closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(p);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {p.name}
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
