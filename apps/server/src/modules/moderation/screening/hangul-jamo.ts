// Korean spelled out in separate letters ("ㄷㅗㅂㅏㄱ" for 도박) is put back into
// syllables with the Unicode Hangul composition arithmetic. Runs of consonants
// alone (ㅋㅋ, ㅅㅂ) are chat shorthand and stay as they are.

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const FINALS = 'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const FIRST_VOWEL = 0x314f; // ㅏ
const SYLLABLE_BASE = 0xac00;

/** A consonant, a vowel and, unless a vowel follows it, a final consonant. */
export const JAMO_SYLLABLE = String.raw`[\u3131-\u314e][\u314f-\u3163](?:[\u3131-\u314e](?![\u314f-\u3163]))?`;

/** The syllable spelled by compatibility jamo, or undefined when they do not form one. */
export function composeJamo(letters: string): string | undefined {
  const [initial, vowel, final] = [...letters];
  const lead = INITIALS.indexOf(initial ?? '');
  const medial = (vowel?.codePointAt(0) ?? 0) - FIRST_VOWEL;
  const tail = final === undefined ? 0 : FINALS.indexOf(final) + 1;
  if (lead < 0 || medial < 0 || medial > 20 || tail < 0 || (final !== undefined && tail === 0)) return undefined;
  return String.fromCharCode(SYLLABLE_BASE + (lead * 21 + medial) * 28 + tail);
}
