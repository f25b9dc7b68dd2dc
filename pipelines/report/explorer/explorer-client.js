/*
 * Mechanism Atlas explorer, the script inlined in output/explorer/index.html.
 * It reads the JSON blocks #atlas-data and #atlas-specs, draws the two charts
 * with vega-embed, lists the claims behind a cell, searches paragraphs with
 * MiniSearch and renders the reader. Document text only ever enters the page
 * as text nodes (append / textContent), never as HTML.
 *
 * Hashes: #<doc-slug>/<para_no> opens a paragraph in the reader;
 * #claims?mechanism=…&region=…&theme=…&role=…&doc=… lists claims;
 * #search?q=… runs a search.
 */
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('atlas-data').textContent);
  const specs = JSON.parse($('atlas-specs').textContent);
  const MAX_LISTED = 300;

  const docById = new Map(data.documents.map((d) => [d.doc_id, d]));
  const docBySlug = new Map(data.documents.map((d) => [d.slug, d]));
  const mechById = new Map(data.mechanisms.map((m) => [m.mechanism_id, m]));
  const themeById = new Map(data.themes.map((t) => [t.theme_id, t]));
  const paraKey = (docId, paraNo) => docId + '/' + paraNo;
  const claimsByPara = groupBy(data.claims, (c) => paraKey(c.doc_id, c.para_no));
  const parasByDoc = groupBy(data.paragraphs, (p) => p.doc_id);
  const headingsBefore = groupBy(data.headings, (h) => paraKey(h.doc_id, h.before_para));

  function groupBy(rows, key) {
    const m = new Map();
    for (const r of rows) {
      const k = key(r);
      if (!m.has(k)) m.set(k, []);
      m.get(k).push(r);
    }
    return m;
  }

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v != null) e.setAttribute(k, String(v));
    e.append(...children);
    return e;
  }

  /** Text with the given [start, end, …] spans wrapped in <mark>; markAttrs(span) gives each mark's attributes. */
  function markedText(text, spans, markAttrs) {
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const s of spans) {
      if (s[0] < at) continue;
      frag.append(text.slice(at, s[0]), el('mark', markAttrs ? markAttrs(s) : {}, text.slice(s[0], s[1])));
      at = s[1];
    }
    frag.append(text.slice(at));
    return frag;
  }

  function citation(docId, paraNo) {
    return docById.get(docId).symbol + ', para. ' + paraNo;
  }

  function paraLink(docId, paraNo) {
    const href = '#' + docById.get(docId).slug + '/' + paraNo;
    return el('a', { class: 'cite', href }, citation(docId, paraNo));
  }

  function mechanismLabel(m) {
    return m.acronym === m.name ? m.name : m.name + ' (' + m.acronym + ')';
  }

  // ---------------------------------------------------------------------------
  // Filters

  const f = { region: $('f-region'), mechanism: $('f-mechanism'), theme: $('f-theme'), role: $('f-role'), doc: $('f-doc') };

  function option(value, label) { return el('option', { value }, label); }

  f.region.append(option('', 'All regions'), ...data.regions.map((r) => option(r, r)));
  f.mechanism.append(option('', 'All mechanisms'), ...data.regions.map((r) => el('optgroup', { label: r },
    ...data.mechanisms.filter((m) => m.region === r).map((m) => option(m.mechanism_id, m.acronym)))));
  f.theme.append(option('', 'All themes'), ...data.themes.map((t) => option(t.theme_id, t.label)));
  f.role.append(option('', 'All roles'), ...data.roles.map((r) => option(r, r)));
  f.doc.append(option('', 'All documents'), ...data.documents.map((d) => option(d.doc_id, d.symbol)));

  function state() {
    return { region: f.region.value, mechanism: f.mechanism.value, theme: f.theme.value, role: f.role.value, doc: f.doc.value };
  }

  function claimMatches(c, s) {
    return (!s.doc || c.doc_id === s.doc) && (!s.mechanism || c.mechanism_id === s.mechanism)
      && (!s.region || mechById.get(c.mechanism_id).region === s.region)
      && (!s.theme || c.theme_id === s.theme) && (!s.role || c.role === s.role);
  }

  /** Whether any filter narrows claims (the document filter alone does not). */
  function claimFilterSet(s) { return Boolean(s.region || s.mechanism || s.theme || s.role); }

  // ---------------------------------------------------------------------------
  // Claims

  function renderClaims() {
    const s = state();
    const list = $('claims');
    list.replaceChildren();
    const summary = $('claims-summary');
    if (!claimFilterSet(s)) {
      $('claims-title').textContent = 'Claims';
      summary.textContent = 'Click a cell of a chart (or focus it and press Enter), or choose a filter, to list the claims behind it.';
      return;
    }
    const subject = s.mechanism ? mechById.get(s.mechanism).acronym : s.region || 'All mechanisms';
    $('claims-title').textContent = subject + (s.theme ? ' × ' + themeById.get(s.theme).label : '');
    const found = data.claims.filter((c) => claimMatches(c, s));
    const paras = new Set(found.map((c) => paraKey(c.doc_id, c.para_no)));
    const actors = new Set(found.filter((c) => c.role === 'actor').map((c) => paraKey(c.doc_id, c.para_no)));
    summary.textContent = found.length + (found.length === 1 ? ' claim' : ' claims') + ' in ' + paras.size
      + (paras.size === 1 ? ' paragraph' : ' paragraphs') + ' (' + actors.size + ' with the mechanism as actor, the ones counted)'
      + (s.role ? '; role: ' + s.role : '') + (s.doc ? '; document: ' + docById.get(s.doc).symbol : '')
      + (found.length > MAX_LISTED ? '; the first ' + MAX_LISTED + ' are listed' : '') + '.';
    for (const c of found.slice(0, MAX_LISTED)) {
      const m = mechById.get(c.mechanism_id);
      list.append(el('li', { class: 'claim', 'data-para': c.para_no },
        el('p', { class: 'meta' },
          el('strong', { title: m.name }, m.acronym), ' · ',
          el('span', { class: 'role role-' + c.role, title: 'Role of the mechanism in this claim' }, c.role), ' · ',
          themeById.get(c.theme_id).label, ' · ', paraLink(c.doc_id, c.para_no)),
        el('blockquote', {}, markedText(c.quote, c.marks, () => ({ title: mechanismLabel(m) })))));
    }
  }

  // ---------------------------------------------------------------------------
  // Search

  const mini = new MiniSearch({
    fields: ['text'],
    searchOptions: { prefix: true, fuzzy: (term) => (term.length > 5 ? 0.15 : false), combineWith: 'AND' },
  });
  mini.addAll(data.paragraphs.map((p, i) => ({ id: i, text: p.text })));

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  /** [start, end] spans of the matched terms in text, sorted. */
  function termSpans(text, terms) {
    const spans = [];
    for (const t of terms) {
      const re = new RegExp(escapeRegExp(t), 'giu');
      for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
    }
    return spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  }

  /** About 240 characters around the first hit, spans shifted to the excerpt. */
  function excerpt(text, spans) {
    const first = spans.length ? spans[0][0] : 0;
    let start = Math.max(0, first - 90);
    let end = Math.min(text.length, start + 240);
    if (start > 0) start = text.lastIndexOf(' ', start) + 1;
    if (end < text.length) end = Math.max(text.indexOf(' ', end), end);
    if (end < 0) end = text.length;
    const inside = spans.filter((s) => s[0] >= start && s[1] <= end).map((s) => [s[0] - start, s[1] - start]);
    const frag = document.createDocumentFragment();
    frag.append(start > 0 ? '… ' : '', markedText(text.slice(start, end), inside), end < text.length ? ' …' : '');
    return frag;
  }

  function renderResults() {
    const q = $('q').value.trim();
    const section = $('search-section');
    const list = $('results');
    list.replaceChildren();
    if (!q) { section.hidden = true; return; }
    section.hidden = false;
    const s = state();
    const hits = mini.search(q);
    const shown = hits.filter((h) => {
      const p = data.paragraphs[h.id];
      if (s.doc && p.doc_id !== s.doc) return false;
      return !claimFilterSet(s) || (claimsByPara.get(paraKey(p.doc_id, p.para_no)) || []).some((c) => claimMatches(c, s));
    });
    $('search-summary').textContent = shown.length + (shown.length === 1 ? ' paragraph matches' : ' paragraphs match') + ' “' + q + '”'
      + (shown.length < hits.length ? ' (' + (hits.length - shown.length) + ' more outside the filters)' : '')
      + (shown.length > MAX_LISTED ? '; the first ' + MAX_LISTED + ' are listed' : '') + '.';
    for (const h of shown.slice(0, MAX_LISTED)) {
      const p = data.paragraphs[h.id];
      list.append(el('li', { class: 'result', 'data-para': p.para_no },
        el('p', { class: 'meta' }, paraLink(p.doc_id, p.para_no)),
        el('blockquote', {}, excerpt(p.text, termSpans(p.text, h.terms)))));
    }
  }

  // ---------------------------------------------------------------------------
  // Reader

  function readerDocs(s) {
    if (s.doc) return [docById.get(s.doc)];
    return data.documents.length <= 3 ? data.documents : data.documents.slice(0, 1);
  }

  function renderReader() {
    const s = state();
    const body = $('reader-body');
    body.replaceChildren();
    const docs = readerDocs(s);
    if (docs.length < data.documents.length && !s.doc) {
      body.append(el('p', { class: 'hint' }, 'Showing the first of ' + data.documents.length + ' documents; choose one with the Document filter.'));
    }
    for (const d of docs) {
      const article = el('article', { class: 'doc', 'aria-label': d.symbol },
        el('header', { class: 'doc-head' }, el('h3', {}, d.symbol), el('p', {}, d.title), el('p', {}, d.date)));
      for (const p of parasByDoc.get(d.doc_id) || []) {
        for (const h of headingsBefore.get(paraKey(d.doc_id, p.para_no)) || []) {
          article.append(el('h' + Math.min(6, h.level + 3), {}, (h.number ? h.number + '. ' : '') + h.label));
        }
        const id = d.slug + '/' + p.para_no;
        article.append(el('p', { class: 'para', id, tabindex: '-1' },
          el('a', { class: 'pno', href: '#' + id, 'aria-label': 'Link to paragraph ' + p.para_no }, String(p.para_no)),
          markedText(p.text, p.marks, (span) => {
            const m = mechById.get(span[2]);
            return { title: m ? mechanismLabel(m) : span[2], class: s.region && m && m.region !== s.region ? 'dim' : null };
          })));
      }
      body.append(article);
    }
  }

  let current = null;

  function openParagraph(doc, paraNo) {
    if (!readerDocs(state()).includes(doc)) {
      f.doc.value = doc.doc_id;
      filtersChanged(true);
    }
    const target = $(doc.slug + '/' + paraNo);
    if (current) current.classList.remove('current');
    current = target;
    if (!target) return;
    target.classList.add('current');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  // ---------------------------------------------------------------------------
  // Charts

  const cellKeys = { matrix: (d) => d.mechanism_id + '|' + d.theme_id, heatmap: (d) => d.region + '|' + d.theme_id };

  function openCell(kind, d) {
    if (kind === 'matrix') {
      f.mechanism.value = d.mechanism_id;
      f.region.value = mechById.get(d.mechanism_id).region;
    } else {
      f.mechanism.value = '';
      f.region.value = d.region;
    }
    f.theme.value = d.theme_id;
    filtersChanged(true);
    history.replaceState(null, '', '#claims?' + claimsQuery());
  }

  function claimsQuery() {
    const s = state();
    const q = new URLSearchParams();
    for (const k of ['mechanism', 'region', 'theme', 'role', 'doc']) if (s[k]) q.set(k, s[k]);
    return q.toString();
  }

  function cellPaths(kind) {
    return Array.from($(kind).querySelectorAll('.mark-rect path'))
      .filter((p) => p.__data__ && p.__data__.datum && p.__data__.datum.theme_id);
  }

  /** The selected cells get an outline: the matrix cell of the mechanism × theme, the heatmap cell of the region × theme. */
  function markSelected() {
    const s = state();
    const want = { matrix: s.mechanism && s.theme ? s.mechanism + '|' + s.theme : '', heatmap: !s.mechanism && s.region && s.theme ? s.region + '|' + s.theme : '' };
    for (const kind of ['matrix', 'heatmap']) {
      for (const p of cellPaths(kind)) p.classList.toggle('selected', cellKeys[kind](p.__data__.datum) === want[kind]);
    }
  }

  /** Cells become one tab stop per chart; arrow keys, Home and End move (by position), Enter or Space opens. */
  function keyboardCells(kind) {
    const cells = cellPaths(kind);
    const boxes = cells.map((c) => c.getBoundingClientRect());
    const tops = [...new Set(boxes.map((b) => Math.round(b.top)))].sort((a, b) => a - b);
    const lefts = [...new Set(boxes.map((b) => Math.round(b.left)))].sort((a, b) => a - b);
    const grid = new Map();
    cells.forEach((c, i) => {
      const row = tops.indexOf(Math.round(boxes[i].top));
      const col = lefts.indexOf(Math.round(boxes[i].left));
      c.setAttribute('data-cell', row + ',' + col);
      c.setAttribute('tabindex', '-1');
      c.setAttribute('role', 'button');
      if (!grid.has(row)) grid.set(row, new Map());
      grid.get(row).set(col, c);
    });
    if (cells.length) first(grid, 0).setAttribute('tabindex', '0');
    $(kind).addEventListener('keydown', (e) => {
      const c = e.target;
      if (!(c instanceof Element) || !c.hasAttribute('data-cell')) return;
      const [row, col] = c.getAttribute('data-cell').split(',').map(Number);
      let next = null;
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); openCell(kind, c.__data__.datum); return; }
      if (e.key === 'ArrowRight') next = step(grid.get(row), col, 1);
      else if (e.key === 'ArrowLeft') next = step(grid.get(row), col, -1);
      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') next = nearest(grid.get(row + (e.key === 'ArrowDown' ? 1 : -1)), col);
      else if (e.key === 'Home') next = first(grid, row);
      else if (e.key === 'End') next = step(grid.get(row), Infinity, -1);
      if (!next) return;
      e.preventDefault();
      c.setAttribute('tabindex', '-1');
      next.setAttribute('tabindex', '0');
      next.focus();
    });
  }

  function first(grid, row) { return step(grid.get(row), -Infinity, 1); }

  function step(rowCells, col, dir) {
    if (!rowCells) return null;
    const cols = [...rowCells.keys()].filter((k) => (dir > 0 ? k > col : k < col)).sort((a, b) => (a - b) * dir);
    return cols.length ? rowCells.get(cols[0]) : null;
  }

  function nearest(rowCells, col) {
    if (!rowCells) return null;
    const cols = [...rowCells.keys()].sort((a, b) => Math.abs(a - col) - Math.abs(b - col) || a - b);
    return rowCells.get(cols[0]);
  }

  function embed(kind, spec) {
    return vegaEmbed('#' + kind, spec, { renderer: 'svg', actions: false, tooltip: true }).then((result) => {
      result.view.addEventListener('click', (_event, item) => {
        const d = item && item.datum;
        if (d && d.theme_id) openCell(kind, d);
      });
      keyboardCells(kind);
    }).catch((err) => {
      $(kind).append(el('p', { class: 'error' }, 'The chart could not be drawn: ' + err));
      console.error(err);
    });
  }

  // ---------------------------------------------------------------------------
  // Wiring

  function update() {
    renderClaims();
    renderResults();
    markSelected();
  }

  let readerKey = '';
  function filtersChanged(rerenderReaderIfNeeded) {
    const s = state();
    const key = s.doc + '|' + s.region;
    if (rerenderReaderIfNeeded && key !== readerKey) {
      readerKey = key;
      renderReader();
      if (current) { const again = $(current.id); if (again) { again.classList.add('current'); current = again; } }
    }
    update();
  }

  f.region.addEventListener('change', () => {
    const m = mechById.get(f.mechanism.value);
    if (m && m.region !== f.region.value) f.mechanism.value = '';
    filtersChanged(true);
  });
  f.mechanism.addEventListener('change', () => {
    const m = mechById.get(f.mechanism.value);
    if (m) f.region.value = m.region;
    filtersChanged(true);
  });
  for (const k of ['theme', 'role', 'doc']) f[k].addEventListener('change', () => filtersChanged(true));
  $('f-clear').addEventListener('click', () => {
    for (const k of Object.keys(f)) f[k].value = '';
    filtersChanged(true);
  });
  $('q').addEventListener('input', renderResults);
  // A fragment link does not move focus to an input: the skip link does it itself.
  document.querySelector('a.skip').addEventListener('click', (e) => { e.preventDefault(); $('q').focus(); });
  $('filters').addEventListener('submit', (e) => e.preventDefault());

  function route() {
    let h = location.hash.slice(1);
    try { h = decodeURIComponent(h); } catch (_e) { return; }
    const para = /^([^/?]+)\/(\d+)$/.exec(h);
    if (para && docBySlug.has(para[1])) { openParagraph(docBySlug.get(para[1]), Number(para[2])); return; }
    const [name, query] = [h.split('?')[0], new URLSearchParams(h.split('?').slice(1).join('?'))];
    if (name === 'claims') {
      for (const k of Object.keys(f)) f[k].value = query.get(k) || '';
      const m = mechById.get(f.mechanism.value);
      if (m) f.region.value = m.region;
      filtersChanged(true);
    } else if (name === 'search') {
      $('q').value = query.get('q') || '';
      renderResults();
      $('q').focus();
    }
  }

  // Clicking a paragraph link that is already the location's hash fires no hashchange: open it anyway.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
    if (a && a.getAttribute('href') === location.hash) { e.preventDefault(); route(); }
  });
  window.addEventListener('hashchange', route);

  // The sticky filter bar wraps on narrow screens: scrolling to a paragraph or a cell must clear its height.
  const setBarHeight = () => document.documentElement.style.setProperty('--bar-height', ($('filters').offsetHeight + 8) + 'px');
  setBarHeight();
  window.addEventListener('resize', setBarHeight);

  filtersChanged(true);
  route();
  Promise.all([embed('matrix', specs.matrix), embed('heatmap', specs.heatmap)]).then(() => {
    markSelected();
    // the charts above the reader have just taken their height: bring the opened paragraph back into view
    if (current && location.hash.slice(1) === current.id) current.scrollIntoView({ block: 'start' });
    document.body.setAttribute('data-ready', 'true');
  });
})();
