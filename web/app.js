// pressroom — what the pages do with JavaScript on. Everything works without
// it: the server renders every search (one renderer), and this script only
// makes it quicker: suggestions as you type, and searches that swap the
// results in place while the URL (and so bookmarks, reload, back and forward)
// keeps the whole state. No framework, no build step.
'use strict';

document.documentElement.classList.add('js');

// ---- helpers ----------------------------------------------------------------

// The order the server writes parameters in (server/search_params.cc), so a
// URL built here is the same string as the server's links for that search.
const PARAM_ORDER = ['q', 'topic', 'spokesperson', 'type', 'from', 'to', 'sort', 'match', 'page', 'size'];

function canonicalQuery(pairs) {
  const kept = pairs
    .map(([k, v]) => [k, String(v).trim()])
    .filter(([k, v]) => v !== '' && PARAM_ORDER.includes(k));
  kept.sort((a, b) => PARAM_ORDER.indexOf(a[0]) - PARAM_ORDER.indexOf(b[0]));  // stable
  const params = new URLSearchParams();
  for (const [k, v] of kept) params.append(k, v);
  const qs = params.toString().replace(/\+/g, '%20');
  return qs ? '?' + qs : '';
}

function releasePath(id) {
  return '/releases/' + id.split('/').map(encodeURIComponent).join('/');
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function longDate(iso) {
  const d = new Date(iso + 'T00:00:00Z');
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function typeLabel(type) {
  if (type === 'op-ed') return 'Op-ed';
  const s = String(type || '').replace(/[-_]/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const narrow = window.matchMedia('(max-width: 880px)');

// ---- suggestions: an ARIA 1.2 combobox on a search field ----------------------

const KIND_LABEL = { topic: 'Topic', spokesperson: 'Spokesperson', title: 'Release' };

function attachSuggestions(input, onPick) {
  const holder = input.parentElement;
  holder.classList.add('has-suggestions');
  const list = el('ul', 'suggestions');
  list.id = input.id + '-suggestions';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggestions');
  list.hidden = true;
  holder.appendChild(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let items = [];
  let active = -1;
  let timer = 0;
  let asked = 0;  // only the answer to the latest question is shown
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    const options = list.children;
    if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[active].id);
      options[active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function render(suggestions) {
    // A late answer must not take away an option chosen with the keyboard
    // meanwhile: the same suggestion stays chosen in the new list.
    const chosen = !list.hidden && active >= 0 ? items[active] : null;
    items = suggestions;
    list.replaceChildren();
    active = -1;
    if (!items.length) return close();
    items.forEach((s, i) => {
      const option = el('li', 'suggestion');
      option.id = list.id + '-' + i;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.append(el('span', 'suggestion-kind', KIND_LABEL[s.kind] || s.kind));
      option.append(el('span', 'suggestion-value', s.value));
      const extra = s.kind === 'title' ? longDate(s.date || '') : s.count + (s.count === 1 ? ' release' : ' releases');
      option.append(el('span', 'suggestion-extra', extra));
      // mousedown, not click: the field keeps focus, so the list is still there.
      option.addEventListener('mousedown', (e) => {
        e.preventDefault();
        pick(i);
      });
      list.append(option);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    const kept = chosen ? items.findIndex((s) => s.kind === chosen.kind && s.value === chosen.value) : -1;
    if (kept >= 0) highlight(kept);
  }

  function pick(index) {
    const s = items[index];
    close();
    if (s) onPick(s);
  }

  async function ask() {
    const q = input.value.trim();
    if (q.length < 2) return close();
    const mine = ++asked;
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const res = await fetch('/api/suggest?size=8&q=' + encodeURIComponent(q), { signal: controller.signal });
      if (!res.ok) return close();
      const data = await res.json();
      if (mine === asked && document.activeElement === input) render(data.suggestions || []);
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 120);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) { if (items.length) render(items); return; }
      highlight(active + 1 >= items.length ? 0 : active + 1);
    } else if (e.key === 'ArrowUp') {
      if (!open) return;
      e.preventDefault();
      highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      if (open && active >= 0) {
        e.preventDefault();
        pick(active);
      } else {
        close();
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        close();
      }
    } else if (e.key === 'Tab') {
      close();
    }
  });
  input.addEventListener('blur', close);
  return { close };
}

// ---- the search page: searches swap #results-area in place ---------------

function initSearchPage() {
  const form = document.getElementById('search');
  const input = document.getElementById('q');
  if (!form || !input || !document.getElementById('results-area')) return;
  const live = document.getElementById('live-status');
  let controller = null;

  const area = () => document.getElementById('results-area');

  function formQuery(extra) {
    const pairs = [];
    for (const [k, v] of new FormData(form)) pairs.push([k, v]);
    return canonicalQuery(extra ? extra(pairs) : pairs);
  }

  function fitFilters(wasOpen) {
    const panel = document.querySelector('.filters-panel');
    if (panel) panel.open = narrow.matches ? Boolean(wasOpen) : true;
  }

  // `focus`: 'results' (after a link: the reader continues in the results),
  // a function returning the element to focus, or null (leave focus alone).
  async function go(url, { push = true, focus = 'results' } = {}) {
    const target = new URL(url, location.href);
    if (controller) controller.abort();
    controller = new AbortController();
    area().setAttribute('aria-busy', 'true');
    let doc;
    try {
      const res = await fetch(target, { headers: { Accept: 'text/html' }, signal: controller.signal });
      doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    } catch (e) {
      if (e.name === 'AbortError') return;
      location.assign(target);  // let the browser fetch it the ordinary way
      return;
    }
    const fresh = doc.getElementById('results-area');
    if (!fresh) {
      location.assign(target);
      return;
    }
    if (push) history.pushState({ pressroom: true }, '', target);
    const panel = document.querySelector('.filters-panel');
    const wasOpen = panel && panel.open;
    area().replaceWith(document.adoptNode(fresh));
    fitFilters(wasOpen);
    document.title = doc.title;
    for (const rel of ['alternate', 'canonical']) {
      const mine = document.querySelector(`link[rel="${rel}"]`);
      const theirs = doc.querySelector(`link[rel="${rel}"]`);
      if (mine && theirs) {
        mine.href = theirs.getAttribute('href');
        if (theirs.title) mine.title = theirs.title;
      }
    }
    const q = doc.getElementById('q');
    if (q && document.activeElement !== input) input.value = q.value;
    const count = document.getElementById('results-count');
    if (live && count) live.textContent = count.textContent;
    const results = document.getElementById('results');
    if (focus === 'results' && results) {
      results.focus({ preventScroll: true });
      if (results.getBoundingClientRect().top < 0) results.scrollIntoView({ block: 'start' });
    } else if (typeof focus === 'function') {
      const next = focus();
      if (next) next.focus();
    }
  }

  // Refocus "the same" control in the new results area: by id, or by
  // name and value for checkboxes.
  function sameControl(control) {
    if (control.id) return () => document.getElementById(control.id);
    const selector = `input[name="${CSS.escape(control.name)}"][value="${CSS.escape(control.value)}"]`;
    return () => document.querySelector(selector);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    suggest.close();
    const submitter = e.submitter;
    const from = submitter && submitter !== form.querySelector('button[type="submit"]') ? submitter : document.activeElement;
    const keep = from && from !== document.body && from.closest('#results-area') ? sameControl(from) : null;
    go('/' + formQuery(), { focus: keep });
  });

  document.addEventListener('change', (e) => {
    const t = e.target;
    if (!(t instanceof HTMLElement) || !t.closest('#results-area')) return;
    if ((t.matches('input[type="checkbox"]') || t.matches('select')) && t.form === form) {
      go('/' + formQuery(), { focus: sameControl(t) });
    }
  });

  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!a || !a.closest('#results-area') || a.hasAttribute('download') || a.target) return;
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || url.pathname !== '/') return;
    e.preventDefault();
    go(url);
  });

  window.addEventListener('popstate', () => go(location.href, { push: false, focus: null }));

  const suggest = attachSuggestions(input, (s) => {
    if (s.kind === 'title') {
      location.assign(releasePath(s.id));
      return;
    }
    // A name or a topic becomes a filter; the words typed were its beginning.
    input.value = '';
    go('/' + formQuery((pairs) => pairs.filter(([k]) => k !== 'q').concat([[s.kind, s.value]])));
  });

  fitFilters(false);
  narrow.addEventListener('change', () => fitFilters(false));
}

// ---- the search box in the masthead of other pages ----------------------

function initMiniSearch() {
  const input = document.getElementById('mini-q');
  if (!input) return;
  const holder = el('span', 'mini-search-field');
  input.replaceWith(holder);
  holder.append(input);
  attachSuggestions(input, (s) => {
    location.assign(s.kind === 'title' ? releasePath(s.id) : '/' + canonicalQuery([[s.kind, s.value]]));
  });
}

// ---- release pages --------------------------------------------------------

function initReleasePage() {
  const status = document.querySelector('.copy-status');
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const source = document.querySelector(button.dataset.copy);
      if (!source) return;
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        button.textContent = 'Copied';
        if (status) status.textContent = 'Citation copied to the clipboard.';
      } catch {
        // No clipboard permission: select it so Ctrl+C works.
        const range = document.createRange();
        range.selectNodeContents(source);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        if (status) status.textContent = 'Citation selected: press Ctrl+C to copy it.';
      }
      setTimeout(() => { button.textContent = 'Copy citation'; }, 2500);
    });
  }
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
  loadSimilar();
}

// /api/releases/{id}/related, where the server has it: releases like this one
// by their words, shown above the same-topic timeline the page came with.
async function loadSimilar() {
  const section = document.getElementById('related');
  const id = section && section.dataset.releaseId;
  if (!id) return;
  let list;
  try {
    const res = await fetch('/api' + releasePath(id) + '/related', { headers: { Accept: 'application/json' } });
    if (!res.ok) return;
    const data = await res.json();
    list = Array.isArray(data) ? data : data.results || data.related || [];
  } catch {
    return;
  }
  list = list.filter((r) => r && r.id && r.id !== id && r.title).slice(0, 5);
  if (!list.length) return;
  const similar = el('section', 'related similar');
  similar.id = 'similar';
  similar.setAttribute('aria-labelledby', 'similar-title');
  const heading = el('h2', '', 'Similar releases');
  heading.id = 'similar-title';
  const ul = el('ul', 'related-list');
  for (const r of list) {
    const li = el('li');
    const a = el('a', '', r.title);
    a.href = releasePath(r.id);
    const meta = el('span', 'related-meta');
    const time = el('time', '', longDate(r.date || ''));
    time.dateTime = r.date || '';
    meta.append(time, ' · ' + typeLabel(r.type));
    li.append(a, meta);
    ul.append(li);
  }
  similar.append(heading, ul);
  if (section.hidden) {
    section.replaceWith(similar);
  } else {
    section.before(similar);
  }
}

initSearchPage();
initMiniSearch();
if (document.body.classList.contains('page-release')) initReleasePage();
