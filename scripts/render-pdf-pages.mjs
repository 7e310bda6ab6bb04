// Renders an exported PDF's pages to PNG files with pdftoppm (poppler-utils), to look
// at what a leader will print. Usage:
//   node scripts/render-pdf-pages.mjs report.pdf [out-folder] [--dpi 110] [--first 1 --last 3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const dpi = option('dpi', '110');
const first = option('first', null);
const last = option('last', null);
const [pdf, outArg] = args;
if (!pdf) {
  console.error('Usage: node scripts/render-pdf-pages.mjs <file.pdf> [out-folder] [--dpi 110] [--first n] [--last m]');
  process.exit(2);
}
const input = resolve(pdf);
const stem = basename(input).replace(/\.pdf$/i, '');
const out = resolve(outArg ?? join(dirname(input), `${stem} pages`));
mkdirSync(out, { recursive: true });

const pdftoppmArgs = ['-png', '-r', dpi];
if (first) pdftoppmArgs.push('-f', first);
if (last) pdftoppmArgs.push('-l', last);
pdftoppmArgs.push(input, join(out, 'page'));
const run = spawnSync('pdftoppm', pdftoppmArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
if (run.error) {
  console.error(`Could not run pdftoppm (${run.error.message}). Install poppler-utils (Debian/Ubuntu) or poppler (Homebrew).`);
  process.exit(1);
}
if (run.status !== 0) process.exit(run.status ?? 1);
const pages = readdirSync(out).filter((f) => f.startsWith('page') && f.endsWith('.png')).sort();
console.log(`${pages.length} page(s) in ${out}`);
for (const page of pages) console.log(`  ${join(out, page)}`);
