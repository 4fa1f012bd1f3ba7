// demarche web page. Every piece of ingested text reaches the page through textContent or
// a text node, never through innerHTML: a document that holds <script> shows it as text.
'use strict';

const view = () => document.getElementById('view');

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return e;
}

// Each navigation counts; an answer that arrives after the person has gone elsewhere is dropped, so that a slow
// page never replaces the one asked for after it.
let navigation = 0;
class Superseded extends Error {}

async function api(path) {
  const at = navigation;
  const r = await fetch('/api/' + path);
  const body = await r.json();
  if (at !== navigation) throw new Superseded('superseded');
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

function link(hash, text, cls) { return el('a', { href: hash, class: cls, text: text }); }
function docLink(doc, start, end, text) {
  return link('#/doc/' + doc + (start !== undefined ? '?start=' + start + '&end=' + end : ''), text);
}
// Text made safe inside an SVG file the page writes (names and periods are ingested words).
function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function polarity(p) { return el('span', { class: 'polarity-' + p, text: p }); }
function showError(e) {
  if (e instanceof Superseded) return;
  view().replaceChildren(el('p', { class: 'error', text: String(e.message || e) }));
}

// ---- routing -----------------------------------------------------------------------------

function route() {
  navigation++;
  const hash = location.hash || '#/';
  const [path, qs] = hash.substring(1).split('?');
  const params = new URLSearchParams(qs || '');
  const parts = path.split('/').filter(Boolean);
  let page;
  if (parts[0] === 'actor' && parts[1]) page = actorPage(parts[1]);
  else if (parts[0] === 'issue' && parts[1]) page = issuePage(parts[1], params);
  else if (parts[0] === 'doc' && parts[1]) page = readerPage(parts[1], params);
  else if (parts[0] === 'search') page = searchPage(params);
  else if (parts[0] === 'actors') page = actorsPage(params);
  else if (parts[0] === 'documents') page = documentsPage(params);
  else if (parts[0] === 'network') page = networkPage(params);
  else if (parts[0] === 'corrections') page = correctionsPage();
  else page = homePage();
  page.catch(showError);
}

// ---- search ------------------------------------------------------------------------------

const FACET_NAMES = { type: 'Type', kind: 'Kind', actor: 'Actor', issue: 'Issue', stance: 'Stance', year: 'Year', publisher: 'Publisher' };

async function searchPage(params) {
  document.getElementById('q').value = params.get('q') || '';
  const r = await api('search?' + params.toString());
  const facets = el('aside', { class: 'facets', id: 'facets' });
  for (const [dim, counts] of Object.entries(r.facets)) {
    if (!FACET_NAMES[dim] || counts.length === 0) continue;
    facets.appendChild(el('h3', { text: FACET_NAMES[dim] }));
    for (const c of counts) {
      const p = new URLSearchParams(params);
      const on = p.get(dim) === c.value;
      if (on) p.delete(dim); else p.set(dim, c.value);
      p.delete('offset');
      facets.appendChild(el('a', { href: '#/search?' + p.toString(), class: on ? 'on facet' : 'facet',
        'data-dim': dim, text: c.value + ' (' + (r.facets_estimated ? '≈' : '') + c.count + ')' }));
    }
  }
  const first = Number(params.get('offset') || 0) + 1;
  // a date range, the order, and a way back to no filter at all
  const narrow = el('form', { class: 'filters', id: 'search-filters' },
    field('from', el('input', { name: 'from', id: 'f-from', placeholder: '2007', size: 10, value: params.get('from') || '' })),
    field('to', el('input', { name: 'to', id: 'f-to', placeholder: '2008-06', size: 10, value: params.get('to') || '' })),
    field('order', select('sort', [['relevance', 'relevance'], ['date', 'date']], params.get('sort') || 'relevance')),
    el('button', { type: 'submit', text: 'Apply' }),
    link('#/search' + (params.get('q') ? '?q=' + encodeURIComponent(params.get('q')) : ''), 'Clear filters', 'clear'));
  narrow.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = new URLSearchParams(params);
    for (const k of ['from', 'to', 'sort', 'offset']) p.delete(k);
    for (const [k, v] of new FormData(narrow).entries()) if (v !== '' && !(k === 'sort' && v === 'relevance')) p.set(k, v);
    location.hash = '#/search?' + p.toString();
  });
  // the query it answers, so that a reader (or a test) can tell this page from the one before it
  const hits = el('div', { id: 'hits', 'data-query': params.toString() }, narrow, el('p', { class: 'meta', text: r.total + ' hits'
    + (r.total > r.hits.length ? ' (showing ' + first + '–' + (first + r.hits.length - 1) + ')' : '') }));
  for (const h of r.hits) {
    const snippet = el('p', { class: 'snippet' });
    let at = 0;
    for (const [s, e] of h.snippet.marks) {
      snippet.appendChild(document.createTextNode(h.snippet.text.substring(at, s)));
      snippet.appendChild(el('mark', { text: h.snippet.text.substring(s, e) }));
      at = e;
    }
    snippet.appendChild(document.createTextNode(h.snippet.text.substring(at)));
    const who = h.speaker ? link('#/actor/' + h.speaker, h.speaker_name) : document.createTextNode(h.type);
    hits.appendChild(el('div', { class: 'hit' },
      el('div', { class: 'meta' }, who, ' · ', h.date || 'undated', ' · ',
        docLink(h.doc, h.type === 'statement' ? h.start : undefined, h.end, h.file || h.doc),
        h.kind ? ' · ' + h.kind : ''),
      snippet));
  }
  const offset = Number(params.get('offset') || 0);
  if (offset + r.hits.length < r.total) {
    const next = new URLSearchParams(params);
    next.set('offset', String(offset + r.hits.length));
    hits.appendChild(link('#/search?' + next.toString(), 'Next ' + Math.min(10, r.total - offset - r.hits.length) + ' hits', 'next'));
  }
  view().replaceChildren(el('div', { class: 'layout' }, facets, hits));
}

// ---- actor -------------------------------------------------------------------------------

async function actorPage(id) {
  const r = await api('actors/' + encodeURIComponent(id));
  const a = r.actor;
  const roles = el('ul', { class: 'plain', id: 'roles' });
  for (const role of a.roles) {
    roles.appendChild(el('li', { 'data-title': role.title }, (role.from || 'undated') + (role.to ? '–' + role.to : '')
      + ' — ' + role.title,
      role.of ? el('span', {}, ' of ', link('#/actor/' + role.of, role.of_name)) : '',
      ' (', docLink(role.doc, role.start, role.end, role.text || 'source'), ')'));
  }
  const byIssue = {};
  for (const p of r.positions) (byIssue[p.issue] = byIssue[p.issue] || []).push(p);
  const positions = el('ul', { class: 'plain', id: 'positions' });
  for (const [issue, list] of Object.entries(byIssue)) {
    const li = el('li', {}, link('#/issue/' + issue, issue), ': ');
    for (const p of list) {
      li.append(p.date || 'undated', ' ', polarity(p.polarity), ' (', docLink(p.doc, undefined, undefined, p.file), ') ');
      if (typeof stanceControl === 'function') li.append(stanceControl(p), ' ');
    }
    positions.appendChild(li);
  }
  const said = el('ul', { class: 'plain', id: 'statements' });
  for (const s of r.statements) said.appendChild(statementItem(s, false));
  view().replaceChildren(
    el('h1', { text: a.name }),
    el('p', { class: 'meta', text: a.kind + ' · ' + a.mentions + ' mentions · also: ' + a.aliases.join('; ') }),
    typeof actorControls === 'function' ? actorControls(a, roles) : null,
    el('section', {}, el('h2', { text: 'Roles over time' }), roles),
    el('section', {}, el('h2', { text: 'Positions by issue' }), positions),
    el('section', {}, el('h2', { text: 'Statements in time order' }), said));
}

function statementItem(s, withSpeaker) {
  const li = el('li', { class: 'hit' });
  li.appendChild(el('div', { class: 'meta' }, s.date || 'undated', ' · ',
    withSpeaker && s.speaker ? link('#/actor/' + s.speaker, s.speaker_name) : (withSpeaker ? (s.speaker_name || '?') : ''),
    withSpeaker ? ' · ' : '', s.kind, ' · ', docLink(s.doc, s.start, s.end, s.file)));
  li.appendChild(el('div', { text: '“' + s.text + '”' }));
  for (const i of s.issues) {
    li.appendChild(el('div', { class: 'meta' }, link('#/issue/' + i.issue, i.issue), ': ', polarity(i.polarity),
      i.cue ? ' — deciding words “' + i.cue + '”' : ''));
  }
  if (typeof statementControls === 'function') statementControls(li, s);
  return li;
}

// ---- issue: the stance matrix and the timeline ----------------------------------------------

const LETTERS = { support: 'S', oppose: 'O', neutral: 'N', mixed: 'M' };

async function issuePage(issue, params) {
  const years = params.get('years') || '1';
  const kind = params.get('kind') || '';
  const minConfidence = params.get('min_confidence') || '0.5';
  const m = await api('stances?issue=' + encodeURIComponent(issue) + '&years=' + encodeURIComponent(years)
    + '&limit=500&min_confidence=' + encodeURIComponent(minConfidence) + (kind ? '&kind=' + encodeURIComponent(kind) : ''));
  const t = await api('timeline?issue=' + encodeURIComponent(issue));
  const form = el('form', { class: 'filters', id: 'issue-filters' },
    field('actors', select('kind', [['', 'all'], ['person', 'persons'], ['state', 'states'], ['organization', 'organisations']], kind)),
    field('min. confidence', el('input', { name: 'min_confidence', id: 'f-min_confidence', type: 'number', min: 0, max: 1, step: 0.05,
      value: minConfidence })),
    field('years per period', el('input', { name: 'years', id: 'f-years', type: 'number', min: 1, max: 50, value: years })),
    el('button', { type: 'submit', text: 'Show' }), link('#/issue/' + issue, 'Clear filters', 'clear'));
  form.addEventListener('submit', ev => { ev.preventDefault(); location.hash = '#/issue/' + issue + '?' + formParams(form); });
  // persons under the state they speak for, each state followed by its persons
  const byId = new Map(m.actors.map(a => [a.actor, a]));
  const rows = [];
  const placed = new Set();
  for (const a of m.actors) {
    if (placed.has(a.actor) || (a.speaks_for && byId.has(a.speaks_for))) continue;
    rows.push({ a, under: false });
    placed.add(a.actor);
    for (const p of m.actors) if (p.speaks_for === a.actor && !placed.has(p.actor)) { rows.push({ a: p, under: true }); placed.add(p.actor); }
  }
  for (const a of m.actors) if (!placed.has(a.actor)) rows.push({ a, under: false });
  const table = el('table', { class: 'matrix', id: 'matrix' });
  const head = el('tr', {}, el('th', {}));
  for (const p of m.periods) head.appendChild(el('th', { text: p }));
  table.appendChild(head);
  const evidence = el('div', { id: 'evidence' }, el('p', { class: 'meta', text: 'Choose a cell to see the words behind it.' }));
  for (const { a, under } of rows) {
    const tr = el('tr', {}, el('th', { class: 'name' + (under ? ' under' : '') }, link('#/actor/' + a.actor, a.name)));
    for (const p of m.periods) {
      const c = a.cells[p];
      if (!c) { tr.appendChild(el('td', { class: 'empty' })); continue; }
      const n = c.support + c.oppose + c.neutral;
      const td = el('td', { class: c.position + (c.confidence < 0.5 ? ' unsure' : ''), title: a.name + ', ' + p + ': '
        + c.support + ' support, ' + c.oppose + ' oppose, ' + c.neutral + ' neutral; confidence ' + c.confidence.toFixed(2),
        text: (LETTERS[c.position] || '?') + (n > 1 ? n : '') });
      td.addEventListener('click', () => {
        table.querySelectorAll('td.selected').forEach(x => x.classList.remove('selected'));
        td.classList.add('selected');
        showEvidence(evidence, a, p, c, t.statements);
      });
      tr.appendChild(td);
    }
    table.appendChild(tr);
  }
  const csvColumns = [{ label: 'actor', value: r => r.a.name }, { label: 'id', value: r => r.a.actor },
    { label: 'kind', value: r => r.a.kind }, { label: 'speaks_for', value: r => r.a.speaks_for }]
    .concat(m.periods.map(p => ({ label: p, value: r => r.a.cells[p] ? r.a.cells[p].position : '' })));
  const exports = el('p', { class: 'exports' },
    button('CSV of the matrix', () => download(issue + '-matrix.csv', toCsv(csvColumns, rows), 'text/csv'), 'matrix-csv'),
    button('SVG of the matrix', () => download(issue + '-matrix.svg', matrixSvg(m.periods, rows), 'image/svg+xml'), 'matrix-svg'),
    link('#/network?issue=' + encodeURIComponent(issue), 'Network of this issue'));
  const chart = el('div', { id: 'chart' });
  const said = el('ul', { class: 'plain', id: 'issue-statements' });
  for (const s of t.statements.slice(0, 200)) said.appendChild(statementItem(s, true));
  const dated = t.positions.filter(p => p.date);
  view().replaceChildren(
    el('h1', { text: m.label }), form,
    el('p', { class: 'legend' }, el('span', { class: 'support', text: 'S support' }), el('span', { class: 'oppose', text: 'O oppose' }),
      el('span', { class: 'neutral', text: 'N neutral' }), el('span', { class: 'mixed', text: 'M mixed' }),
      el('span', { class: 'unsure-key', text: 'pale: less sure than 0.5' }),
      ' a number after the letter counts the stances; persons are shown under the state they speak for'),
    el('section', {}, el('h2', { text: 'Who stands where, by period' }),
      el('p', { class: 'meta', text: m.total_actors + ' actors with a stance at confidence ' + minConfidence + ' or more' }),
      exports, table, evidence),
    dated.length ? el('section', {}, el('h2', { text: 'Positions over time' }), chart) : null,
    el('section', {}, el('h2', { text: 'Statements in time order' }), said));
  if (dated.length) drawTimeline(chart, t.positions);
}

// The matrix on screen as an SVG file: names and periods escaped as text.
function matrixSvg(periods, rows) {
  const colour = { support: '#2166ac', oppose: '#b2182b', neutral: '#bdbdbd', mixed: '#9970ab' };
  const left = 220, size = 26, top = 40;
  const out = ['<svg xmlns="http://www.w3.org/2000/svg" width="' + (left + periods.length * size + 20) + '" height="'
    + (top + rows.length * size + 20) + '" font-family="sans-serif" font-size="11">'];
  periods.forEach((p, i) => out.push('<text x="' + (left + i * size + size / 2) + '" y="' + (top - 8)
    + '" text-anchor="middle" font-size="9">' + esc(p) + '</text>'));
  rows.forEach(({ a, under }, j) => {
    const y = top + j * size;
    out.push('<text x="' + (left - 8) + '" y="' + (y + size / 2 + 4) + '" text-anchor="end">' + esc((under ? '  ' : '') + a.name) + '</text>');
    periods.forEach((p, i) => {
      const c = a.cells[p];
      if (!c) return;
      out.push('<rect x="' + (left + i * size + 1) + '" y="' + (y + 1) + '" width="' + (size - 2) + '" height="' + (size - 2)
        + '" rx="3" fill="' + (colour[c.position] || '#999') + '" opacity="' + (c.confidence < 0.5 ? 0.45 : 1) + '"/>');
      out.push('<text x="' + (left + i * size + size / 2) + '" y="' + (y + size / 2 + 4) + '" text-anchor="middle" fill="#fff">'
        + esc(LETTERS[c.position] || '?') + '</text>');
    });
  });
  out.push('</svg>');
  return out.join('\n');
}

async function showEvidence(box, actor, period, cell, statements) {
  box.replaceChildren(el('h3', { text: actor.name + ', ' + period }));
  const ids = new Set(cell.evidence);
  const list = el('ul', { class: 'plain' });
  let found = statements.filter(s => ids.has(s.id));
  if (found.length < ids.size) {
    const r = await api('statements?actor=' + encodeURIComponent(actor.actor) + '&limit=1000');
    found = r.statements.filter(s => ids.has(s.id));
  }
  for (const s of found) list.appendChild(statementItem(s, true));
  box.appendChild(list);
  // the cell's stances, each to be set or confirmed where the server takes corrections
  if (typeof stanceControl === 'function' && typeof session !== 'undefined' && session.writable) {
    for (const t of cell.stances || []) box.appendChild(el('p', { class: 'meta' }, 'stance ' + t + ': ', stanceControl({ id: t })));
  }
}

function drawTimeline(box, positions) {
  if (typeof uPlot === 'undefined' || positions.length === 0) return;
  const years = [...new Set(positions.filter(p => p.date).map(p => Number(p.date.substring(0, 4))))].sort((a, b) => a - b);
  if (years.length === 0) return;
  const count = pol => years.map(y => positions.filter(p => p.date && Number(p.date.substring(0, 4)) === y && p.polarity === pol).length);
  const data = [years.map(y => Date.UTC(y, 0, 1) / 1000), count('support'), count('oppose'), count('neutral')];
  const opts = {
    width: Math.min(1100, box.clientWidth || 900), height: 220,
    scales: { x: { time: true } },
    series: [{}, { label: 'support', stroke: '#2166ac', width: 2, points: { show: true } },
      { label: 'oppose', stroke: '#b2182b', width: 2, points: { show: true } },
      { label: 'neutral', stroke: '#999', width: 1, points: { show: true } }],
    axes: [{}, { label: 'stances' }],
  };
  new uPlot(opts, data, box);
}

// ---- the document reader -------------------------------------------------------------------

async function readerPage(id, params) {
  const d = await api('documents/' + encodeURIComponent(id));
  const focusStart = params.has('start') ? Number(params.get('start')) : -1;
  const focusEnd = params.has('end') ? Number(params.get('end')) : -1;
  // boundaries of every span (statements, mentions), then one element per piece of text
  const spans = [];
  for (const s of d.statements) spans.push({ start: s.start, end: s.end, kind: 'stmt', s });
  for (const m of d.marks) spans.push({ start: m.start, end: m.end, kind: m.kind, m });
  const cuts = new Set([0, d.text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (focusStart >= 0) { cuts.add(focusStart); cuts.add(focusEnd); }
  const points = [...cuts].filter(x => x >= 0 && x <= d.text.length).sort((a, b) => a - b);
  const reader = el('div', { class: 'reader', id: 'reader' });
  let focusEl = null;
  const speakers = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    let node = document.createTextNode(d.text.substring(a, b));
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    const mention = covering.find(s => s.kind !== 'stmt' && s.m.actor);
    const date = covering.find(s => s.kind === 'date');
    const stmt = covering.find(s => s.kind === 'stmt');
    if (mention) node = el('a', { class: 'actor', href: '#/actor/' + mention.m.actor }, node);
    else if (date) node = el('span', { class: 'date', title: date.m.text }, node);
    if (stmt) {
      if (!speakers.includes(stmt.s.speaker)) speakers.push(stmt.s.speaker);
      node = el('span', { class: 'stmt' + (speakers.indexOf(stmt.s.speaker) % 2 ? ' other' : ''),
        title: (stmt.s.speaker_name || '?') + ' (' + stmt.s.kind + ')', 'data-statement': stmt.s.id }, node);
    }
    if (focusStart >= 0 && a >= focusStart && b <= focusEnd && b > a) {
      node = el('span', { class: 'focus' }, node);
      if (!focusEl) focusEl = node;
    }
    reader.appendChild(node);
  }
  const said = el('ul', { class: 'plain', id: 'doc-statements' });
  for (const s of d.statements) said.appendChild(statementItem(s, true));
  view().replaceChildren(
    el('h1', { text: d.title || d.file }),
    el('p', { class: 'meta', text: [d.file, d.published, d.publisher, d.author, d.speaker].filter(Boolean).join(' · ') }),
    reader,
    typeof readerControls === 'function' ? readerControls(reader, d) : null,
    el('section', {}, el('h2', { text: 'Statements, by speaker' }), said));
  if (focusEl) focusEl.scrollIntoView({ block: 'center' });
}

// ---- start -------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/search?q=' + encodeURIComponent(document.getElementById('q').value);
  });
  try {
    const issues = await api('issues');
    const nav = document.getElementById('issues-nav');
    for (const i of issues) nav.appendChild(link('#/issue/' + i.id, i.label));
  } catch (e) { /* the page works without the issue list */ }
  window.addEventListener('hashchange', route);
  // the correcting controls (correct.js) need to know whether this server takes corrections before the first page
  if (typeof sessionReady !== 'undefined') await sessionReady;
  route();
});
