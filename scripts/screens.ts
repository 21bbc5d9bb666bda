/**
 * `npm run screens`: screenshots of every screen of `<ov-signin>` in four looks (light, dark, Arabic
 * right to left, 375 px wide) and of the matching screens of Okta's Sign-In Widget, into
 * docs/screens/, from the built bundle (`npm run build:bundle` first; the npm script does it).
 *
 *   npm run screens                              everything, into docs/screens/
 *   npm run screens -- --only push,number        some screens
 *   npm run screens -- --out /tmp/s --no-okta    elsewhere, without Okta's widget
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VARIANT_NAMES, type VariantName } from './screens/capture.ts';
import { generateScreens } from './screens/generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, '..', 'docs', 'screens') },
    only: { type: 'string' },
    variants: { type: 'string' },
    'no-okta': { type: 'boolean', default: false },
  },
});

const variants = values.variants?.split(',') as VariantName[] | undefined;
const unknown = variants?.filter((v) => !VARIANT_NAMES.includes(v));
if (unknown?.length) throw new Error(`unknown variant(s) ${unknown.join(', ')}; known: ${VARIANT_NAMES.join(', ')}`);

const started = Date.now();
const result = await generateScreens({
  out: values.out,
  ...(values.only && { only: values.only.split(',') }),
  ...(variants && { variants }),
  okta: !values['no-okta'],
  log: (line) => console.log(line),
});
console.log(`${result.written.length} images in ${values.out}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (result.failed.length > 0) {
  console.error(`not reached: ${result.failed.map((f) => f.walk).join(', ')}`);
  process.exitCode = 1;
}
