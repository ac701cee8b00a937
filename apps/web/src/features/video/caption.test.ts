import { describe, expect, it } from 'vitest';
import { captionText } from './caption';

describe('captionText', () => {
  it('joins title and text and leaves the hashtags to the links below', () => {
    expect(captionText('Clip', 'A walk by the river #TikTokRefugee #交猫税')).toBe('Clip · A walk by the river');
    expect(captionText('', 'Hi @ohio_ann\n\nbye')).toBe('Hi @ohio_ann bye');
    expect(captionText('Only a title', '#tag')).toBe('Only a title');
  });
});
