// The quarterly report in a browser: `dyad --format html report quarterly`
// on a demo database, opened as a file in Debian's chromium (playwright-core).
// Checks that the page makes no request beyond itself (self-contained), that
// it holds the six charts of issue 15 item 8 and the equity chart (each an
// <svg role="img"> with a title and a description), the safeguarding table
// and the equity tables, that it fits an A4
// page's width, and that it prints (A4 PDF); keeps full-page screenshots of
// the report and of its published (suppressed) form in <build>/reports/.
//
// usage: node tests/browser/report.mjs DYAD_BINARY BUILD_DIR
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [dyad, buildDir] = process.argv.slice(2);
if (!dyad || !buildDir) {
  console.error('usage: node report.mjs DYAD_BINARY BUILD_DIR');
  process.exit(2);
}
const out = join(buildDir, 'reports');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'dyad-report-'));
const db = join(work, 'team.db');
const env = { ...process.env, DYAD_TODAY: '2026-11-22' };
const run = (args) => execFileSync(dyad, ['--db', db, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
run(['--as', 'report-test', 'demo', '--families', '400', '--seed', '3']);

let passed = 0, failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else { failed++; console.error('FAIL: ' + what); }
};

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [name, extra] of [['quarterly', []], ['quarterly-published', ['--publish']]]) {
    const file = join(out, `${name}.html`);
    writeFileSync(file, run(['--format', 'html', 'report', 'quarterly', '--quarter', '2026Q3', ...extra]));
    // A4 at 96 dpi less 15 mm margins: 180 mm is about 680 px.
    const context = await browser.newContext({ viewport: { width: 700, height: 1000 } });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
    await page.goto('file://' + file);
    check(requests.length === 0, `${name}: no request beyond the file (${requests.join(' ')})`);
    const charts = await page.$$eval('svg[role=img]', (svgs) => svgs.map((s) => ({
      title: s.querySelector('title')?.textContent ?? '', desc: s.querySelector('desc')?.textContent ?? '' })));
    check(charts.length >= 7, `${name}: seven charts (got ${charts.length})`);
    for (const want of [/Mean change .*95% confidence/, /before .*after/, /Clock A/, /Referrals received per month/, /Completeness/,
      /reliable improvement by deprivation quintile/])
      check(charts.some((c) => want.test(c.title)), `${name}: a chart titled ${want}`);
    check(charts.every((c) => c.desc.length > 20), `${name}: every chart describes its figures`);
    const h2 = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    check(h2.some((t) => /status at referral/.test(t)), `${name}: the safeguarding start x end table`);
    for (const want of [/deprivation decile/, /deprivation quintile/, /ethnic group/, /relationship to the infant/])
      check(h2.some((t) => want.test(t)), `${name}: the equity table ${want}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 700, `${name}: fits an A4 page's width (scrollWidth ${width})`);
    if (extra.length) {
      const text = await page.textContent('body');
      check(/\*/.test(text), `${name}: small numbers shown as *`);
    }
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    check(pdf.length > 10000, `${name}: prints to an A4 PDF`);
    writeFileSync(join(out, `${name}.pdf`), pdf);
    await context.close();
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed (screenshots in ${out})`);
process.exit(failed ? 1 : 0);
