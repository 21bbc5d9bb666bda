/**
 * `npm run screens`: screenshots of every screen of `<ov-signin>` in four looks (light, dark, Arabic
 * right to left, 375 px wide) and of the matching screens of Okta's Sign-In Widget, into
 * docs/screens/, from the built bundle (`npm run build:bundle` first; the npm script does it).
 *
 *   npm run screens                              everything, into docs/screens/
 *   npm run screens -- --only push,number        some screens (`demo`: the demo page's pictures)
 *   npm run screens -- --out /tmp/s --no-okta    elsewhere, without Okta's widget
 *   npm run screens -- --no-demo                 not the demo page's pictures (docs/*.png)
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { VARIANT_NAMES, type VariantName } from './screens/capture.ts';
import { shootCmsPage } from './screens/cms-shot.ts';
import { shootDemo } from './screens/demo-shots.ts';
import { generateScreens } from './screens/generate.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(import.meta.dirname, '..', 'docs', 'screens') },
    only: { type: 'string' },
    variants: { type: 'string' },
    'no-okta': { type: 'boolean', default: false },
    /** Where the demo page's pictures go (docs/demo-enroll-qr.png, docs/inspector-push.png, docs/cms-page-themed.png). */
    'demo-out': { type: 'string', default: join(import.meta.dirname, '..', 'docs') },
    'no-demo': { type: 'boolean', default: false },
  },
});

const variants = values.variants?.split(',') as VariantName[] | undefined;
const unknown = variants?.filter((v) => !VARIANT_NAMES.includes(v));
if (unknown?.length) throw new Error(`unknown variant(s) ${unknown.join(', ')}; known: ${VARIANT_NAMES.join(', ')}`);

const only = values.only?.split(',');
const started = Date.now();
const result = await generateScreens({
  out: values.out,
  ...(only && { only }),
  ...(variants && { variants }),
  okta: !values['no-okta'],
  log: (line) => console.log(line),
});
if (!values['no-demo'] && (!only || only.includes('demo'))) {
  await shootDemo(values['demo-out'], (line) => console.log(line));
  console.log(`demo ${await shootCmsPage(values['demo-out'])}`);
}
console.log(`${result.written.length} images in ${values.out}, ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (result.failed.length > 0) {
  console.error(`not reached: ${result.failed.map((f) => f.walk).join(', ')}`);
  process.exitCode = 1;
}
