import { Fragment, useMemo } from 'react';
import { Link } from 'react-router';
import { tokenizeRichText } from './rich-text';

/** Note or comment text with #topics and @mentions as links; line breaks kept by CSS (pre-wrap). */
export function RichText({ text }: { text: string }) {
  const tokens = useMemo(() => tokenizeRichText(text), [text]);
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
