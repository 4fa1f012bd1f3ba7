// demarche web page, the analyst's workbench: the overview, the lists of actors and documents, the discourse
// network, and the export buttons. As in app.js every ingested word reaches the page as text (textContent, text
// nodes, Cytoscape's canvas labels), never as markup.
'use strict';

// ---- small parts: downloads, CSV, sortable tables ----------------------------------------------

function download(name, text, type) {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function toCsv(columns, rows) {
  return [columns.map(c => csvCell(c.label)).join(',')]
    .concat(rows.map(r => columns.map(c => csvCell(c.value(r))).join(','))).join('\n') + '\n';
}

function button(text, onclick, id) { return el('button', { type: 'button', class: 'export', id, text, onclick }); }

// A table whose headers sort it (click again for the other way); rows() gives the rows in the order shown.
function sortableTable(id, columns, rows) {
  let order = rows.slice();
  let by = null;
  let up = true;
  const t = el('table', { class: 'list', id });
  const render = () => {
    const head = el('tr', {});
    for (const c of columns) {
      const th = el('th', { class: 'sortable' + (by === c ? (up ? ' up' : ' down') : ''), text: c.label });
      th.addEventListener('click', () => {
        up = by === c ? !up : true;
        by = c;
        const key = r => { const v = c.sort ? c.sort(r) : c.value(r); return v === null || v === undefined ? '' : v; };
        order.sort((a, b) => { const x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1); });
        render();
      });
      head.appendChild(th);
    }
    const body = [head];
    for (const r of order) {
      const tr = el('tr', {});
      for (const c of columns) tr.appendChild(el('td', {}, c.cell ? c.cell(r) : String(c.value(r) ?? '')));
      body.push(tr);
    }
    t.replaceChildren(...body);
  };
  render();
  return { element: t, rows: () => order };
}

function field(label, input) { return el('label', { class: 'filter' }, label + ' ', input); }

function select(name, options, value) {
  const s = el('select', { name, id: 'f-' + name });
  for (const [v, text] of options) s.appendChild(el('option', { value: v, text, selected: v === value ? 'selected' : null }));
  return s;
}

// ---- home: the overview ------------------------------------------------------------------------

async function homePage() {
  const o = await api('overview');
  const figure = (n, what, hash) => el('a', { class: 'figure', href: hash }, el('strong', { text: String(n) }), ' ' + what);
  const issues = el('ul', { class: 'plain', id: 'home-issues' });
  for (const i of o.issues) {
    issues.appendChild(el('li', {}, link('#/issue/' + i.id, i.label), ' — ' + i.stances + ' stances by ' + i.actors
      + ' actors · ', link('#/network?issue=' + encodeURIComponent(i.id), 'network')));
  }
  const active = el('ol', { id: 'home-actors' });
  for (const a of o.most_active) active.appendChild(el('li', {}, link('#/actor/' + a.id, a.name), ' (' + a.kind + ', '
    + a.statements + ' statements)'));
  const latest = el('ul', { class: 'plain', id: 'home-documents' });
  for (const d of o.latest_documents) latest.appendChild(el('li', {}, (d.published || 'undated') + ' — ',
    link('#/doc/' + d.id, d.title || d.file), d.publisher ? ' · ' + d.publisher : ''));
  view().replaceChildren(
    el('h1', { text: 'Overview' }),
    el('p', { class: 'figures', id: 'home-figures' }, figure(o.documents, 'documents', '#/documents'),
      figure(o.actors, 'actors', '#/actors'), figure(o.statements, 'statements', '#/search?type=statement'),
      figure(o.stances, 'stances', '#/network?all=1'),
      el('span', { class: 'meta', text: o.first_date ? ' from ' + o.first_date + ' to ' + o.last_date : ' undated' })),
    el('div', { class: 'columns' },
      el('section', {}, el('h2', { text: 'Issues' }), issues, link('#/network?all=1', 'Network of all issues')),
      el('section', {}, el('h2', { text: 'Most active actors' }), active, link('#/actors', 'All actors')),
      el('section', {}, el('h2', { text: 'Latest documents' }), latest, link('#/documents', 'All documents'))));
}

// ---- lists of actors and documents ---------------------------------------------------------------

async function actorsPage(params) {
  const kind = params.get('kind') || '';
  const name = params.get('name') || '';
  const r = await api('actors?limit=5000' + (kind ? '&kind=' + encodeURIComponent(kind) : '')
    + (name ? '&name=' + encodeURIComponent(name) : ''));
  const columns = [
    { label: 'name', value: a => a.name, cell: a => link('#/actor/' + a.id, a.name) },
    { label: 'kind', value: a => a.kind },
    { label: 'mentions', value: a => a.mentions },
    { label: 'also named', value: a => a.aliases.filter(x => x !== a.name).join('; ') },
  ];
  const t = sortableTable('actors-table', columns, r.actors);
  const form = el('form', { class: 'filters', id: 'actors-filters' },
    field('kind', select('kind', [['', 'any'], ['person', 'person'], ['state', 'state'], ['organization', 'organisation'],
      ['other', 'other']], kind)),
    field('name', el('input', { name: 'name', id: 'f-name', type: 'search', value: name })),
    el('button', { type: 'submit', text: 'Filter' }), link('#/actors', 'Clear filters', 'clear'),
    button('CSV of this table', () => download('actors.csv', toCsv(columns, t.rows()), 'text/csv'), 'actors-csv'));
  form.addEventListener('submit', ev => { ev.preventDefault(); location.hash = '#/actors?' + formParams(form); });
  view().replaceChildren(el('h1', { text: 'Actors' }), form,
    el('p', { class: 'meta', text: r.total + ' actors' + (r.total > r.actors.length ? ', the first ' + r.actors.length : '') }),
    t.element);
}

/** Links listed under the network at once: the table is drawn again at every step of the time slider. */
const MAX_LISTED_LINKS = 300;

function formParams(form) {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (v !== '') p.set(k, v);
  return p.toString();
}

async function documentsPage(params) {
  const q = new URLSearchParams(params);
  q.set('limit', '20000');
  const r = await api('documents?' + q.toString());
  const columns = [
    { label: 'published', value: d => d.published || '' },
    { label: 'title', value: d => d.title || d.file, cell: d => link('#/doc/' + d.id, d.title || d.file) },
    { label: 'publisher', value: d => d.publisher || '' },
    { label: 'author or speaker', value: d => d.author || d.speaker || '' },
    { label: 'statements', value: d => d.statements },
    { label: 'file', value: d => d.file },
  ];
  const t = sortableTable('documents-table', columns, r.documents);
  const form = el('form', { class: 'filters', id: 'documents-filters' },
    field('publisher', el('input', { name: 'publisher', id: 'f-publisher', type: 'search', value: params.get('publisher') || '' })),
    field('from', el('input', { name: 'from', id: 'f-from', placeholder: '2008', size: 10, value: params.get('from') || '' })),
    field('to', el('input', { name: 'to', id: 'f-to', placeholder: '2008-12-31', size: 10, value: params.get('to') || '' })),
    el('button', { type: 'submit', text: 'Filter' }), link('#/documents', 'Clear filters', 'clear'),
    button('CSV of this table', () => download('documents.csv', toCsv(columns, t.rows()), 'text/csv'), 'documents-csv'));
  form.addEventListener('submit', ev => { ev.preventDefault(); location.hash = '#/documents?' + formParams(form); });
  view().replaceChildren(el('h1', { text: 'Documents' }), form,
    el('p', { class: 'meta', text: r.total + ' documents' + (r.total > r.documents.length ? ', the first ' + r.documents.length : '') }),
    t.element);
}

// ---- the discourse network ---------------------------------------------------------------------

const NETWORK_PARAMS = ['issue', 'type', 'normalize', 'level', 'window', 'min_confidence', 'from', 'to'];
const COMMUNITY_COLOURS = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];

function networkQuery(params) {
  const q = new URLSearchParams();
  for (const k of NETWORK_PARAMS) if (params.get(k)) q.set(k, params.get(k));
  if (!q.get('issue')) q.set('all', '1');
  return q.toString();
}

async function networkPage(params) {
  const issues = await api('issues');
  const query = networkQuery(params);
  const n = await api('network?' + query);
  const names = {};
  const nodes = new Map();
  for (const w of n.windows) for (const v of w.nodes) { nodes.set(v.id, v); names[v.id] = v.label; }
  const form = el('form', { class: 'filters', id: 'network-filters' },
    field('issue', select('issue', [['', 'all issues']].concat(issues.map(i => [i.id, i.label])), params.get('issue') || '')),
    field('network', select('type', [['congruence', 'who agrees'], ['conflict', 'who disagrees'],
      ['subtract', 'agreement minus disagreement'], ['affiliation', 'actors and issues']], n.type)),
    field('normalise', select('normalize', [['none', 'none'], ['average', 'average'], ['jaccard', 'Jaccard'], ['cosine', 'cosine']],
      n.normalization)),
    field('level', select('level', [['actor', 'persons, states, organisations'], ['state', 'persons under their state']], n.level)),
    field('windows', select('window', [['all', 'whole span'], ['1y', 'each year'], ['3y/1y', '3 years, sliding by 1'],
      ['5y', 'five-year periods']], n.window)),
    field('min. confidence', el('input', { name: 'min_confidence', id: 'f-min_confidence', type: 'number', min: 0, max: 1,
      step: 0.05, value: String(n.min_confidence) })),
    el('button', { type: 'submit', text: 'Draw' }), link('#/network?all=1', 'Clear filters', 'clear'));
  form.addEventListener('submit', ev => { ev.preventDefault(); location.hash = '#/network?' + formParams(form); });
  const graph = el('div', { id: 'network', class: 'network' });
  const slider = el('input', { type: 'range', id: 'window-slider', min: 0, max: Math.max(0, n.windows.length - 1), value: 0,
    'aria-label': 'time window' });
  const windowLabel = el('span', { id: 'window-label', class: 'meta' });
  const measures = el('p', { id: 'network-measures', class: 'meta' });
  const behind = el('div', { id: 'edge-statements' }, el('p', { class: 'meta', text: 'Choose a link to see the statements behind it.' }));
  const edgesBox = el('div', { id: 'network-edges' });
  const exportBar = el('p', { class: 'exports' },
    el('a', { class: 'export', id: 'network-graphml', href: '/api/network.graphml?' + query, download: 'network.graphml', text: 'GraphML' }),
    el('a', { class: 'export', id: 'network-gexf', href: '/api/network.gexf?' + query, download: 'network.gexf', text: 'GEXF' }),
    button('SVG of the network', () => download('network.svg', networkSvg(cy), 'image/svg+xml'), 'network-svg'),
    button('CSV of the links', () => download('links.csv', toCsv(edgeColumns(names), current().edges), 'text/csv'), 'network-csv'));
  view().replaceChildren(el('h1', { text: 'Who sides with whom' }), form, exportBar,
    el('p', {}, slider, ' ', windowLabel), measures, graph, el('div', { class: 'columns' }, behind, edgesBox));
  if (n.windows.length < 2) slider.hidden = true;

  // one layout over every window's nodes, so that a node keeps its place as the slider moves
  const cy = (typeof cytoscape === 'undefined') ? null : cytoscape({
    container: graph,
    elements: [...nodes.values()].map(v => ({ group: 'nodes', data: { id: v.id, label: v.label || v.id, mode: v.mode, degree: 0,
      colour: '#999' } })),
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 10, width: 'mapData(degree, 0, 20, 12, 40)',
        height: 'mapData(degree, 0, 20, 12, 40)', 'background-color': 'data(colour)', color: '#222' } },
      { selector: 'node[mode = "issue"]', style: { shape: 'round-rectangle', 'background-color': '#bbb' } },
      { selector: 'edge', style: { width: 'mapData(strength, 0, 5, 1, 6)', 'line-color': 'data(colour)', opacity: 0.7,
        'curve-style': 'haystack' } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#000', 'line-color': '#000' } },
    ],
    layout: { name: 'preset' },
    minZoom: 0.1,
    maxZoom: 1.6, // labels stay readable, never poster-sized on a small network
    wheelSensitivity: 0.3,
  });
  let shown = 0;
  const current = () => n.windows[shown];
  function showWindow(i) {
    shown = i;
    const w = current();
    windowLabel.textContent = w.window === 'all' ? 'whole span' : w.window;
    measures.textContent = w.actors + ' actors · ' + w.edges.length + ' links · ' + w.communities + ' communities (modularity '
      + w.modularity.toFixed(2) + ') · polarisation ' + w.polarisation.toFixed(2)
      + (w.camps.length === 2 && w.camps[1].length ? ' — camps: ' + w.camps.map(c => c.map(id => names[id] || id).join(', ')).join(' | ') : '');
    // a table of thousands of rows is drawn again at each step of the slider: the strongest links, the CSV has all
    const listed = w.edges.length > MAX_LISTED_LINKS
      ? [...w.edges].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, MAX_LISTED_LINKS) : w.edges;
    const rows = sortableTable('edges-table', edgeColumns(names), listed);
    rows.element.addEventListener('click', ev => {
      const tr = ev.target.closest('tr');
      const i = tr ? [...tr.parentNode.children].indexOf(tr) - 1 : -1; // the first row is the header
      if (i >= 0) showBehind(behind, rows.rows()[i], names);
    });
    edgesBox.replaceChildren(el('h3', { text: (listed.length < w.edges.length ? 'The ' + listed.length + ' strongest of '
      + w.edges.length + ' links (the CSV of the links has all)' : 'Links') + ' — choose one to read the statements behind it' }),
      rows.element);
    if (!cy) return;
    cy.batch(() => {
      cy.edges().remove();
      const here = new Map(w.nodes.map(v => [v.id, v]));
      cy.nodes().forEach(node => {
        const v = here.get(node.id());
        node.style('display', v ? 'element' : 'none');
        if (v) node.data({ degree: v.degree, colour: COMMUNITY_COLOURS[(v.community - 1) % COMMUNITY_COLOURS.length] || '#999' });
      });
      cy.add(w.edges.map((e, k) => ({ group: 'edges', data: { id: 'e' + k, source: e.source, target: e.target,
        strength: Math.abs(e.weight), colour: e.weight < 0 || e.polarity === 'oppose' ? '#b2182b' : '#2166ac', edge: e } })));
    });
  }
  if (cy) {
    // the union of every window's links decides the places
    const all = [];
    const pairs = new Set(); // a pair linked in many windows is laid out once
    n.windows.forEach(w => w.edges.forEach(e => {
      const key = e.source + '\u0000' + e.target;
      if (pairs.has(key)) return;
      pairs.add(key);
      all.push({ group: 'edges', data: { id: 'u' + all.length, source: e.source, target: e.target } });
    }));
    const union = cy.add(all);
    cy.layout({ name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 400000, idealEdgeLength: () => 90,
      nodeOverlap: 20, componentSpacing: 80, padding: 30 }).run();
    cy.fit(undefined, 30);
    union.remove();
    cy.on('tap', 'node', ev => {
      const v = nodes.get(ev.target.id());
      location.hash = v && v.mode === 'issue' ? '#/issue/' + v.id : '#/actor/' + ev.target.id();
    });
    cy.on('tap', 'edge', ev => showBehind(behind, ev.target.data('edge'), names));
  }
  slider.addEventListener('input', () => showWindow(Number(slider.value)));
  showWindow(0);
}

// The links table: names as text, each row opening the statements behind it.
function edgeColumns(names) {
  return [
    { label: 'from', value: e => names[e.source] || e.source },
    { label: 'to', value: e => names[e.target] || e.target },
    { label: 'weight', value: e => e.weight, cell: e => String(Math.round(e.weight * 100) / 100) },
    { label: 'polarity', value: e => e.polarity },
    { label: 'issues', value: e => e.issues.join(' ') },
    { label: 'statements', value: e => e.statements.length },
  ];
}

async function showBehind(box, edge, names) {
  box.replaceChildren(el('h3', { text: (names[edge.source] || edge.source) + ' — ' + (names[edge.target] || edge.target)
    + ': ' + edge.polarity + (edge.issues.length ? ' on ' + edge.issues.join(', ') : '') }));
  const r = await api('statements?ids=' + encodeURIComponent(edge.statements.slice(0, 200).join(',')));
  const list = el('ul', { class: 'plain', id: 'edge-statement-list' });
  for (const s of r.statements) list.appendChild(statementItem(s, true));
  box.appendChild(list);
}

// The network as drawn, as an SVG file: circles, lines and text from Cytoscape's positions; names are escaped.
function networkSvg(cy) {
  if (!cy) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  const bb = cy.elements(':visible').boundingBox();
  const out = ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="' + [bb.x1 - 20, bb.y1 - 20, bb.w + 40, bb.h + 40].join(' ')
    + '" font-family="sans-serif" font-size="10">'];
  cy.edges(':visible').forEach(e => {
    const a = e.source().position(), b = e.target().position();
    out.push('<line x1="' + a.x + '" y1="' + a.y + '" x2="' + b.x + '" y2="' + b.y + '" stroke="' + esc(e.data('colour'))
      + '" stroke-width="' + (1 + Math.min(5, e.data('strength'))) + '" opacity="0.7"/>');
  });
  cy.nodes(':visible').forEach(v => {
    const p = v.position();
    out.push('<circle cx="' + p.x + '" cy="' + p.y + '" r="' + (v.width() / 2) + '" fill="' + esc(v.data('colour') || '#bbb') + '"/>');
    out.push('<text x="' + p.x + '" y="' + (p.y - v.height() / 2 - 3) + '" text-anchor="middle">' + esc(v.data('label')) + '</text>');
  });
  out.push('</svg>');
  return out.join('\n');
}

// ---- the corrections log ------------------------------------------------------------------------

async function correctionsPage() {
  const r = await api('corrections');
  const columns = [
    { label: 'n', value: e => e.id },
    { label: 'when', value: e => e.made_at },
    { label: 'coder', value: e => e.coder },
    { label: 'what', value: e => e.action + (e.undoes ? ' ' + e.undoes : '') },
    { label: 'about', value: e => [e.actor, e.issue].filter(Boolean).join(', ') },
    { label: 'becomes', value: e => e.value || '' },
    { label: 'words', value: e => e.exact ? '“' + e.exact + '” in ' + e.doc_file : '' },
    { label: 'status', value: e => e.status ? e.status + (e.detail ? ': ' + e.detail : '') : 'not applied yet' },
    { label: 'why', value: e => e.note || '' },
  ];
  const t = sortableTable('corrections-table', columns, r.corrections);
  view().replaceChildren(el('h1', { text: 'Corrections' }),
    el('p', { class: 'meta', id: 'corrections-count', text: r.corrections.length + (r.corrections.length === 1 ? ' correction' : ' corrections')
      + ' in this workspace, applied again after every rebuild; an orphaned one lost its words in a changed file. '
      + 'Make them here (demarche serve --allow-corrections) or with demarche correct; share them with demarche corrections --export and --import.' }),
    el('p', { class: 'exports' }, button('CSV of this table', () => download('corrections.csv', toCsv(columns, t.rows()), 'text/csv'),
      'corrections-csv')),
    typeof undoControl === 'function' ? undoControl() : null,
    t.element);
}
