// Opens uncounted's HTML reports in Debian's chromium (driven by
// playwright-core; no browser is ever downloaded) and checks what a reader
// gets: charts present and non-empty, no console errors, no network
// requests, and no name (or birth date, or record id) from the inputs
// anywhere in the page.
//
//   node report.test.mjs SECRETS.txt [--screenshot PNG] REPORT.html...
//
// --screenshot: the top of the first report to PNG, and its sections 3-5
// and 6 to PNG with "-sections" and "-sensitivity" before ".png".
// SECRETS.txt: one string per line that must not appear. Exit 0 when every
// report passes, 1 otherwise.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const args = process.argv.slice(2);
const secrets = readFileSync(args.shift(), 'utf8').split('\n').map(s => s.trim()).filter(Boolean);
let screenshot = null;
if (args[0] === '--screenshot') { args.shift(); screenshot = args.shift(); }
const reports = args;
if (reports.length === 0) { console.error('usage: node report.test.mjs SECRETS.txt [--screenshot PNG] REPORT.html...'); process.exit(2); }

let failures = 0;
const fail = (report, message) => { console.error(`FAIL ${report}: ${message}`); failures++; };

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const [i, report] of reports.entries()) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems = [];
    page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', e => problems.push(`page error: ${e.message}`));
    page.on('request', r => { if (!r.url().startsWith('file:')) problems.push(`request to ${r.url()}`); });
    page.on('requestfailed', r => problems.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

    const charts = await page.evaluate(() => [...document.querySelectorAll('svg')].map(svg => {
      const box = svg.getBoundingClientRect();
      const shapes = svg.querySelectorAll('rect, circle, line, polygon, path');
      const drawn = [...svg.querySelectorAll('rect, circle')].filter(e => {
        const b = e.getBoundingClientRect();
        return b.width > 0 && b.height > 0;
      });
      return { label: svg.getAttribute('aria-label'), width: box.width, height: box.height,
               children: svg.children.length, shapes: shapes.length, drawn: drawn.length };
    }));
    if (charts.length === 0) fail(report, 'no <svg> chart');
    for (const c of charts) {
      if (c.width < 100 || c.height < 50) fail(report, `chart "${c.label}" is ${c.width}x${c.height} px`);
      if (c.children < 3 || c.shapes < 3 || c.drawn < 1) fail(report, `chart "${c.label}" is empty (${c.shapes} shapes, ${c.drawn} drawn)`);
    }
    const scripts = await page.evaluate(() => document.scripts.length);
    if (scripts !== 0) fail(report, `${scripts} <script> elements`);
    const text = await page.evaluate(() => document.body.innerText);
    const html = await page.content();
    for (const s of secrets) {
      if (text.includes(s)) fail(report, `page text contains an input string (line ${secrets.indexOf(s) + 1} of the secrets)`);
      else if (html.includes(s)) fail(report, `page source contains an input string (line ${secrets.indexOf(s) + 1} of the secrets)`);
    }
    for (const p of problems) fail(report, p);
    if (screenshot && i === 0) {
      // The top of the first report: what a reader sees first.
      const height = await page.evaluate(() => Math.min(document.body.scrollHeight, 1900));
      await page.screenshot({ path: screenshot, fullPage: true, clip: { x: 0, y: 0, width: 1100, height } });
    }
    if (screenshot && i === 0) {
      // Sections 3-5 (timeline, sentences, linkage) and 6 (sensitivity to linkage) of the first report.
      const shoot = async (from, to, suffix) => {
        const clip = await page.evaluate(([a, b]) => {
          const top = document.getElementById(a).getBoundingClientRect().top + window.scrollY;
          const next = b ? document.getElementById(b) : null;
          const bottom = next ? next.getBoundingClientRect().top + window.scrollY : document.body.scrollHeight;
          return { x: 0, y: top - 10, width: 1100, height: Math.min(bottom - top, 2600) };
        }, [from, to]);
        await page.screenshot({ path: screenshot.replace(/\.png$/, '') + suffix, fullPage: true, clip });
      };
      await shoot('timeline', 'sensitivity', '-sections.png');
      await shoot('sensitivity', 'methods', '-sensitivity.png');
    }
    console.log(`${report}: ${charts.length} charts (${charts.map(c => c.shapes).join(', ')} shapes)`);
    await page.close();
  }
} finally {
  await browser.close();
}
if (failures) { console.error(`${failures} check(s) failed`); process.exit(1); }
console.log('ok');
