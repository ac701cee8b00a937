import { useTranslation } from 'react-i18next';
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from '../../ui/icons';
import type { ComposerImage } from './composer-images';

interface ImageThumbProps {
  item: ComposerImage;
  index: number;
  count: number;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
  onAlt: (alt: string) => void;
}

/** One picked image: preview, upload progress or error, remove, move, and its alt text. */
export function ImageThumb({ item, index, count, onRemove, onMove, onAlt }: ImageThumbProps) {
  const { t } = useTranslation();
  const position = index + 1;
  const percent = Math.round(item.progress * 100);
  return (
    <li className={`thumb thumb--${item.status}`} data-testid="composer-image" data-status={item.status}>
      <div className="thumb__frame">
        <img src={item.preview} alt="" className="thumb__img" />
        {index === 0 ? <span className="thumb__cover">{t('composer.cover')}</span> : null}
        <button
          type="button"
          className="thumb__remove"
          onClick={onRemove}
          aria-label={t('composer.removeImage', { index: position })}
          data-testid="composer-remove"
        >
          <CloseIcon size={16} />
        </button>
        {item.status === 'uploading' ? (
          <div className="thumb__progress">
            <progress max={100} value={percent} aria-label={t('composer.uploadProgress', { index: position })} data-testid="composer-upload-progress" />
          </div>
        ) : null}
      </div>
      {item.status === 'error' ? (
        <p className="thumb__error" role="alert" data-testid="composer-image-error">
          {t(`errors.${item.errorCode ?? 'unknown_error'}`, { defaultValue: t('errors.unknown_error') })}
        </p>
      ) : null}
      <div className="thumb__tools">
        <button
          type="button"
          className="thumb__move"
          onClick={() => onMove(-1)}
          disabled={index === 0}
          aria-label={t('composer.moveLeft', { index: position })}
        >
          <ChevronLeftIcon size={18} />
        </button>
        <span className="thumb__index" aria-hidden="true">
          {position}/{count}
        </span>
        <button
          type="button"
          className="thumb__move"
          onClick={() => onMove(1)}
          disabled={index === count - 1}
          aria-label={t('composer.moveRight', { index: position })}
        >
          <ChevronRightIcon size={18} />
        </button>
      </div>
      {item.status !== 'error' ? (
        <>
          <label className="visually-hidden" htmlFor={`alt-${item.key}`}>
            {t('composer.altLabel', { index: position })}
          </label>
          <input
            id={`alt-${item.key}`}
            className="thumb__alt"
            placeholder={t('composer.altPlaceholder')}
            maxLength={500}
            value={item.alt}
            onChange={(event) => onAlt(event.target.value)}
            data-testid="composer-alt"
          />
        </>
      ) : null}
    </li>
  );
}
