import type { TFunction } from 'i18next';

/** The labels every deployment knows (the server's LABEL_VOCABULARY); operators may add their own. */
export const LABEL_VOCABULARY = [
  'spam',
  'nudity',
  'sexual',
  'graphic-violence',
  'gambling',
  'hate',
  'harassment',
  'self-harm',
  'misinformation',
  'political-ad',
  'medical-claims',
  'ip-infringement',
] as const;

/** Set by "restrict in regions"; readers never see it as a warning, authors do in their notice. */
export const RESTRICTED_LABEL = 'restricted';

/** Report categories beside the labels. */
export const EXTRA_CATEGORIES = ['illegal', 'other'] as const;

const NAMED: ReadonlySet<string> = new Set([...LABEL_VOCABULARY, RESTRICTED_LABEL, ...EXTRA_CATEGORIES]);

/**
 * A label's name as it reads inside a sentence ("This note may show graphic violence").
 * An operator's own label has no translation: it shows by its raw name.
 */
export function labelName(t: TFunction, label: string): string {
  return NAMED.has(label) ? t(`labels.${label}`) : label;
}

/** Capitalised for a chip or list item ("Graphic violence"); scripts without case are unchanged. */
export function labelTitle(t: TFunction, label: string, locale: string): string {
  const name = labelName(t, label);
  if (!NAMED.has(label)) return name;
  const first = name.charAt(0);
  return first.toLocaleUpperCase(locale) + name.slice(1);
}

/** Several names joined the way the language lists things ("nudity and gambling", "裸露和赌博"). */
export function joinNames(names: readonly string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

export function labelList(t: TFunction, labels: readonly string[], locale: string): string {
  return joinNames(
    labels.map((label) => labelName(t, label)),
    locale,
  );
}

/**
 * What a reporter can choose: the vocabulary in its fixed order, then the operator's own
 * labels (never `restricted`, a moderator's tool), then "illegal" and "other".
 */
export function reportCategories(operatorLabels: readonly string[] = []): string[] {
  const vocabulary: readonly string[] = LABEL_VOCABULARY;
  const extra = operatorLabels.filter((label) => !vocabulary.includes(label) && label !== RESTRICTED_LABEL && !NAMED.has(label));
  return [...vocabulary, ...new Set(extra), ...EXTRA_CATEGORIES];
}
