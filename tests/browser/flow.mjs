// The browser test: a clinician's day in a real browser (Debian's chromium
// driven by playwright-core). Starts `dyad serve` on a fresh demo database on
// a free loopback port, signs in, adds a referral (checking that a refused
// form keeps what was typed), accepts it at triage, records an assessment
// contact and an EPDS with item 10 scored above 0, sees the risk callout on
// the family page, acknowledges it, discharges, sees the discharge head
// the home page's recent activity, and sorts the families by a column. Every page visited is
// checked with axe-core (any serious or critical violation fails the test)
// and photographed into <build>/browser/NN-name.png.
//
// usage: node tests/browser/flow.mjs DYAD_BINARY BUILD_DIR
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const [dyad, buildDir] = process.argv.slice(2);
if (!dyad || !buildDir) {
  console.error('usage: node flow.mjs DYAD_BINARY BUILD_DIR');
  process.exit(2);
}
const shots = join(buildDir, 'browser');
rmSync(shots, { recursive: true, force: true });
mkdirSync(shots, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'dyad-browser-'));
const db = join(work, 'team.db');
const env = { ...process.env, DYAD_TODAY: '2026-03-20' };
const password = 'browser-test-password-1';

const run = (args, input) => execFileSync(dyad, ['--db', db, ...args], { env, input, stdio: ['pipe', 'pipe', 'pipe'] });
run(['--as', 'browser-test', 'demo', '--families', '20', '--seed', '1']);
for (const [name, display, role] of [['sam', 'Sam Clinician', 'clinician'], ['mo', 'Mo Manager', 'manager'], ['ada', 'Ada Admin', 'admin'], ['ana', 'Ana Analyst', 'analyst']])
  run(['--as', 'browser-test', 'user', 'add', '--name', name, '--display', display, '--role', role], password + '\n');

let passed = 0, failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else { failed++; console.error('FAIL: ' + what); }
};

const server = spawn(dyad, ['--db', db, 'serve', '--listen', '127.0.0.1:0', '--threads', '2'], { env });
let serverLog = '';
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('dyad serve did not start:\n' + serverLog)), 15000);
  const seen = (chunk) => {
    serverLog += chunk;
    const m = serverLog.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
    if (m) { clearTimeout(timer); resolve(`http://127.0.0.1:${m[1]}`); }
  };
  server.stdout.on('data', seen);
  server.stderr.on('data', seen);
  server.on('exit', (code) => reject(new Error(`dyad serve exited (${code}):\n${serverLog}`)));
});

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
const page = await context.newPage();
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error' && !/Content Security Policy|assets\.nhs\.uk|Failed to load resource/.test(m.text())) consoleErrors.push(m.text()); });
let shot = 0;

// axe on the page as it is, and a full-page screenshot.
async function look(name) {
  shot++;
  const file = join(shots, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const r = await new AxeBuilder({ page }).analyze();
  const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad)
    console.error(`axe ${name}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  check(bad.length === 0, `axe finds no serious or critical violation on ${name}`);
}
const h1 = async () => (await page.textContent('h1')).trim();
const submit = (text) => Promise.all([page.waitForLoadState(), page.click(`button:has-text("${text}")`)]);

try {
  // Sign in.
  await page.goto(base + '/');
  check(page.url().endsWith('/sign-in'), 'a visitor is sent to the sign-in page');
  await look('sign-in');
  await page.fill('#name', 'sam');
  await page.fill('#password', password);
  await submit('Sign in');
  check(new URL(page.url()).pathname === '/', 'signing in leads home');
  check((await page.textContent('header')).includes('Sam Clinician'), 'the header names the signed-in user');
  check((await page.textContent('main')).includes('Waiting'), 'home shows the waiting panel');
  await look('home');

  // New referral, one thing per page; a refused page keeps what was typed.
  await page.click('a:has-text("New referral")');
  await look('referral-caregiver');
  await page.fill('#cg_given', 'Alex');
  await page.fill('#cg_nhs', '943 476 5919');
  await submit('Continue');
  check((await page.textContent('.nhsuk-error-summary')).includes('last name'), 'the error summary names the missing last name');
  check(await page.inputValue('#cg_given') === 'Alex', 'the first name typed is kept after an error');
  check(await page.inputValue('#cg_nhs') === '943 476 5919', 'the NHS number typed is kept after an error');
  check((await page.textContent('#cg_family-error')).length > 0, 'the message shows beside the field');
  await look('referral-caregiver-errors');
  await page.click('.nhsuk-error-summary a[href="#cg_family"]');
  check(await page.evaluate(() => document.activeElement.id) === 'cg_family', 'the summary link goes to the field');
  await page.fill('#cg_family', 'Browsertest');
  await page.check('input[name="cg_rel"][value="mother"]');
  await page.fill('#cg_dob', '4');
  await page.fill('#cg_dob-month', '7');
  await page.fill('#cg_dob-year', '1995');
  await page.fill('#cg_postcode', 'ng7 2uh');
  await submit('Continue');
  check(await h1() === 'The baby', 'the second page asks about the baby');
  await page.fill('#inf_given', 'Robin');
  await page.fill('#inf_family', 'Browsertest');
  await page.check('input[name="inf_born"][value="yes"]');
  await page.fill('#inf_dob', '2');
  await page.fill('#inf_dob-month', '1');
  await page.fill('#inf_dob-year', '2026');
  await page.fill('#inf_gest', '33');
  await look('referral-baby');
  await submit('Continue');
  check(await h1() === 'The referral', 'the third page asks about the referral');
  await page.check('input[name="source"][value="health_visitor"]');
  await page.check('input[name="ftp"][value="yes"]');
  await look('referral-details');
  await submit('Continue');
  check((await h1()).startsWith('Check your answers'), 'the answers are checked before saving');
  const checkText = await page.textContent('main');
  check(checkText.includes('943 476 5919') && checkText.includes('NG7 2UH'), 'NHS number and postcode shown in their usual forms');
  check(checkText.includes('2 January 2026'), 'dates shown as "2 January 2026"');
  await look('referral-check');
  await submit('Save referral');
  check((await h1()).includes('Alex Browsertest'), 'saving the referral opens the family page');
  check((await page.textContent('main')).includes('corrected'), 'the baby born at 33 weeks has a corrected age');
  await look('family-received');

  // Triage: accept.
  await page.click('a:has-text("Triage")');
  await look('triage');
  await page.check('input[name="decision"][value="accepted"]');
  await submit('Save decision');
  check((await page.textContent('main')).includes('Awaiting assessment'), 'accepted: the family awaits assessment');

  // An assessment contact.
  await page.click('a:has-text("Record a contact")');
  await page.check('input[name="kind"][value="assessment"]');
  await page.check('input[name="location"][value="home"]');
  await page.check('input[name="attendance"][value="attended"]');
  await look('contact');
  await submit('Save contact');
  check((await page.textContent('main')).includes('Assessed'), 'an attended assessment moves the referral to assessed');

  // An EPDS with item 10 scored 2.
  await page.click('a:has-text("Enter a measure")');
  await page.selectOption('#instrument', 'epds');
  await look('measure-choose');
  await submit('Continue');
  await page.check('input[name="timepoint"][value="baseline"]');
  const answers = [2, 1, 2, 1, 2, 1, 2, 1, 1, 2];
  for (let i = 0; i < 9; i++) await page.check(`input[name="item${i + 1}"][value="${answers[i]}"]`);
  await submit('Save and score');
  check((await page.textContent('.nhsuk-error-summary')).includes('item 10'),
    'an unanswered EPDS item is refused with the item named');
  check(await page.isChecked('input[name="item3"][value="2"]'), 'the answers given are kept after an error');
  await look('measure-errors');
  await page.check('input[name="item10"][value="2"]');
  await submit('Save and score');
  const result = await page.textContent('main');
  check(result.includes('Risk to follow up'), 'the risk flag shows at once on the confirmation page');
  check(result.includes('15'), 'the EPDS total (15) is shown');
  await look('measure-result');

  // The family page shows the risk until it is acknowledged.
  await page.click('.nhsuk-button:has-text("Back to the family")');
  check((await page.textContent('main')).includes('Risk to follow up'), 'the family page shows the unacknowledged risk');
  check(await page.locator('svg.dyad-chart').count() > 0, 'the family page draws the EPDS trend chart');
  await look('family-risk');
  await submit('Acknowledge');
  check((await page.textContent('.nhsuk-error-summary')).length > 0, 'acknowledging without the action taken is refused');
  await look('acknowledge-errors');
  await page.fill('textarea[name="action"]', 'Phoned the mother the same day; GP informed');
  await submit('Acknowledge');
  check(!(await page.textContent('main')).includes('Risk to follow up'), 'acknowledged: the risk callout is gone');

  // Discharge.
  await page.click('a:has-text("Discharge")');
  await look('discharge');
  await submit('Discharge');
  check((await page.locator('.nhsuk-error-summary').count()) === 1, 'discharge without a reason is refused');
  await page.check('input[name="reason"][value="planned_ending"]');
  await page.locator('input[name^="care_"][value="with_birth_family"]').first().check();
  await submit('Discharge');
  check((await page.textContent('main')).includes('Discharged'), 'the referral shows as discharged');
  await look('family-discharged');

  // Home: the discharge just recorded heads the recent activity.
  await page.goto(base + '/');
  const recent = page.locator('h2:has-text("Recent activity") + table tbody tr');
  check(await recent.count() === 10, 'home shows the last 10 things recorded');
  const firstRecent = await recent.first().textContent();
  check(firstRecent.includes('Robin Browsertest') && firstRecent.includes('Discharged'),
    'the discharge just recorded comes first in recent activity: ' + firstRecent);
  check((await page.locator('h2:has-text("Recent activity") + table').textContent()).includes('EPDS entered'),
    'a clinician sees the measures recorded');
  await look('home-recent-activity');

  // The other pages of the day.
  await page.goto(base + '/families?q=browsertest');
  check((await page.textContent('tbody')).includes('Alex Browsertest'), 'find a family finds the new family');
  await look('find');

  // Every family, sorted by a column header: click "Last contact" (longest
  // ago first), then again (most recent first).
  await page.goto(base + '/families');
  check(await page.getAttribute('th:has-text("Parent or carer")', 'aria-sort') === 'ascending', 'families are listed by name first');
  const lastContacts = async () => (await page.locator('tbody tr td:nth-child(4)').allTextContents()).map((t) => t.trim());
  const asDates = (l) => l.map((t) => (t === 'none' ? 0 : Date.parse(t)));
  await Promise.all([page.waitForLoadState(), page.click('th a:has-text("Last contact")')]);
  check(await page.getAttribute('th:has-text("Last contact")', 'aria-sort') === 'ascending', 'the header says it sorts, ascending');
  let d = asDates(await lastContacts());
  check(d.length > 10 && d.every((x, i) => i === 0 || d[i - 1] <= x), 'sorted by last contact, longest ago first: ' + d.join(' '));
  await Promise.all([page.waitForLoadState(), page.click('th a:has-text("Last contact")')]);
  check(await page.getAttribute('th:has-text("Last contact")', 'aria-sort') === 'descending', 'clicked again, descending');
  d = asDates(await lastContacts());
  check(d.length > 10 && d.every((x, i) => i === 0 || d[i - 1] >= x), 'most recent contact first: ' + d.join(' '));
  await look('families-by-last-contact');
  await page.goto(base + '/waiting');
  await look('waiting');
  const familyUrl = base + '/families?q=browsertest';

  // A manager sees who has looked at the family.
  async function signInAs(name) {
    await submit('Sign out');
    check(page.url().endsWith('/sign-in'), 'signing out leads to the sign-in page');
    await page.fill('#name', name);
    await page.fill('#password', password);
    await submit('Sign in');
  }
  await signInAs('mo');
  await page.goto(familyUrl);
  await Promise.all([page.waitForLoadState(), page.click('a:has-text("Alex Browsertest")')]);
  const audit = await page.textContent('main');
  check(audit.includes('Who has looked at this family') && audit.includes('sam'), 'a manager sees that sam looked at the family');
  await look('family-manager');

  // An admin manages users; a refused form keeps what was typed.
  await signInAs('ada');
  await page.goto(base + '/users');
  await look('users');
  await page.fill('#display', 'Kit <Keeper>');
  await page.fill('#name', 'kit');
  await page.fill('#password', 'long-enough-password');
  await submit('Add user');
  check(await page.inputValue('#display') === 'Kit <Keeper>', 'the name typed is kept (as text) when roles are missing');
  check((await page.textContent('.nhsuk-error-summary')).includes('role'), 'the missing role is named');
  await look('users-errors');
  await page.check('input[name="roles"][value="clinician"]');
  await page.fill('#password', 'long-enough-password');
  await submit('Add user');
  check((await page.textContent('tbody')).includes('Kit <Keeper>'), 'the new user is listed, the name shown as text');

  // An analyst lands on the waiting report: figures, no names.
  await signInAs('ana');
  check(new URL(page.url()).pathname === '/waiting', 'an analyst starts at the waiting report');
  const figures = await page.textContent('main');
  check(figures.includes('Waiting report') && !figures.includes('Browsertest') && !figures.includes('Breached'),
    'the analyst sees figures but nobody waiting by name');
  await look('waiting-analyst');
  check(consoleErrors.length === 0, 'no script errors: ' + consoleErrors.join('; '));
} catch (err) {
  failed++;
  console.error('FAIL: ' + (err && err.stack ? err.stack : err));
  try { await page.screenshot({ path: join(shots, 'failure.png'), fullPage: true }); } catch {}
} finally {
  await browser.close();
  server.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed (screenshots in ${shots})`);
process.exit(failed ? 1 : 0);
