// Takes the README's screenshots from the running app: starts the browser host on
// a temporary data folder, creates a workshop from the template through the UI,
// and saves PNGs to docs/screenshots/. Run `npm run build` first.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
const dataDir = mkdtempSync(join(tmpdir(), 'leanmap-shots-'));
const host = spawn(process.execPath, [join(import.meta.dirname, '..', 'out', 'main', 'server.js'), '--data-dir', dataDir, '--port', '0']);
const url = await new Promise((resolve, reject) => {
  host.stdout.on('data', (chunk) => {
    const match = /running at (\S+)/.exec(String(chunk));
    if (match) resolve(match[1]);
  });
  host.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url);
  await page.getByRole('button', { name: '+ New workshop' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('Renewal journey 2027');
  await page.getByLabel('Organisation (client)').fill('Müller Logistik, Łódź');
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await page.getByTestId('stage-card').first().waitFor();
  await page.keyboard.press('l');
  await page.waitForTimeout(1200);
  await page.screenshot({ path: join(out, 'editor-overview.png') });
  await page.getByTestId('stage-card').nth(2).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: join(out, 'editor-inspector.png') });
  await page.getByRole('button', { name: /workshop library/i }).click();
  await page.getByTestId('workshop-row').first().waitFor();
  await page.screenshot({ path: join(out, 'library.png') });
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  host.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
