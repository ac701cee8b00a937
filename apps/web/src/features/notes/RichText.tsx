import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { keepLinkableMentions, tokenizeRichText } from './rich-text';

/**
 * Note or comment text with #topics and @mentions as links; line breaks kept by CSS (pre-wrap).
 * `mentions`: the handles the server says link (people who let the author mention them);
 * any other @handle stays plain text. Without it every @handle links.
 */
export function RichText({ text, mentions }: { text: string; mentions?: ReadonlyArray<{ handle: string }> }) {
  const tokens = useMemo(() => keepLinkableMentions(tokenizeRichText(text), mentions), [text, mentions]);
  return (
    <>
      {tokens.map((token, i) => {
        if (token.type === 'topic') {
          return (
            <Link key={i} to={`/topics/${encodeURIComponent(token.name)}`} className="rich-link">
              {token.text}
            </Link>
          );
        }
        if (token.type === 'mention') {
          return (
            <Link key={i} to={`/u/${token.handle}`} className="rich-link">
              {token.text}
            </Link>
          );
        }
        return <Fragment key={i}>{token.text}</Fragment>;
      })}
    </>
  );
}
