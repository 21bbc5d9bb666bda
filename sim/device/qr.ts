// QR codes as PNG data URIs, the form Okta's IDX API puts in
// `contextualData.qrcode.href`, plus a decoder so tests (and a simulated
// Okta Verify) can read them back exactly as a phone camera would.
import jsqrModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

type DecodeQr = (rgba: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
// jsqr is CommonJS typed as `export default`: the editor config (Bundler) types this import
// as the function, the sim build (NodeNext) as `{ default }`. At runtime module.exports.default
// is the function itself, so `.default` is correct under both.
const jsQR = (jsqrModule as unknown as { default: DecodeQr }).default;

const PNG_DATA_URI_PREFIX = 'data:image/png;base64,';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A 200×200 PNG QR code (Okta's size), error correction M, 2-module quiet zone. */
export function qrPngDataUri(text: string): Promise<string> {
  return QRCode.toDataURL(text, { type: 'image/png', errorCorrectionLevel: 'M', margin: 2, width: 200 });
}

/** Decodes the QR code in a PNG data URI. Every failure is an `Error` saying which check failed. */
export function decodeQrDataUri(dataUri: string): string {
  if (typeof dataUri !== 'string' || !dataUri.startsWith(PNG_DATA_URI_PREFIX)) {
    throw new Error(`QR image is not a ${PNG_DATA_URI_PREFIX} data URI`);
  }
  const base64 = dataUri.slice(PNG_DATA_URI_PREFIX.length);
  // Buffer.from silently skips bad characters, which would hide a mangled URI.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new Error('QR image data URI payload is not valid base64');
  const bytes = Buffer.from(base64, 'base64');
  if (!bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new Error('QR image data URI payload is not a PNG (bad signature)');
  }

  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (cause) {
    throw new Error(`QR image PNG could not be read: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
  // pngjs always yields 8-bit RGBA, the layout jsQR expects.
  const rgba = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  let found: ReturnType<DecodeQr>;
  try {
    found = jsQR(rgba, png.width, png.height);
  } catch (cause) {
    throw new Error(`QR decoder failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  if (!found) throw new Error(`No QR code found in the ${png.width}×${png.height} PNG`);
  return found.data;
}
