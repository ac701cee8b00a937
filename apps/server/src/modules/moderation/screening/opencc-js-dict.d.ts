// opencc-js ships its dictionaries as ES modules (export default "a b|c d|...")
// without type declarations for the per-dictionary entry points.
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
declare module 'opencc-js/dict/JPShinjitaiCharacters' {
  const dictionary: string;
  export default dictionary;
}
