import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC Regular (SIL Open Font License 1.1), shipped through npm by
 * `@expo-google-fonts/noto-sans-sc`, so that `npm install && npm start` prints Chinese on a fresh
 * machine with no system fonts. The file is 10 MB: read once, on the first form printed; pdfkit
 * embeds only the glyphs a form uses (a form is some 30 KB).
 */
let font: Buffer | null = null;

export function cjkFont(): Buffer {
  if (!font) {
    const pkg = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json');
    font = readFileSync(join(dirname(pkg), '400Regular', 'NotoSansSC_400Regular.ttf'));
  }
  return font;
}
