import type { ColumnType, Generated, Selectable } from 'kysely';

export interface ImageVariant {
  width: number;
  height: number;
  /** Storage key of the WebP file. */
  key: string;
  bytes: number;
}

export interface ImagesTable {
  id: Generated<string>;
  owner_id: string;
  /** Null until a note uses the image; unattached uploads are cleaned up. */
  note_id: string | null;
  position: number | null;
  storage_prefix: string;
  width: number;
  height: number;
  variants: ColumnType<ImageVariant[], string, string>;
  /** blurhash, drawn while the image loads. */
  placeholder: string;
  dominant_color: string;
  alt: ColumnType<string, string | undefined, string>;
  /** Labels the image classifier found (moderation/images); empty when none or not screened. */
  labels: ColumnType<string[], string[] | undefined, string[]>;
  screened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Perceptual hash of the upload (lib/image-dhash.ts), as a signed 64-bit number. */
  dhash: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date, never>;
}

export type ImageRow = Selectable<ImagesTable>;
