// A number setting that commits on blur or Enter, and only when it is in range: a half-typed
// value never reaches main. Render it with key={value} so a saved value resets the draft.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  integer?: boolean;
  onCommit: (value: number) => void;
}

export function NumberField({ label, value, min, max, step = 1, unit, integer = true, onCommit }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  const commit = () => {
    const next = Number(draft.replace(',', '.'));
    if (draft.trim() === '' || !Number.isFinite(next) || next < min || next > max || (integer && !Number.isInteger(next))) {
      setError(t(integer ? 'settings.rangeInteger' : 'settings.range', { min, max }));
      return;
    }
    setError(null);
    if (next !== value) onCommit(next);
  };

  return (
    <div className="field number-field">
      <label htmlFor={id}>{label}</label>
      <div className="input-row">
        <input
          id={id}
          className="input narrow"
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          min={min}
          max={max}
          step={step}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commit();
          }}
        />
        {unit ? <span className="muted">{unit}</span> : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
