// Browser tests of the archive's pages and of the embedded search box, in
// Debian's chromium driven by playwright-core. The runner builds its own
// fixture archive, indexes it with pressroom-index, serves it with
// pressroom-server on a free loopback port, and serves two more "other
// sites" (one allowed by --cors-origin, one not) on two more ports.
//
//   node tests/browser/run.mjs        (ctest runs it as "browser")
//
// Environment: PRESSROOM_SERVER_BIN, PRESSROOM_INDEX_BIN (default build/…),
// PRESSROOM_WEB_DIR (default web/), PRESSROOM_ARTIFACTS (default
// test-artifacts/, where the screenshots go), CHROMIUM_BIN (default
// /usr/bin/chromium). Prints one line per test and closes with
// "N passed, M failed"; exits non-zero when anything failed.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const env = process.env;
const SERVER_BIN = env.PRESSROOM_SERVER_BIN || path.join(repo, 'build/pressroom-server');
const INDEX_BIN = env.PRESSROOM_INDEX_BIN || path.join(repo, 'build/pressroom-index');
const WEB_DIR = env.PRESSROOM_WEB_DIR || path.join(repo, 'web');
const ARTIFACTS = env.PRESSROOM_ARTIFACTS || path.join(repo, 'test-artifacts');
const CHROMIUM = env.CHROMIUM_BIN || '/usr/bin/chromium';

const HOSTILE_TITLE = '<script>alert(1)</script> & "quotes"';
const HOSTILE_PERSON = 'Eve <b>Bold</b>';

// ---- a tiny test runner ---------------------------------------------------------

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
class AssertionError extends Error {}
function assert(condition, message) {
  if (!condition) throw new AssertionError(message);
}
function equal(actual, expected, what) {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// ---- the fixture archive ------------------------------------------------------------

function fixture() {
  const topics = ['Family Detention', 'Asylum', 'Border Enforcement', 'Labor Rights', 'Public Health'];
  const people = ['Ana Ruiz', 'Marcus Bell', 'Lucía Fernández', 'Tomás Herrera', 'Rosa Delgado'];
  const types = ['press-release', 'statement', 'report', 'media-advisory', 'op-ed'];
  const verbs = ['Puentes condemns', 'New report on', 'Statement on', 'Families speak out on', 'Court ruling on', 'Advocates rally over'];
  const releases = [];
  for (let i = 0; i < 48; i++) {
    const year = 2015 + (i % 10);
    const month = String(1 + ((i * 5) % 12)).padStart(2, '0');
    const day = String(1 + ((i * 7) % 28)).padStart(2, '0');
    const topic = topics[i % 5];
    const detention = i % 2 === 0;
    releases.push({
      id: `r${String(i).padStart(2, '0')}`,
      title: `${verbs[i % 6]} ${topic.toLowerCase()} (${year}, no. ${i})`,
      date: `${year}-${month}-${day}`,
      type: types[i % 5],
      topics: i % 3 === 0 ? [topic, topics[(i + 2) % 5]] : [topic],
      spokespeople: [people[i % 5]],
      location: ['Tucson, AZ', 'El Paso, TX', 'Washington, DC'][i % 3],
      url: `https://puentes.example.org/news/r${i}`,
      lang: 'en',
      // Releases made from one template would be near duplicates of each other
      // (one search result): what each says of its own is spread through it.
      body:
        `${detention ? 'Conditions in immigration detention worsened again' : 'Workers and families gathered'} ` +
        `in ${['Tucson', 'El Paso', 'Washington'][i % 3]} in month ${month} of ${year}, said ${people[i % 5]} of ` +
        `Puentes. Release ${i}: the ${topic.toLowerCase()} work continues across the border region.\n\n` +
        `A second paragraph gives the background of release ${i}.`,
      ...(i === 4 ? { quotes: [{ text: 'Detention is never the answer for children.', speaker: 'Ana Ruiz', role: 'Executive Director' }] } : {}),
    });
  }
  releases.push({
    id: 'hostile',
    title: HOSTILE_TITLE,
    date: '2024-12-30',
    type: 'statement',
    topics: ['Family Detention'],
    spokespeople: [HOSTILE_PERSON],
    location: 'Nowhere <i>at all</i>',
    url: 'https://puentes.example.org/news/hostile?a=1&b=2',
    lang: 'en',
    body: 'The alert statement <img src=x onerror=alert(2)> mentions detention and "quotes" & ampersands.',
  });
  return releases;
}

// ---- processes and servers -------------------------------------------------------------

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

// A stand-in for a site that embeds the search box.
function hostPage(archive) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<style>
  body { font: 18px/1.5 "Comic Sans MS", cursive; color: #333; }
  input, button { font-family: "Comic Sans MS", cursive; border: 5px dashed red; text-transform: uppercase; }
  li { list-style: square; color: red; }
  a { color: red; }
</style></head><body>
<h1>Another organisation's site</h1>
<p><input id="host-input" placeholder="the host's own input"></p>
<script src="${archive}/widget.js" async></script>
<div id="box" data-pressroom-search data-results="4"></div>
<div id="box-es" data-pressroom-search data-results="2" data-topic="Asylum" data-lang="es"></div>
<p>More of the host page.</p>
</body></html>`;
}

function serveHostPage(port, archive) {
  const server = http.createServer((req, res) => {
    if (req.url === '/embed.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(hostPage(archive));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

// ---- the tests ----------------------------------------------------------------------

let ARCHIVE = '';    // http://127.0.0.1:PORT of pressroom-server
let ALLOWED = '';    // a site allowed by --cors-origin
let FORBIDDEN = '';  // a site that is not
let context = null;  // the browser context (JavaScript on)
let browser = null;
const dialogs = [];  // any alert() would be an injection
const pageErrors = [];

async function newPage(width = 1280, height = 900) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) pageErrors.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

async function api(pathAndQuery) {
  const res = await fetch(ARCHIVE + pathAndQuery);
  return res.json();
}

const resultsCount = async (page) => Number((await page.locator('.results-number').innerText()).replace(/[^0-9]/g, ''));
const resultTitles = (page) => page.locator('.hit-title a').allInnerTexts();
const params = (page) => new URL(page.url()).searchParams;

test('typing shows suggestions; picking one with the keyboard applies it', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/');
  const input = page.locator('#q');
  await input.click();
  await input.pressSequentially('fam', { delay: 30 });
  const options = page.locator('#q-suggestions [role="option"]');
  await options.first().waitFor();
  equal(await input.getAttribute('aria-expanded'), 'true', 'aria-expanded');
  equal(await options.first().locator('.suggestion-value').innerText(), 'Family Detention', 'first suggestion');
  await page.keyboard.press('ArrowDown');
  const active = await input.getAttribute('aria-activedescendant');
  equal(await options.first().getAttribute('id'), active, 'aria-activedescendant');
  equal(await options.first().getAttribute('aria-selected'), 'true', 'aria-selected');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('topic') === 'Family Detention');
  await page.locator('input[name="topic"][value="Family Detention"]:checked').waitFor();
  equal(await resultsCount(page), (await api('/api/search?topic=Family%20Detention')).total, 'count after picking');
  equal(params(page).get('q'), null, 'the typed prefix is not searched');
  await page.close();
});

test('ticking a facet changes the results and the counts, and keeps focus', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=detention');
  const before = await resultsCount(page);
  const statementCount = Number(await page.locator('label:has(input[name="type"][value="statement"]) .count').innerText());
  const box = page.locator('input[name="type"][value="statement"]');
  await box.focus();
  await page.keyboard.press('Space');
  await page.waitForURL((u) => u.searchParams.get('type') === 'statement');
  await page.locator('input[name="type"][value="statement"]:checked').waitFor();
  const after = await resultsCount(page);
  equal(after, statementCount, 'results after ticking = the count shown beside the box');
  assert(after < before, `fewer results (${before} → ${after})`);
  equal(after, (await api('/api/search?q=detention&type=statement')).total, 'count against the API');
  const expected = (await api('/api/search?q=detention&type=statement&facets=spokesperson')).facets.spokesperson;
  for (const { value, count } of expected) {
    const shown = await page.locator(`label:has(input[name="spokesperson"][value="${value}"]) .count`).innerText();
    equal(Number(shown), count, `spokesperson count of ${value}`);
  }
  equal(await page.evaluate(() => document.activeElement.getAttribute('value')), 'statement', 'focus stays on the box');
  for (const type of await page.locator('.hit .type-tag').allInnerTexts()) equal(type, 'STATEMENT', 'type of every hit');
  await page.close();
});

test('clicking a year bar filters by that year, clicking it again clears it', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=detention');
  await page.locator('#years a.bar[href$="from=2019&to=2019"]').click();
  await page.waitForURL((u) => u.searchParams.get('from') === '2019' && u.searchParams.get('to') === '2019');
  await page.locator('#months').waitFor();
  for (const t of await page.locator('.hit time').evaluateAll((els) => els.map((e) => e.dateTime)))
    assert(t.startsWith('2019'), `hit dated ${t} in 2019`);
  equal(await resultsCount(page), (await api('/api/search?q=detention&from=2019&to=2019')).total, 'count for 2019');
  const selected = page.locator('#years a.bar[aria-current="true"]');
  equal(await selected.count(), 1, 'one selected bar');
  await selected.click();
  await page.waitForURL((u) => !u.searchParams.has('from'));
  equal(await page.locator('#months').count(), 0, 'month bars gone');
  await page.close();
});

test('pages of results; reload keeps the state', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=detention');
  const total = await resultsCount(page);
  assert(total > 20, `more than a page of results (${total})`);
  const first = await resultTitles(page);
  await page.locator('.pager a[rel="next"]').click();
  await page.waitForURL((u) => u.searchParams.get('page') === '2');
  await page.locator('ol.hits[start="21"]').waitFor();
  const second = await resultTitles(page);
  assert(second.length === total - 20, `page 2 holds the rest (${second.length})`);
  assert(!second.some((t) => first.includes(t)), 'pages do not overlap');
  equal(await page.evaluate(() => document.activeElement.id), 'results', 'focus moves to the results');
  await page.reload();
  equal(JSON.stringify(await resultTitles(page)), JSON.stringify(second), 'same results after reload');
  equal(await page.locator('#q').inputValue(), 'detention', 'same query after reload');
  await page.close();
});

test('back and forward walk through the searches', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=detention');
  const a = await resultTitles(page);
  await page.locator('input[name="topic"][value="Asylum"]').check();
  await page.waitForURL((u) => u.searchParams.get('topic') === 'Asylum');
  await page.locator('input[name="topic"][value="Asylum"]:checked').waitFor();
  const b = await resultTitles(page);
  await page.locator('#sort').selectOption('date-asc');
  await page.waitForURL((u) => u.searchParams.get('sort') === 'date-asc');
  await page.waitForFunction(() => !document.getElementById('results-area').hasAttribute('aria-busy'));
  const c = await resultTitles(page);
  const oldest = (await api('/api/search?q=detention&topic=Asylum&sort=date-asc&size=20&facets=none')).results.map((r) => r.title);
  equal(JSON.stringify(c), JSON.stringify(oldest), 'oldest first');

  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('sort'));
  await page.waitForFunction(() => document.querySelector('#sort').value === '');
  equal(JSON.stringify(await resultTitles(page)), JSON.stringify(b), 'back to the facet');
  await page.goBack();
  await page.waitForURL((u) => !u.searchParams.has('topic'));
  await page.waitForFunction(() => !document.querySelector('input[name="topic"][value="Asylum"]').checked);
  equal(JSON.stringify(await resultTitles(page)), JSON.stringify(a), 'back to the query');
  await page.goForward();
  await page.waitForURL((u) => u.searchParams.get('topic') === 'Asylum');
  await page.locator('input[name="topic"][value="Asylum"]:checked').waitFor();
  equal(JSON.stringify(await resultTitles(page)), JSON.stringify(b), 'forward again');
  await page.close();
});

test('a release page, then a related release', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=detention&topic=Public%20Health');
  await page.locator('.hit-title a[href="/releases/r04"]').click();
  await page.waitForURL(/\/releases\/r04$/);
  equal(await page.locator('h1').innerText(), (await api('/api/releases/r04')).title, 'title');
  for (const label of ['Date', 'Type', 'Location', 'Spokespeople', 'Topics', 'Original'])
    assert(await page.locator('.release-facts dt', { hasText: label }).count(), `fact ${label}`);
  assert((await page.locator('#citation').innerText()).includes('(archived at ' + ARCHIVE + '/releases/r04)'), 'citation');
  equal(await page.locator('.quote blockquote').innerText(), 'Detention is never the answer for children.', 'statement');
  assert(await page.locator('[data-copy]').isVisible(), 'copy button shown with JavaScript on');
  // The masthead's search box suggests too.
  await page.locator('#mini-q').pressSequentially('asy', { delay: 20 });
  await page.locator('#mini-q-suggestions [role="option"]').first().waitFor();
  await page.keyboard.press('Escape');
  equal(await page.locator('#mini-q').getAttribute('aria-expanded'), 'false', 'Escape closes the suggestions');
  // Related releases: the server's same-topic list, and /related where it exists.
  const links = page.locator('#similar .related-list a, #related .related-list a');
  await links.first().waitFor();
  const next = await links.first().getAttribute('href');
  await links.first().click();
  await page.waitForURL((u) => u.pathname === next);
  assert((await page.locator('h1').innerText()).length > 0, 'the related release opens');
  await page.close();
});

test('the widget on another site searches the archive across origins', async () => {
  const page = await newPage();
  await page.goto(ALLOWED + '/embed.html');
  const input = page.locator('#box input[type="search"]');  // playwright pierces the open shadow root
  await input.waitFor();
  equal(await page.evaluate(() => Boolean(document.getElementById('box').shadowRoot)), true, 'shadow root');
  await input.click();
  await input.pressSequentially('detention', { delay: 20 });
  const options = page.locator('#box [role="option"]');
  await options.first().waitFor();
  const count = await options.count();
  equal(count, 5, '4 results and "See all"');
  assert((await page.locator('#box [role="option"] mark').count()) > 0, 'snippets with <mark>');
  equal(await input.getAttribute('aria-expanded'), 'true', 'expanded');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  equal(await input.getAttribute('aria-activedescendant'), 'o1', 'second option active');
  await page.keyboard.press('Escape');
  equal(await input.getAttribute('aria-expanded'), 'false', 'Escape closes');
  // Styles do not cross the shadow boundary, either way.
  const inside = await input.evaluate((e) => getComputedStyle(e).fontFamily + '|' + getComputedStyle(e).borderStyle);
  assert(!/Comic/.test(inside) && !/dashed/.test(inside), `host styles stay out (${inside})`);
  const host = await page.locator('#host-input').evaluate((e) => getComputedStyle(e).borderStyle);
  equal(host, 'dashed', 'widget styles stay in');
  // The Spanish box with a fixed topic.
  const es = page.locator('#box-es input[type="search"]');
  equal(await es.getAttribute('placeholder'), 'Buscar comunicados', 'data-lang');
  await es.click();
  await es.pressSequentially('families', { delay: 20 });
  await page.locator('#box-es [role="option"]').first().waitFor();
  const topicTotal = (await api('/api/search?q=families&topic=Asylum&facets=none')).total;
  const esText = await page.locator('#box-es .all a').innerText().catch(() => '');
  assert(topicTotal <= 2 || esText.includes(String(topicTotal)), `data-topic limits the search (${esText}, ${topicTotal})`);
  // Enter on an option opens the release in the archive.
  await input.click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.origin === ARCHIVE && u.pathname.startsWith('/releases/'));
  await page.close();
});

test('the widget on a site that is not allowed gets no results', async () => {
  const page = await newPage();
  await page.goto(FORBIDDEN + '/embed.html');
  const input = page.locator('#box input[type="search"]');
  await input.click();
  await input.pressSequentially('detention', { delay: 20 });
  await page.locator('#box .msg', { hasText: 'cannot be reached' }).waitFor();
  equal(await page.locator('#box [role="option"]').count(), 0, 'no options');
  await page.close();
});

test('a title made of markup is text everywhere', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=alert');
  const hit = page.locator('.hit-title a', { hasText: 'alert(1)' });
  equal(await hit.innerText(), HOSTILE_TITLE, 'title in the results');
  equal(await page.locator('.hit img, .hit b, .hit script').count(), 0, 'no markup from the data');
  equal(await page.locator('script').count(), 1, 'only the page script');
  await hit.click();
  await page.waitForURL(/\/releases\/hostile$/);
  equal(await page.locator('h1').innerText(), HOSTILE_TITLE, 'title on its page');
  equal(await page.locator('main img, main b, main i').count(), 0, 'no markup on its page');
  assert((await page.locator('.release-text').innerText()).includes('<img src=x onerror=alert(2)>'), 'body as text');

  // The feed, parsed by the browser's XML parser.
  const xml = await (await fetch(ARCHIVE + '/feed.atom?q=alert')).text();
  const feed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const entry = [...doc.getElementsByTagName('entry')].find((e) => e.getElementsByTagName('id')[0].textContent.endsWith('/hostile'));
    return { title: entry.getElementsByTagName('title')[0].textContent, children: entry.getElementsByTagName('title')[0].children.length };
  }, xml);
  equal(feed.error, undefined, 'feed parses');
  equal(feed.title, HOSTILE_TITLE, 'title in the feed');
  equal(feed.children, 0, 'no elements inside the feed title');

  // The CSV, as RFC 4180 quotes it.
  const csv = await (await fetch(ARCHIVE + '/export.csv?q=alert')).text();
  assert(csv.includes('"<script>alert(1)</script> & ""quotes"""'), 'title quoted in the CSV');

  // The widget on another site.
  await page.goto(ALLOWED + '/embed.html');
  const input = page.locator('#box input[type="search"]');
  await input.click();
  await input.pressSequentially('alert', { delay: 20 });
  const title = page.locator('#box [role="option"] .t', { hasText: 'alert(1)' });
  await title.waitFor();
  equal(await title.innerText(), HOSTILE_TITLE, 'title in the widget');
  equal(await page.locator('#box [role="option"] img, #box [role="option"] b, #box script').count(), 0, 'no markup in the widget');
  equal(dialogs.length, 0, `no alert() ran (${dialogs.join(', ')})`);
  await page.close();
});

test('works without JavaScript: server-rendered search and filters', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const page = await plain.newPage();
  await page.goto(ARCHIVE + '/');
  await page.locator('#q').fill('detention');
  await page.locator('#q').press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === 'detention');
  equal(await resultsCount(page), (await api('/api/search?q=detention')).total, 'results rendered on the server');
  await page.locator('input[name="topic"][value="Asylum"]').check();
  await page.locator('button', { hasText: 'Apply filters' }).click();
  await page.waitForURL((u) => u.searchParams.get('topic') === 'Asylum');
  equal(await resultsCount(page), (await api('/api/search?q=detention&topic=Asylum')).total, 'filtered on the server');
  await plain.close();
});

test('accessible: landmarks, labels, skip link, visible focus', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/?q=detention');
  for (const selector of ['header.masthead', 'main#main', 'nav[aria-label]', 'footer', '[role="search"]', 'aside[aria-labelledby]'])
    equal(await page.locator(selector).count() > 0, true, `landmark ${selector}`);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input:not([type="hidden"]), select')].filter((e) => !e.labels.length && !e.getAttribute('aria-label')).length);
  equal(unlabelled, 0, 'every field has a label');
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { cls: a.className, top: r.top, outline: getComputedStyle(a).outlineStyle };
  });
  equal(skip.cls, 'skip-link', 'the first Tab reaches the skip link');
  assert(skip.top >= 0, 'the skip link shows when focused');
  await page.locator('.hit-title a').first().focus();
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert(ring !== 'none', `focus ring on links (${ring})`);
  await page.close();
});

test('the archive browse counts every year and month', async () => {
  const page = await newPage();
  await page.goto(ARCHIVE + '/archive');
  const years = (await api('/api/search?facets=year&size=1')).facets.year;
  for (const { value, count } of years)
    equal(Number(await page.locator(`tr:has(a[href="/archive/${value}"]) .year-total`).innerText()), count, `year ${value}`);
  await page.locator('a[href="/archive/2019"]').click();
  await page.waitForURL(/\/archive\/2019$/);
  const month = page.locator('.month-strip a').first();
  await month.click();
  await page.waitForURL(/\/archive\/2019\/\d\d$/);
  assert((await page.locator('.listing-item').count()) > 0, 'the month lists its releases');
  await page.close();
});

test('the widget is small and the pages are fast to load', async () => {
  const widget = fs.readFileSync(path.join(WEB_DIR, 'widget.js'));
  const gz = zlib.gzipSync(widget, { level: 9 }).length;
  assert(gz < 15 * 1024, `widget.js is ${gz} bytes gzipped`);
  const res = await fetch(ARCHIVE + '/widget.js', { headers: { 'Accept-Encoding': 'gzip' } });
  const etag = res.headers.get('etag');
  assert(etag, 'ETag on widget.js');
  const again = await fetch(ARCHIVE + '/widget.js', { headers: { 'If-None-Match': etag } });
  equal(again.status, 304, 'revalidation');
});

test('screenshots of the search page, a release page and the widget', async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const shots = [
    ['search-desktop.png', ARCHIVE + '/?q=detention', 1280, 900],
    ['search-phone.png', ARCHIVE + '/?q=detention&topic=Asylum', 390, 844],
    ['release-desktop.png', ARCHIVE + '/releases/r04', 1280, 900],
    ['release-phone.png', ARCHIVE + '/releases/r04', 390, 844],
    ['archive-desktop.png', ARCHIVE + '/archive', 1280, 900],
  ];
  for (const [file, url, w, h] of shots) {
    const page = await newPage(w, h);
    await page.goto(url);
    await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: false });
    await page.close();
  }
  const page = await newPage(900, 700);
  await page.goto(ALLOWED + '/embed.html');
  const input = page.locator('#box input[type="search"]');
  await input.click();
  await input.pressSequentially('detention', { delay: 10 });
  await page.locator('#box [role="option"]').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: path.join(ARTIFACTS, 'widget.png') });
  await page.close();
});

test('no script errors and no Content-Security-Policy violations', async () => {
  equal(pageErrors.length, 0, pageErrors.join('\n'));
});

// ---- main -------------------------------------------------------------------------------

async function main() {
  for (const [what, file] of [['pressroom-server', SERVER_BIN], ['pressroom-index', INDEX_BIN], ['chromium', CHROMIUM]])
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file} (build first; scripts/install-deps.sh --test installs chromium)`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    throw new Error('playwright-core is not installed: run scripts/install-deps.sh --test (npm ci in tests/browser)');
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-browser-'));
  const children = [];
  const servers = [];
  let server = null;
  let serverClosed = null;  // [code, signal] once it ended and its stderr is read
  let serverLog = '';
  let stopped = 0;
  try {
    fs.mkdirSync(path.join(tmp, 'archive'));
    fs.writeFileSync(path.join(tmp, 'archive/releases.jsonl'), fixture().map((r) => JSON.stringify(r)).join('\n') + '\n');
    const index = spawnSync(INDEX_BIN, ['--db', path.join(tmp, 'db'), path.join(tmp, 'archive')], { encoding: 'utf8' });
    if (index.status !== 0) throw new Error('pressroom-index failed: ' + index.stderr);

    const [port, allowedPort, forbiddenPort] = [await freePort(), await freePort(), await freePort()];
    ARCHIVE = `http://127.0.0.1:${port}`;
    ALLOWED = `http://127.0.0.1:${allowedPort}`;
    FORBIDDEN = `http://127.0.0.1:${forbiddenPort}`;
    server = spawn(SERVER_BIN, ['--db', path.join(tmp, 'db'), '--bind', '127.0.0.1', '--port', String(port),
      '--web-dir', WEB_DIR, '--cors-origin', ALLOWED, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(server);
    server.stderr.on('data', (d) => { serverLog += d; });
    serverClosed = new Promise((resolve) => server.once('close', (code, signal) => resolve([code, signal])));
    await waitFor(ARCHIVE + '/healthz', 10000).catch((e) => { throw new Error(e.message + '\n' + serverLog); });
    servers.push(await serveHostPage(allowedPort, ARCHIVE), await serveHostPage(forbiddenPort, ARCHIVE));

    // Playwright gives the browser a fresh temporary --user-data-dir of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext();
    context.setDefaultTimeout(8000);

    let passed = 0;
    let failed = 0;
    const started = Date.now();
    for (const t of tests) {
      const t0 = Date.now();
      try {
        await t.fn();
        passed++;
        console.log(`ok   ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${t.name}\n     ${String(e && e.message ? e.message : e).split('\n').join('\n     ')}`);
      }
    }
    console.log(`screenshots in ${ARTIFACTS}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    if (failed !== 0) return 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    for (const s of servers) s.close();
    for (const c of children) c.kill('SIGTERM');
    // A clean stop is part of the test: in the sanitizer build, a memory error
    // or a leak found at exit makes the server's status non-zero.
    if (server) stopped = await stopStatus(server, serverClosed, () => serverLog);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return stopped;
}

// 0 when `child` ends with status 0 within 20 s of SIGTERM; else 1, said why.
async function stopStatus(child, closed, log) {
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve([null, 'no exit within 20 s']), 20000); });
  const [code, signal] = await Promise.race([closed, timeout]);
  clearTimeout(timer);
  if (code === 0) return 0;
  child.kill('SIGKILL');
  console.log(`FAIL server stop\n     pressroom-server ended with ${code !== null ? 'status ' + code : signal} on SIGTERM:\n     ` +
    log().split('\n').slice(-40).join('\n     '));
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`FAIL setup\n     ${e.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
