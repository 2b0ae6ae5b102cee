/** The part of fontkit 2 (no types of its own) the PDF of a submission uses: parse a font file once, ask what it draws. */
declare module 'fontkit' {
  export interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
