/*! pressroom search box — embed on any site:
 *    <script src="https://ARCHIVE/widget.js" async></script>
 *    <div data-pressroom-search></div>
 *  Options (data- attributes on the div): data-results (1–20, default 5),
 *  data-topic (a fixed topic filter), data-lang (en | es: the box's language),
 *  data-placeholder. Theming: --pressroom-accent, --pressroom-font.
 *  See docs/embedding.md. */
(function () {
  'use strict';

  // The archive is wherever this script came from, so one snippet works on
  // any site; the API answers that site only if the operator allowed its
  // origin (--cors-origin).
  var script = document.currentScript ||
    document.querySelector('script[src$="/widget.js"],script[src*="/widget.js?"]');
  if (!script || !script.src) return;
  var BASE = new URL('.', script.src).href.replace(/\/$/, '');

  var TEXT = {
    en: {
      label: 'Search the press archive', placeholder: 'Search press releases', button: 'Search',
      results: 'Results', none: 'No releases match.', failed: 'The archive cannot be reached right now.',
      searching: 'Searching…', all: function (n) { return 'See all ' + n + ' results'; },
      found: function (n) { return n === 1 ? '1 release found' : n + ' releases found'; }
    },
    es: {
      label: 'Buscar en el archivo de prensa', placeholder: 'Buscar comunicados', button: 'Buscar',
      results: 'Resultados', none: 'Ningún comunicado coincide.', failed: 'No se puede acceder al archivo ahora.',
      searching: 'Buscando…', all: function (n) { return 'Ver los ' + n + ' resultados'; },
      found: function (n) { return n === 1 ? '1 comunicado' : n + ' comunicados'; }
    }
  };

  var CSS = [
    ':host{all:initial;display:block;position:relative;font:15px/1.45 var(--pressroom-font,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif);color:#1b1b1f;text-align:left}',
    '*{box-sizing:border-box}',
    '.vh{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    'form{margin:0}',
    '.row{display:flex;gap:6px}',
    'input{flex:1;min-width:0;font:inherit;color:inherit;background:#fff;border:1px solid #8c8a84;border-radius:6px;padding:.55em .7em}',
    'input:focus{outline:3px solid #c2410c;outline-offset:1px}',
    'button{font:inherit;font-weight:600;border:1px solid var(--pressroom-accent,#1d4f91);background:var(--pressroom-accent,#1d4f91);color:#fff;border-radius:6px;padding:.55em 1em;cursor:pointer}',
    'button:focus-visible{outline:3px solid #c2410c;outline-offset:2px}',
    '.panel{position:absolute;left:0;right:0;top:calc(100% + 4px);z-index:2147483000;background:#fff;border:1px solid #b9b6ac;border-radius:8px;box-shadow:0 12px 32px rgba(20,20,40,.18);padding:4px;max-height:70vh;overflow:auto}',
    'ul{list-style:none;margin:0;padding:0}',
    'li{border-radius:5px}',
    'li[aria-selected="true"]{background:#e7eef8;outline:2px solid var(--pressroom-accent,#1d4f91);outline-offset:-2px}',
    'a{display:block;padding:8px 10px;color:inherit;text-decoration:none;border-radius:5px}',
    'a:hover{background:#f3f2ee}',
    '.t{display:block;font-weight:700;color:var(--pressroom-accent,#1d4f91);line-height:1.3}',
    '.d{display:block;font-size:.8em;color:#5d5d69;margin:2px 0}',
    '.s{display:block;font-size:.88em;color:#3d3d47;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}',
    'mark{background:#ffe88a;color:inherit;padding:0 .1em}',
    '.all a{font-weight:600;color:var(--pressroom-accent,#1d4f91);border-top:1px solid #e3e1da;border-radius:0 0 5px 5px}',
    '.msg{margin:0;padding:10px;color:#4a4a55;font-size:.9em}',
    '.msg:empty{display:none}'
  ].join('\n');

  var sheet = null;
  function style(root) {
    // A constructed sheet needs no inline <style>, so the box also works on
    // pages whose Content-Security-Policy forbids inline styles.
    try {
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
      }
      root.adoptedStyleSheets = [sheet];
    } catch (e) {
      var s = document.createElement('style');
      s.textContent = CSS;
      root.appendChild(s);
    }
  }

  function make(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text != null) n.textContent = text;
    return n;
  }

  // The API's snippet is HTML-escaped text with <mark>; it is rebuilt here as
  // text nodes and <mark> elements, never parsed as HTML.
  function decode(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|#x[0-9a-fA-F]+|#[0-9]+);/g, function (_, e) {
      var map = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
      if (map[e]) return map[e];
      var code = e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try { return String.fromCodePoint(code); } catch (err) { return '\uFFFD'; }
    });
  }
  function snippet(html) {
    var out = make('span', 's');
    var marked = false;
    html.split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === '<mark>') { marked = true; return; }
      if (part === '</mark>') { marked = false; return; }
      if (!part) return;
      var text = document.createTextNode(decode(part));
      if (marked) { var m = make('mark'); m.appendChild(text); out.appendChild(m); } else out.appendChild(text);
    });
    return out;
  }

  function releaseUrl(id) {
    return BASE + '/releases/' + String(id).split('/').map(encodeURIComponent).join('/');
  }

  function mount(host) {
    if (!host || host.shadowRoot || host.__pressroom) return;
    host.__pressroom = true;
    var lang = (host.getAttribute('data-lang') || document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
    var t = TEXT[lang] || TEXT.en;
    var size = Math.min(20, Math.max(1, parseInt(host.getAttribute('data-results'), 10) || 5));
    var topic = host.getAttribute('data-topic') || '';
    var dates;
    try { dates = new Intl.DateTimeFormat(TEXT[lang] ? lang : 'en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }); } catch (e) { dates = null; }

    var root = host.attachShadow({ mode: 'open' });
    style(root);
    var form = make('form');
    form.setAttribute('role', 'search');
    form.action = BASE + '/';
    form.method = 'get';
    var label = make('label', 'vh', t.label);
    label.htmlFor = 'q';
    var row = make('div', 'row');
    var input = make('input');
    input.id = 'q';
    input.name = 'q';
    input.type = 'search';
    input.autocomplete = 'off';
    input.placeholder = host.getAttribute('data-placeholder') || t.placeholder;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', 'list');
    var button = make('button', null, t.button);
    button.type = 'submit';
    row.appendChild(input);
    if (topic) {
      var fixed = make('input');
      fixed.type = 'hidden';
      fixed.name = 'topic';
      fixed.value = topic;
      row.appendChild(fixed);
    }
    row.appendChild(button);
    var panel = make('div', 'panel');
    panel.hidden = true;
    var list = make('ul');
    list.id = 'list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', t.results);
    var msg = make('p', 'msg');
    msg.setAttribute('role', 'status');
    msg.setAttribute('aria-live', 'polite');
    panel.appendChild(list);
    panel.appendChild(msg);
    form.appendChild(label);
    form.appendChild(row);
    form.appendChild(panel);
    root.appendChild(form);

    var options = [];
    var active = -1;
    var timer = 0;
    var asked = 0;

    function open(on) {
      panel.hidden = !on;
      input.setAttribute('aria-expanded', on && options.length ? 'true' : 'false');
      if (!on) highlight(-1);
    }
    function highlight(i) {
      if (options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function query(extra) {
      var p = new URLSearchParams();
      p.set('q', input.value.trim());
      if (topic) p.set('topic', topic);
      for (var k in extra) p.set(k, extra[k]);
      return p.toString();
    }
    function option(i, href, parts) {
      var li = make('li');
      li.id = 'o' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var a = make('a');
      a.href = href;
      a.tabIndex = -1;
      parts.forEach(function (p) { a.appendChild(p); });
      li.appendChild(a);
      li.addEventListener('mousedown', function (e) { e.preventDefault(); });  // keep focus in the field
      return li;
    }
    function render(data) {
      list.replaceChildren();
      options = [];
      active = -1;
      (data.results || []).forEach(function (r, i) {
        var when = r.date;
        try { if (dates) when = dates.format(new Date(r.date + 'T00:00:00Z')); } catch (e) { /* keep ISO */ }
        var parts = [make('span', 't', r.title), make('span', 'd', when)];
        if (r.snippet) parts.push(snippet(r.snippet));
        options.push(option(i, releaseUrl(r.id), parts));
      });
      if (data.total > options.length) {
        var more = option(options.length, BASE + '/?' + query({}), [document.createTextNode(t.all(data.total))]);
        more.className = 'all';
        options.push(more);
      }
      options.forEach(function (o) { list.appendChild(o); });
      msg.textContent = data.total ? t.found(data.total) : t.none;
      if (data.total) msg.className = 'msg vh'; else msg.className = 'msg';
      open(true);
    }
    function search() {
      var q = input.value.trim();
      if (q.length < 2) { open(false); return; }
      var mine = ++asked;
      msg.className = 'msg vh';
      msg.textContent = t.searching;
      fetch(BASE + '/api/search?' + query({ size: String(size), facets: 'none' }), { mode: 'cors', credentials: 'omit' })
        .then(function (res) { if (!res.ok) throw new Error(res.status); return res.json(); })
        .then(function (data) { if (mine === asked) render(data); })
        .catch(function () {
          if (mine !== asked) return;
          list.replaceChildren();
          options = [];
          msg.className = 'msg';
          msg.textContent = t.failed;
          open(true);
        });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(search, 180);
    });
    input.addEventListener('keydown', function (e) {
      var showing = !panel.hidden && options.length;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        if (panel.hidden && options.length) open(true);
        else if (showing) highlight(active + 1 >= options.length ? 0 : active + 1);
      } else if (e.key === 'ArrowUp') {
        if (!showing) return;
        e.preventDefault();
        highlight(active <= 0 ? options.length - 1 : active - 1);
      } else if (e.key === 'Enter' && showing && active >= 0) {
        e.preventDefault();
        window.location.assign(options[active].querySelector('a').href);
      } else if (e.key === 'Escape') {
        if (!panel.hidden) { e.preventDefault(); open(false); }
      }
    });
    input.addEventListener('focus', function () { if (options.length) open(true); });
    // Close when focus or a click goes anywhere outside this box.
    root.addEventListener('focusout', function (e) { if (!e.relatedTarget || !root.contains(e.relatedTarget)) open(false); });
    document.addEventListener('click', function (e) {
      if (e.composedPath().indexOf(host) < 0) open(false);
    });
  }

  function mountAll(scope) {
    var found = (scope || document).querySelectorAll('[data-pressroom-search]');
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  window.PressroomSearch = { mount: mount, base: BASE };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { mountAll(); });
  else mountAll();
  // Boxes added later (single-page sites) are mounted as they appear.
  if (window.MutationObserver) {
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        r.addedNodes.forEach(function (n) {
          if (n.nodeType !== 1) return;
          if (n.hasAttribute('data-pressroom-search')) mount(n);
          mountAll(n);
        });
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
