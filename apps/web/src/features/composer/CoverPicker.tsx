import { useTranslation } from 'react-i18next';

interface CoverPickerProps {
  frames: string[];
  selected: number;
  onSelect: (index: number) => void;
}

/** The five preview frames as a radio group: the chosen one becomes the note's cover. */
export function CoverPicker({ frames, selected, onSelect }: CoverPickerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="cover-picker">
      <legend className="cover-picker__legend">{t('composer.video.coverLegend')}</legend>
      <div className="cover-picker__frames">
        {frames.map((url, index) => (
          <label key={url} className={index === selected ? 'cover-picker__option is-selected' : 'cover-picker__option'}>
            <input
              type="radio"
              name="cover-frame"
              className="cover-picker__radio"
              value={index}
              checked={index === selected}
              onChange={() => onSelect(index)}
              data-testid="composer-cover-option"
            />
            <img src={url} alt="" className="cover-picker__img" />
            <span className="visually-hidden">{t('composer.video.coverOption', { index: index + 1, total: frames.length })}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
