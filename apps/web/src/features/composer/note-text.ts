export const TITLE_MAX = 100;
export const BODY_MAX = 1000;
export const PLACE_MAX = 60;

/** Length as people count it: an emoji or a CJK character is one. */
export const textLength = (text: string) => [...text].length;

/** Some text, and none of it over the limits. */
export function textReady(title: string, body: string): boolean {
  return (title.trim() !== '' || body.trim() !== '') && textLength(title) <= TITLE_MAX && textLength(body) <= BODY_MAX;
}
