// demarche: the correcting controls. Shown only when the server takes corrections (demarche serve
// --allow-corrections --coder NAME); every correction is a POST with the session's token, and the page is drawn
// again from the answers. What a person set shows as such ("set by ann").
'use strict';

let session = { writable: false };

async function loadSession() {
  try {
    const r = await fetch('/api/session', { credentials: 'same-origin' });
    session = await r.json();
  } catch (e) { session = { writable: false }; }
}
// asked for at once; the page's first drawing waits for it (app.js), so that it is drawn once, with its controls
const sessionReady = loadSession();

// Sends a correction; says what became of it and draws the page again.
async function correct(action, args, extra) {
  const note = document.getElementById('correction-result');
  if (note) { note.textContent = 'correcting (' + action + ')…'; note.className = 'result'; }
  const r = await fetch('/api/corrections', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.token },
    body: JSON.stringify(Object.assign({ action, args }, extra || {})),
  });
  const body = await r.json();
  const said = r.ok ? 'correction ' + body.id + ' (' + body.action + '): ' + body.status + (body.detail ? ': ' + body.detail : '')
    : 'not done: ' + (body.error || 'HTTP ' + r.status);
  if (note) { note.textContent = said; note.className = r.ok ? 'result' : 'result error'; }
  if (r.ok) route();
  return r.ok;
}

// Who made a fact: the machine, or a person (and when).
function sourceBadge(fact) {
  if (!fact || fact.source !== 'human') return null;
  return el('span', { class: 'human', title: 'set by ' + fact.coder + ' at ' + fact.corrected_at, text: 'set by ' + fact.coder });
}

// A small inline form: its inputs and a button that sends the correction they make.
function inlineForm(cls, label, inputs, send) {
  const f = el('form', { class: 'correct ' + cls }, ...inputs, el('button', { type: 'submit', text: label }));
  f.addEventListener('submit', ev => { ev.preventDefault(); send(f); });
  return f;
}
function input(name, placeholder, size) { return el('input', { name, placeholder, size: size || 14, required: 'required' }); }
function value(form, name) { return form.elements[name].value.trim(); }

// Under a statement: reject, confirm, another speaker, the other kind, a date.
function statementControls(li, s) {
  const badge = sourceBadge(s);
  if (badge) li.querySelector('.meta').append(' · ', badge);
  if (!session.writable) return;
  const other = s.kind === 'direct' ? 'indirect' : 'direct';
  li.appendChild(el('div', { class: 'controls', 'data-for': s.id },
    button('Reject', () => correct('reject', [s.id]), null),
    button('Confirm', () => correct('confirm', [s.id]), null),
    button('Make ' + other, () => correct('kind', [s.id, other]), null),
    inlineForm('speaker', 'Set speaker', [input('speaker', 'speaker: name or a3')], f => correct('speaker', [s.id, value(f, 'speaker')])),
    inlineForm('date', 'Set date', [input('date', '2007-07-18', 10)], f => correct('date', [s.id, value(f, 'date')]))));
}

// Beside a stance: its polarity set, or confirmed.
function stanceControl(p) {
  const out = el('span', { class: 'stance-control' }, sourceBadge(p));
  if (!session.writable || !p.id) return out;
  const s = el('select', { class: 'set-polarity', 'data-stance': p.id, 'aria-label': 'set the polarity of ' + p.id });
  for (const v of ['', 'support', 'oppose', 'neutral', 'none', 'confirm']) {
    s.appendChild(el('option', { value: v, text: v === '' ? 'correct…' : v }));
  }
  s.addEventListener('change', () => { if (s.value) correct('stance', [p.id, s.value]); });
  out.appendChild(s);
  return out;
}

// On the actor page: rename, kind, merge another into it, split a name out, end a role.
function actorControls(a, rolesList) {
  const box = el('section', { id: 'actor-controls' });
  const badge = sourceBadge(a);
  if (badge) box.appendChild(el('p', {}, badge));
  if (!session.writable) return box;
  const kinds = el('select', { name: 'kind' });
  for (const k of ['person', 'state', 'organization', 'other']) kinds.appendChild(el('option', { value: k, text: k, selected: k === a.kind ? 'selected' : null }));
  box.append(el('h2', { text: 'Correct this actor' }),
    inlineForm('rename', 'Rename', [input('name', 'new name', 24)], f => correct('rename', [a.id, value(f, 'name')])),
    inlineForm('kind', 'Set kind', [kinds], f => correct('kind', [a.id, f.elements.kind.value])),
    inlineForm('merge', 'Merge into this one', [input('other', 'other actor: name or a7', 24)], f => correct('merge', [a.id, value(f, 'other')])),
    inlineForm('split', 'Split out', [input('form', 'one of its names', 24)], f => correct('split', [a.id, value(f, 'form')])));
  rolesList.querySelectorAll('li[data-title]').forEach(li => li.appendChild(
    inlineForm('end-role', 'End role', [input('until', 'until 2009', 10)], f => correct('end-role', [a.id, li.dataset.title, value(f, 'until')]))));
  return box;
}

// In the reader: words selected become a statement the machine missed, or the words that show a role.
function readerControls(reader, d) {
  if (!session.writable) return null;
  const where = el('p', { class: 'meta', id: 'selection', text: 'Select words in the text to add them as a statement or a role.' });
  const kinds = el('select', { name: 'kind' }, el('option', { value: 'direct', text: 'direct' }), el('option', { value: 'indirect', text: 'indirect' }));
  let range = null;
  const add = inlineForm('add', 'Add statement', [input('speaker', 'speaker: name or a3'), kinds],
    f => range && correct('add', [d.id, String(range[0]), String(range[1]), value(f, 'speaker')], { kind: f.elements.kind.value }));
  const role = inlineForm('role', 'Add role', [input('actor', 'actor'), input('title', 'title, e.g. foreign minister', 24),
    el('input', { name: 'date', placeholder: 'since 2004', size: 10 })],
    f => range && correct('role', [value(f, 'actor'), value(f, 'title'), d.id, String(range[0]), String(range[1])],
      { date: value(f, 'date') || null }));
  const box = el('section', { id: 'reader-controls', class: 'controls' }, where, add, role);
  document.addEventListener('selectionchange', () => {
    const r = selectionIn(reader);
    if (!r) return;
    range = r;
    where.textContent = 'Selected: “' + d.text.substring(r[0], r[1]).substring(0, 120) + '” [' + r[0] + ', ' + r[1] + ')';
  });
  return box;
}

// The selection as offsets of the document's text: the reader holds the text exactly, piece after piece.
function selectionIn(reader) {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!reader.contains(r.startContainer) || !reader.contains(r.endContainer)) return null;
  const offset = (node, within) => {
    const walk = document.createTreeWalker(reader, NodeFilter.SHOW_TEXT);
    let at = 0;
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n === node) return at + within;
      at += n.textContent.length;
    }
    return -1;
  };
  const start = offset(r.startContainer, r.startOffset), end = offset(r.endContainer, r.endOffset);
  return start >= 0 && end > start ? [start, end] : null;
}

// In the corrections' view: take an entry back.
function undoControl() {
  if (!session.writable) return null;
  return inlineForm('undo', 'Undo entry', [el('input', { name: 'n', type: 'number', min: 1, size: 5, required: 'required' })],
    f => correct('undo', [value(f, 'n')]));
}

document.addEventListener('DOMContentLoaded', async () => {
  const header = document.querySelector('header');
  header.appendChild(el('span', { id: 'coder', class: 'meta' }));
  document.getElementById('view').before(el('p', { id: 'correction-result', class: 'result', role: 'status' }));
  await sessionReady;
  document.getElementById('coder').textContent = session.writable ? 'correcting as ' + session.coder : '';
});
