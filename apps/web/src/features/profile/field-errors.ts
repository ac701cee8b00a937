import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api-error';
import { errorMessage } from '../../lib/error-message';

export type ProfileField = 'handle' | 'displayName' | 'bio' | 'language' | 'region';
const FIELDS: readonly ProfileField[] = ['handle', 'displayName', 'bio', 'language', 'region'];

export interface ProfileFormErrors {
  fields: Partial<Record<ProfileField, string>>;
  /** Shown above the submit button when no field can carry it. */
  form: string | undefined;
}

/** Which fields `error.details` mentions; its exact shape is not fixed, so search it. */
function fieldsInDetails(details: unknown): ProfileField[] {
  if (details === undefined || details === null) return [];
  const text = JSON.stringify(details);
  return FIELDS.filter((field) => new RegExp(`\\b${field}\\b`).test(text));
}

/** Maps a failed PATCH /api/me to messages next to the fields they are about. */
export function profileFormErrors(t: TFunction, error: unknown): ProfileFormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: errorMessage(t, error) };
  switch (error.code) {
    case 'handle_taken':
    case 'handle_invalid':
    case 'handle_reserved':
      return { fields: { handle: errorMessage(t, error) }, form: undefined };
    case 'region_invalid':
      return { fields: { region: errorMessage(t, error) }, form: undefined };
    case 'validation_failed': {
      const fields = fieldsInDetails(error.details);
      return {
        fields: Object.fromEntries(fields.map((f) => [f, t('errors.field_invalid')])),
        form: errorMessage(t, error),
      };
    }
    default:
      return { fields: {}, form: errorMessage(t, error) };
  }
}
