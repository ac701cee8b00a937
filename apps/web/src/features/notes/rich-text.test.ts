import { describe, expect, it } from 'vitest';
import { keepLinkableMentions, tokenizeRichText } from './rich-text';

describe('tokenizeRichText', () => {
  it('finds hashtags in any script', () => {
    expect(tokenizeRichText('Hello #TikTokRefugee and #交猫税!')).toEqual([
      { type: 'text', text: 'Hello ' },
      { type: 'topic', text: '#TikTokRefugee', name: 'TikTokRefugee' },
      { type: 'text', text: ' and ' },
      { type: 'topic', text: '#交猫税', name: '交猫税' },
      { type: 'text', text: '!' },
    ]);
  });

  it('accepts a hashtag glued to Chinese text and stops at punctuation', () => {
    expect(tokenizeRichText('今天好开心#猫咪_日常，真的')).toEqual([
      { type: 'text', text: '今天好开心' },
      { type: 'topic', text: '#猫咪_日常', name: '猫咪_日常' },
      { type: 'text', text: '，真的' },
    ]);
  });

  it('keeps combining marks and digits inside a hashtag', () => {
    expect(tokenizeRichText('#café2025 #हिन्दी')).toEqual([
      { type: 'topic', text: '#café2025', name: 'café2025' },
      { type: 'text', text: ' ' },
      { type: 'topic', text: '#हिन्दी', name: 'हिन्दी' },
    ]);
  });

  it('finds mentions of 3 to 24 characters, like the server', () => {
    expect(tokenizeRichText(`hi @mei_li, @ab and @${'x'.repeat(25)}`)).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'mention', text: '@mei_li', handle: 'mei_li' },
      { type: 'text', text: ', @ab and ' },
      { type: 'mention', text: `@${'x'.repeat(24)}`, handle: 'x'.repeat(24) },
      { type: 'text', text: 'x' },
    ]);
  });

  it('caps a hashtag at 50 characters, like the server', () => {
    expect(tokenizeRichText(`#${'a'.repeat(55)}`)[0]).toEqual({ type: 'topic', text: `#${'a'.repeat(50)}`, name: 'a'.repeat(50) });
  });

  it('does not treat e-mail addresses as mentions', () => {
    expect(tokenizeRichText('mail me@example.com')).toEqual([{ type: 'text', text: 'mail me@example.com' }]);
  });

  it('mentions after CJK punctuation and line breaks', () => {
    expect(tokenizeRichText('谢谢，@ann_lee\n@bob_1')).toEqual([
      { type: 'text', text: '谢谢，' },
      { type: 'mention', text: '@ann_lee', handle: 'ann_lee' },
      { type: 'text', text: '\n' },
      { type: 'mention', text: '@bob_1', handle: 'bob_1' },
    ]);
  });

  it('leaves a lone # or plain text alone', () => {
    expect(tokenizeRichText('# not a tag')).toEqual([{ type: 'text', text: '# not a tag' }]);
    expect(tokenizeRichText('')).toEqual([]);
  });
});

describe('keepLinkableMentions', () => {
  it('turns mentions the server did not link into plain text', () => {
    const tokens = tokenizeRichText('hi @Ann and @bob!');
    expect(keepLinkableMentions(tokens, [{ handle: 'ann' }])).toEqual([
      { type: 'text', text: 'hi ' },
      { type: 'mention', text: '@Ann', handle: 'Ann' },
      { type: 'text', text: ' and @bob!' },
    ]);
    expect(keepLinkableMentions(tokens, [])).toEqual([{ type: 'text', text: 'hi @Ann and @bob!' }]);
    expect(keepLinkableMentions(tokens)).toEqual(tokens);
  });
});
