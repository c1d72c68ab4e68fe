/** heic-decode 2.x ships no types: the part the receipt upload uses. */
declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    data: Uint8ClampedArray;
  }
  interface HeicImage {
    width: number;
    height: number;
    decode(): Promise<DecodedImage>;
  }
  interface Decode {
    (options: { buffer: Buffer | ArrayBuffer | Uint8Array }): Promise<DecodedImage>;
    all(options: { buffer: Buffer | ArrayBuffer | Uint8Array }): Promise<HeicImage[]>;
  }
  const decode: Decode;
  export default decode;
}
