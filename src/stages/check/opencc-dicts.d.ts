// opencc-js ships its character tables as modules without type declarations.
declare module 'opencc-js/dict/STCharacters' {
  /** `simplified traditional…|…`: each simplified character and its traditional forms. */
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/TSCharacters' {
  /** `traditional simplified…|…`: each traditional character and its simplified forms. */
  const table: string;
  export default table;
}
