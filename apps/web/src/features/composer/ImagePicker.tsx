import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageIcon } from '../../ui/icons';
import { MAX_IMAGES } from './composer-images';

interface ImagePickerProps {
  count: number;
  onFiles: (files: File[]) => void;
}

/** "Add photos": a file input (many at once) that is also a drop zone on desktop. */
export function ImagePicker({ count, onFiles }: ImagePickerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const full = count >= MAX_IMAGES;

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (full) return;
    onFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={dragging ? 'picker is-dragging' : 'picker'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <input
        ref={inputRef}
        id="composer-file-input"
        type="file"
        accept="image/*"
        multiple
        className="visually-hidden"
        disabled={full}
        data-testid="composer-file-input"
        onChange={(event) => {
          onFiles([...(event.target.files ?? [])]);
          // The same file may be picked again after removing it.
          event.target.value = '';
        }}
      />
      <label htmlFor="composer-file-input" className={full ? 'picker__label is-disabled' : 'picker__label'}>
        <ImageIcon size={28} />
        <span className="picker__text">{t(count === 0 ? 'composer.addPhotos' : 'composer.addMore')}</span>
        <span className="picker__hint">{t('composer.photosHint', { count, max: MAX_IMAGES })}</span>
      </label>
    </div>
  );
}
