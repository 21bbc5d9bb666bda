import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import jsqrModule from 'jsqr';
import { decodeQrDataUri, qrPngDataUri } from '../../../sim/device/qr.ts';
import { fixturesSkipReason, readFixture } from '../support/recorded-fixtures.ts';

// Same CommonJS interop note as in qr.ts.
const jsQR = (jsqrModule as unknown as { default: typeof import('jsqr').default }).default;

const ENROLL_URI =
  'oktaverify://push@example.com/?t=ftAbCdEfGhIjKlMnOpQrStUvWxYz012345&f=aut2h3fft4y9pDPCS1d7' +
  '&s=http://127.0.0.1:8787&issuer=127.0.0.1:8787&isIdxEnabled=true';

const pngFromDataUri = (uri: string) => PNG.sync.read(Buffer.from(uri.split(',')[1]!, 'base64'));
const toDataUri = (png: PNG) => `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;

function assertRefused(input: string, message: RegExp) {
  assert.throws(
    () => decodeQrDataUri(input),
    (err: unknown) => err instanceof Error && message.test(err.message),
  );
}

test('an Okta Verify enrollment URI survives encode → decode', async () => {
  const uri = await qrPngDataUri(ENROLL_URI);
  assert.match(uri, /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
  assert.equal(decodeQrDataUri(uri), ENROLL_URI);
});

test('the QR image is 200×200 like Okta’s, with a 2-module quiet zone', async () => {
  const png = pngFromDataUri(await qrPngDataUri(ENROLL_URI));
  assert.equal(png.width, 200);
  assert.equal(png.height, 200);
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!;
  const modulePx = 200 / (found.version * 4 + 17 + 2 * 2);
  assert.ok(
    Math.abs(found.location.topLeftCorner.x - 2 * modulePx) < 1,
    `QR starts at x=${found.location.topLeftCorner.x}`,
  );
});

test('the recorded Okta enrollment QR decodes to an oktaverify:// URI', { skip: fixturesSkipReason }, async () => {
  const fixture = await readFixture('41-credential-enroll-ov-qr-enroll-poll.json');
  const href: string = fixture.currentAuthenticator.value.contextualData.qrcode.href;
  assert.match(decodeQrDataUri(href), /^oktaverify:\/\//);
});

test('decodeQrDataUri refuses anything but a PNG data URI', () => {
  assertRefused('https://example.com/qr.png', /not a data:image\/png;base64, data URI/);
  assertRefused('data:image/jpeg;base64,/9j/4AAQ', /not a data:image\/png;base64, data URI/);
  assertRefused(42 as unknown as string, /not a data:image\/png;base64, data URI/);
});

test('decodeQrDataUri refuses a payload that is not base64', () => {
  assertRefused('data:image/png;base64,iVBOR w0K!!', /not valid base64/);
});

test('decodeQrDataUri refuses base64 that is not a PNG', () => {
  assertRefused(`data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}`, /not a PNG/);
});

test('decodeQrDataUri refuses a truncated PNG', async () => {
  const bytes = Buffer.from((await qrPngDataUri('x')).split(',')[1]!, 'base64');
  assertRefused(`data:image/png;base64,${bytes.subarray(0, 60).toString('base64')}`, /PNG could not be read/);
});

test('decodeQrDataUri refuses a PNG with no QR code in it', () => {
  const blank = new PNG({ width: 64, height: 64 });
  blank.data.fill(0xff);
  assertRefused(toDataUri(blank), /No QR code found in the 64×64 PNG/);
});

test('decodeQrDataUri refuses a QR whose finder pattern is painted over', async () => {
  const uri = await qrPngDataUri(ENROLL_URI);
  const png = pngFromDataUri(uri);
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)!;
  const modulePx = 200 / (found.version * 4 + 17 + 2 * 2);
  // Paint the top-left 7×7-module finder pattern white.
  const start = Math.floor(2 * modulePx);
  const end = Math.ceil(9 * modulePx);
  for (let y = start; y < end; y++) {
    for (let x = start; x < end; x++) png.data.fill(0xff, (y * png.width + x) * 4, (y * png.width + x) * 4 + 3);
  }
  assert.equal(decodeQrDataUri(uri), ENROLL_URI, 'control: the unpainted image decodes');
  assertRefused(toDataUri(png), /No QR code found/);
});
