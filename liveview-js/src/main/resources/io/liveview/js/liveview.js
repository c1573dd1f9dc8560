/*
 * LiveView for Java: the browser client. One ES module, no dependencies, served at /_lv/liveview.js
 * (below the server's mount prefix, if any):
 *   <script type="module" src="/_lv/liveview.js"></script>
 * The wire contract is docs/protocol.md. The server serves it without comments and indentation
 * (except in dev mode), so: no block comment below this one, no template literal spanning lines.
 *
 * On load it finds every live root, <div data-lv-root id="..." data-lv-token="...">, reads the CSRF token
 * from <meta name="lv-csrf" content="...">, opens one WebSocket to the socket next to this script
 * (/_lv/socket, so a prefix needs no setting) and joins every root.
 * Then it sends the user's events and applies the server's patches to the roots.
 *
 * Attributes it understands (docs/bindings.md has each one's payload):
 *   lv-click="name"            click on the element (or inside it): {type:"click", value: lv-value-*}; an <a>
 *                              does not navigate, a submit button does not submit its form
 *   lv-click-away="name"       a click anywhere outside the element, while it is shown
 *   lv-value-NAME="v"          sent as value.NAME with the element's events
 *   lv-target="3|selector"     the element's events go to that component (its lv-cid, or the one around
 *                              the selected element), not the view
 *   <form lv-submit="name">    submit (default prevented): {type:"submit", value: the form's fields}
 *   <form lv-change="name">    every input event in the form: {type:"change", value: fields, target: field name}
 *   lv-disable-with="text"     a form's button shows text, disabled, while the form's submit is in flight
 *   lv-debounce="ms|blur"      an element's events leave once it was quiet that long, or when it loses focus
 *   lv-throttle="ms"           at most one event per period
 *   lv-keydown / lv-keyup="name", lv-window-keydown / lv-window-keyup="name"
 *                              {type:"keydown", value: {key, value (a field's), lv-value-*}};
 *                              lv-key-filter="Enter" sends only that key
 *   lv-focus / lv-blur="name", lv-window-focus / lv-window-blur="name"
 *   <a lv-patch href="url">    the view moves to another URL of its own route, no reload (history kept)
 *   <a lv-navigate href="url"> another live page over the same socket: fetched, its body swapped in, no reload
 *   lv-hook="Name"             the app's hook of that name (see "hooks" below) follows the element
 *   lv-key / id                keyed list items (read by the server's differ)
 *   lv-update="ignore|append|prepend"  left alone / only added to (the client swaps a re-sent child by id)
 *
 * JS commands: a binding's value that starts with "[" is a JSON list of commands run in the browser,
 * [["show",{"to":"#dialog"}],["push",{"event":"open","value":{"id":"7"}}]]: show/hide/toggle {to, display},
 * add_class/remove_class/toggle_class {to, names}, set_attr {to, name, value}, remove_attr {to, name},
 * focus {to}, dispatch {to, event, detail}, push {event, value} (the binding's event, value over lv-value-*).
 * `to` is a CSS selector (absent: the bound element). What they set survives patches (see restore).
 *
 * Classes it sets:
 *   lv-connected | lv-disconnected | lv-error   exactly one on each root (connection status); a root in
 *                                                lv-error because its join was refused carries the reason's
 *                                                message in data-lv-error
 *   lv-click-loading, lv-submit-loading, ...     lv-TYPE-loading on an element whose event awaits its reply
 *                                                (and on the changed field, the submit button)
 *
 * Behaviour: one reply per ref; patches apply in order with paths evaluated after the previous op; a form
 * field the user edited after an event was sent keeps its value when that event's reply arrives; after a
 * submit's reply, unedited fields of the form go back to their rendered defaults; heartbeat every 30 s
 * (closed and reconnected when unanswered within 10 s); reconnect with backoff 200 ms .. 10 s (+-50%);
 * a join refused for a bad token or CSRF reloads the page once (never in a loop); a `reload` push (dev mode,
 * the layout was saved) reloads it. Events done while the view is not joined are dropped, not queued.
 *
 * Debug and test hook: window.liveView = {socket, isConnected(), enableLatencySim(ms), disableLatencySim(),
 * enableDebug(), disableDebug()}; isConnected() is true when the socket is open and every root is joined;
 * the latency (each way, every frame) and the frame log (console.debug) last for the tab.
 */

const STATES = ['lv-connected', 'lv-disconnected', 'lv-error'];
const CSRF = 'meta[name="lv-csrf"]';
const reloadKey = () => 'lv-reload:' + location.pathname;
const SOCKET_URL = new URL('socket', import.meta.url).href.replace(/^http/, 'ws'); // http->ws, https->wss
const inert = document.implementation.createHTMLDocument(''); // parses without running or loading anything

const views = new Map(); // root id -> {id, el, pristine, joined, jref, dead, tries, timer}
const pending = new Map(); // ref -> {cb, el}
const edits = new WeakMap(); // form field -> last ref sent before the user's latest edit of it
let socket = null;
let ref = 0; // last ref sent; never reset, so it increases on every socket and across sockets
let acked = 0; // highest ref answered
let tries = 0; // reconnect attempts since the last successful join
let started = false; // the socket was opened once; from then on down() reconnects it

const backoff = n => Math.min(1e4, 200 * 2 ** n) * (0.5 + Math.random());
const isOpen = () => socket?.readyState === 1;

function status(v, cls) {
  v.el.classList.remove(...STATES);
  v.el.classList.add(cls);
  v.dead = cls === 'lv-error';
}

function send(view, kind, payload, p = {}) {
  if (!isOpen()) return;
  const r = String(++ref);
  pending.set(r, p);
  p.els?.forEach(e => e.classList.add(p.cls));
  const frame = JSON.stringify([r, view, kind, payload]), ws = socket;
  log('sent', frame);
  later(() => ws.readyState === 1 && ws.send(frame));
}

// ---- connection ----

function connect() {
  const ws = (socket = new WebSocket(SOCKET_URL));
  ws.onopen = () => views.forEach(v => v.dead || join(v));
  ws.onmessage = e => later(() => {
    log('received', e.data);
    if (ws === socket) receive(JSON.parse(e.data));
  });
  ws.onclose = ws.onerror = () => down(ws);
}

function down(ws) {
  if (ws !== socket) return;
  socket = null;
  ws.close();
  pending.forEach(done);
  pending.clear();
  for (const h of hooked.values()) if (!h.down && (h.down = true)) h.disconnected?.();
  views.forEach(v => {
    v.joined = false;
    v.dead || status(v, 'lv-disconnected');
  });
  setTimeout(connect, backoff(tries++));
}

function join(v) {
  clearTimeout(v.timer);
  v.joined = false;
  const payload = { token: v.el.dataset.lvToken, csrf: document.querySelector(CSRF)?.content, url: location.href, pristine: v.pristine };
  // A rejoin may meet a view mounted afresh (its state lost): what the user typed is kept to re-send.
  const typed = v.pristine ? [] : [...v.el.querySelectorAll('form[lv-change]')].map(f => fields(f));
  send(v.id, 'join', payload, {
    cb(pl, r) {
      if (!pl.status) {
        v.joined = true;
        v.jref = String(r); // pushes name the join of the mount that made them
        v.pristine = false;
        v.tries = tries = 0;
        if (pl.html != null) show(v, parse(v.el, pl.html), pl.fresh);
        if (pl.fresh) recover(v, typed);
        hookUp(v, [], pl.events);
        for (const h of hooked.values()) if (h.v === v && h.down && !(h.down = false)) h.reconnected?.();
        status(v, 'lv-connected');
        setting(reloadKey(), null);
      } else if (/^(invalid|expired)_/.test(pl.reason)) {
        // invalid_token, expired_token, invalid_csrf: a fresh page has fresh tokens. Once.
        try { // without storage (a third-party frame) no reload: it could loop
          if (!sessionStorage.getItem(reloadKey())) {
            sessionStorage.setItem(reloadKey(), '1');
            return location.reload();
          }
        } catch {}
        status(v, 'lv-error');
      } else if (pl.reason === 'redirect') {
        location.assign(pl.to); // a mount or its hook sends the page elsewhere (the server allows only its own paths)
      } else if (pl.reason === 'mount_failed') {
        status(v, 'lv-disconnected');
        v.timer = setTimeout(() => join(v), backoff(v.tries++));
      } else {
        v.el.dataset.lvError = pl.message; // e.g. crash_loop's "reload the page": pages may show it with CSS
        status(v, 'lv-error');
      }
    }
  });
}

// Form recovery: the forms of a view mounted afresh get back what the user had typed (matched by
// order), and each sends it as a change, so the new view's state catches up.
function recover(v, typed) {
  [...v.el.querySelectorAll('form[lv-change]')].forEach((form, i) => {
    const value = typed[i];
    if (!value) return;
    for (const f of form.elements) {
      const had = f.name in value ? [].concat(value[f.name]) : null;
      if (!had || f.type === 'file') continue;
      if (f.options) for (const o of f.options) o.selected = had.includes(o.value);
      else if (f.type === 'checkbox' || f.type === 'radio') f.checked = had.includes(f.value);
      else f.value = had[0];
    }
    event(form, 'change', form.getAttribute('lv-change'), fields(form), { target: Object.keys(value)[0] });
  });
}

// Sent elsewhere by the view: its flash rides along in a cookie the next page's first render reads.
// A live redirect (socket.pushNavigate) swaps the page in over this socket.
function away(pl) {
  if (pl.flash) document.cookie = `lv_flash=${pl.flash}; path=/; max-age=60; samesite=lax`;
  pl.live ? visit(pl.to || pl.redirect, true) : location.assign(pl.to || pl.redirect);
}

// The DOM and the server disagree (a patch did not fit): start the view over.
function resync(v) {
  send(v.id, 'leave', {});
  join(v);
}

function receive([r, id, kind, pl]) {
  const v = views.get(id);
  if (kind === 'reply') {
    const p = pending.get(r);
    if (!p) return;
    pending.delete(r);
    acked = Math.max(acked, +r);
    done(p);
    if (pl.status) console.warn('liveview:', pl.reason, pl.message);
    if (pl.title != null) document.title = pl.title;
    if (pl.url) go(pl.url); // the view moved itself (socket.pushPatch)
    p.cb?.(pl, +r);
  } else if (!v?.joined || pl.join !== v.jref) {
    // a push from a mount this page no longer shows: dropped
  } else if (kind === 'diff') {
    if (pl.title != null) document.title = pl.title;
    if (pl.url) go(pl.url);
    patch(v, pl, acked);
  } else if (kind === 'redirect') {
    away(pl);
  } else if (kind === 'reload') {
    location.reload(); // dev mode: the layout, which no view's render holds, was saved
  } else if (kind === 'error') {
    console.warn('liveview:', id, pl.reason, pl.message);
    if (!v.dead) join(v);
  }
}

// ---- events ----

// An event is answered (or its socket is gone): its loading class goes where no other event of the
// same kind still waits, and lv-disable-with buttons get their own text back.
function done(p) {
  for (const e of p.els || []) {
    if (![...pending.values()].some(q => q.cls === p.cls && q.els.includes(e))) e.classList.remove(p.cls);
  }
  p.undo?.();
}

// Sends event `name` for `el`; dropped when its view is not joined. Until the reply, `lv-TYPE-loading`
// marks `el` and the `also` elements (the field that changed, the submit button).
function event(el, type, name, value, extra, also = [], then) {
  if (name?.[0] === '[') return run(el, name, (e, val) => event(el, type, e, { ...value, ...val }, extra, also, then));
  const root = el.closest('[data-lv-root]');
  const v = root && views.get(root.id);
  if (!v || v.el !== root || !v.joined || !isOpen()) return; // not ours, or not joined: dropped
  send(v.id, 'event', { type, event: name, value, ...extra, cid: target(el) }, {
    els: [el, ...also],
    cls: `lv-${type}-loading`,
    undo: type === 'submit' ? disableWith(el) : null,
    cb(pl, r) {
      if (pl.redirect) away(pl);
      else if (!pl.status && v.joined) {
        if (type === 'submit') reset(el, r);
        patch(v, pl, r);
        then?.(pl);
      } else if (pl.reason === 'unknown_view' && v.joined) join(v);
    }
  });
}

// lv-target: the number of a component (lv:target="${myself}"), or a selector of an element in one.
function target(el) {
  const t = el.getAttribute('lv-target');
  const c = t && (/^\d+$/.test(t) ? t : document.querySelector(t)?.closest('[lv-cid]')?.getAttribute('lv-cid'));
  return c ? +c : undefined;
}

// lv-disable-with="Saving..." on a form's buttons: shown, and the button disabled, while its submit
// is in flight. The button's own nodes go back before the reply's patch, which was made for them.
// A button already showing its text (a second push of the same submit) is left to the first.
const withheld = new WeakSet();

function disableWith(form) {
  const undo = [...form.querySelectorAll('[lv-disable-with]')].filter(b => !withheld.has(b)).map(b => {
    const kids = [...b.childNodes], text = b.getAttribute('lv-disable-with'), input = b.localName === 'input';
    const value = b.value;
    withheld.add(b);
    input ? (b.value = text) : (b.textContent = text);
    b.disabled = true;
    return () => {
      withheld.delete(b);
      input ? (b.value = value) : b.replaceChildren(...kids);
      b.disabled = false;
    };
  });
  return () => undo.forEach(f => f());
}

const values = el => {
  const value = {};
  for (const a of el.attributes) if (a.name.startsWith('lv-value-')) value[a.name.slice(9)] = a.value;
  return value;
};

function fields(form, submitter) {
  const value = Object.create(null);
  for (const [k, x] of new FormData(form, submitter)) {
    const s = typeof x === 'string' ? x : x.name; // a File goes as its name
    value[k] = k in value ? [].concat(value[k], s) : s;
  }
  return value;
}

// lv-debounce="ms": an element's event leaves once the element was quiet that long; "blur": when it
// loses focus. lv-throttle="ms": at most one a period, the first at once, the latest at the period's end.
// A held event leaves early when its field loses focus or its form is submitted.
const held = new WeakMap(); // element -> {timer, last, fire}

function limit(el, fire) {
  const debounce = el.getAttribute('lv-debounce'), throttle = +el.getAttribute('lv-throttle');
  const s = held.get(el) || {};
  held.set(el, s);
  clearTimeout(s.timer);
  s.fire = null;
  if (debounce) {
    s.fire = fire;
    if (debounce !== 'blur') s.timer = setTimeout(() => flush(el), +debounce);
  } else if (throttle) {
    const wait = (s.last || 0) + throttle - Date.now();
    s.fire = () => (s.last = Date.now()) && fire();
    if (wait > 0) s.timer = setTimeout(() => flush(el), wait);
    else flush(el);
  } else fire();
}

function flush(el) {
  const s = held.get(el), fire = s?.fire;
  if (!fire) return;
  clearTimeout(s.timer);
  s.fire = null;
  fire();
}

// Elements of live roots that listen for something anywhere: lv-click-away, lv-window-*.
const everywhere = attr => document.querySelectorAll(`[data-lv-root] [${attr}]`);

// A click that toggles a checkbox or radio fires its input event after the click's own frame went out;
// that edit belongs before the frame, so the click's reply may set the field.
let clicked = null;

document.addEventListener('click', e => {
  clicked = [e.target, ref];
  setTimeout(() => (clicked = null));
  for (const el of everywhere('lv-click-away')) {
    // A hidden element (a closed menu, a dialog a command hid) hears nothing: a click is not "away" from it.
    if (!el.contains(e.target) && el.checkVisibility()) event(el, 'click', el.getAttribute('lv-click-away'), values(el));
  }
  const link = e.target.closest?.('a[lv-patch], a[lv-navigate]');
  if (link && !e.metaKey && !e.ctrlKey && !e.shiftKey && e.button === 0) {
    e.preventDefault();
    return link.hasAttribute('lv-patch') ? navigate(link, link.href, true) : visit(link.href, true);
  }
  const el = e.target.closest?.('[lv-click]');
  if (!el) return;
  // A link does not navigate, a button in a form sends its own event instead of submitting the form.
  if (el.localName === 'a' || (el.form && el.type === 'submit')) e.preventDefault();
  limit(el, () => event(el, 'click', el.getAttribute('lv-click'), values(el)));
});

document.addEventListener('submit', e => {
  const form = e.target;
  if (!form.hasAttribute('lv-submit') || !form.closest('[data-lv-root]')) return;
  e.preventDefault();
  for (const f of form.elements) flush(f);
  const submitter = e.submitter ? [e.submitter] : [];
  event(form, 'submit', form.getAttribute('lv-submit'), fields(form, e.submitter), {}, submitter);
});

document.addEventListener('input', e => {
  const field = e.target;
  edits.set(field, clicked?.[0] === field ? clicked[1] : ref); // edited after frame `ref` was sent
  const form = field.form;
  if (form?.hasAttribute('lv-change')) {
    limit(field, () => event(form, 'change', form.getAttribute('lv-change'), fields(form), { target: field.name }, [field]));
  }
});

// <a lv-patch href="...">: the same view, another URL (a filter, a page), no reload; the history
// entry is the page's, so back and forward move the view between its URLs. A URL the view does not
// own (another route, another site) is loaded as a link would be.
function navigate(el, href, push) {
  const url = new URL(href, location.href);
  const root = el.closest?.('[data-lv-root]') || views.values().next().value?.el;
  const v = root && views.get(root.id);
  if (url.origin !== location.origin || !v?.joined || !isOpen()) return location.assign(url);
  send(v.id, 'patch', { url: url.href }, {
    cb(pl, r) {
      if (pl.redirect) return away(pl);
      if (pl.status) return visit(url, push);
      if (push) go(url);
      patch(v, pl, r);
    }
  });
}

let here = location.pathname + location.search; // the URL the view shows; a #fragment is not the view's
// Every history entry names the page it belongs to: back and forward patch within a page, and
// fetch another page's entry anew (see visit).
let page = history.state?.lvPage || String(Math.random());
history.replaceState({ ...history.state, lvPage: page }, '');

function go(url, newPage) {
  if (newPage) page = String(Math.random());
  history.pushState({ lvPage: page }, '', url);
  here = location.pathname + location.search;
}

window.addEventListener('popstate', e => {
  if (location.pathname + location.search === here) return;
  here = location.pathname + location.search;
  if (e.state?.lvPage === page) return navigate(document.body, location.href, false);
  page = e.state?.lvPage || page;
  visit(location.href, false);
});

// <a lv-navigate href> and socket.pushNavigate: another live page without a reload. Its first render
// comes by fetch (the join below adopts the instance that made it); its body replaces this one, the
// views whose roots went away leave and the new roots join, all over this socket. What is not a live
// page of this site is loaded as a link would be; of two navigations in flight, the later one wins.
let visits = 0;

async function visit(href, push) {
  const url = new URL(href, location.href), mine = ++visits;
  let res, doc;
  try {
    if (url.origin !== location.origin) throw 0;
    res = await fetch(url, { headers: { accept: 'text/html' } });
    doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    if (!res.ok || !doc.querySelector('div[data-lv-root]')) throw 0;
  } catch {
    return mine === visits && location.assign(url);
  }
  if (mine !== visits) return;
  if (push) {
    const to = new URL(res.url); // where redirects, if any, ended
    go(to.pathname + to.search + url.hash, true);
    scrollTo(0, 0);
  }
  document.title = doc.title;
  const meta = document.querySelector(CSRF), next = doc.querySelector(CSRF);
  if (meta && next) meta.content = next.content;
  document.body.replaceWith(doc.body);
  kept.clear(); // what commands set was the old page's: none of it moves to this one's ids
  for (const v of views.values()) {
    if (document.contains(v.el)) continue;
    if (v.joined) send(v.id, 'leave', {});
    v.joined = false;
    v.dead = true; // no rejoin, no reconnect for it
    clearTimeout(v.timer);
    views.delete(v.id);
    for (const [el, h] of hooked) if (h.v === v && hooked.delete(el)) h.destroyed?.();
  }
  adopt();
}

// lv-keydown / lv-keyup on the focused element or an ancestor, lv-window-keydown / -keyup anywhere;
// lv-key-filter="Enter" sends only that key (lv-key names list items). The value carries the key and a
// field's current value.
function key(el, type, attr, e) {
  const only = el.getAttribute('lv-key-filter');
  if (e.isComposing || (only && only !== e.key)) return;
  const value = { ...values(el), key: e.key };
  if (el.form !== undefined && typeof el.value === 'string') value.value = el.value;
  limit(el, () => event(el, type, el.getAttribute(attr), value));
}

for (const type of ['keydown', 'keyup']) {
  document.addEventListener(type, e => {
    const el = e.target.closest?.(`[lv-${type}]`);
    if (el) key(el, type, `lv-${type}`, e);
    for (const w of everywhere(`lv-window-${type}`)) key(w, type, `lv-window-${type}`, e);
  });
}

// lv-focus / lv-blur on the element that gains or loses focus; lv-window-focus / -blur when the page does.
for (const [dom, type] of [['focusin', 'focus'], ['focusout', 'blur']]) {
  document.addEventListener(dom, e => {
    const el = e.target;
    if (type === 'blur') flush(el);
    if (el.hasAttribute?.(`lv-${type}`)) event(el, type, el.getAttribute(`lv-${type}`), values(el));
  });
  window.addEventListener(type, e => {
    if (e.target !== window) return;
    for (const w of everywhere(`lv-window-${type}`)) event(w, type, w.getAttribute(`lv-window-${type}`), values(w));
  });
}

// ---- JS commands ----

// Runs a binding's commands in order; `push` sends the binding's event by the given name.
function run(el, list, push) {
  for (const [name, a = {}] of JSON.parse(list)) {
    const f = COMMANDS[name];
    if (name === 'push') push(a.event, a.value);
    else if (!f) console.error('liveview: unknown command', name, el);
    else for (const t of a.to ? document.querySelectorAll(a.to) : [el]) f(t, a);
  }
}

const hidden = el => getComputedStyle(el).display === 'none';

// What commands set on an element is kept as functions that set it again, one per display, class and
// attribute, so the last command on each wins and restore() can re-apply them all.
const kept = new Map(); // element -> Map(what -> set it)

function keep(el, what, set) {
  (kept.get(el) || kept.set(el, new Map()).get(el)).set(what, set);
  set(el);
}

function classes(el, a, on) {
  for (const n of a.names.split(/\s+/).filter(Boolean)) {
    const has = on ?? !el.classList.contains(n); // a toggle is decided now, not again on each restore
    keep(el, '.' + n, e => e.classList.toggle(n, has));
  }
}

const COMMANDS = {
  show: (el, a) => keep(el, 'display', e => {
    e.style.display = a.display || '';
    if (hidden(e)) e.style.display = 'block'; // a stylesheet or the hidden attribute hides it
  }),
  hide: el => keep(el, 'display', e => (e.style.display = 'none')),
  toggle: (el, a) => COMMANDS[hidden(el) ? 'show' : 'hide'](el, a),
  add_class: (el, a) => classes(el, a, true),
  remove_class: (el, a) => classes(el, a, false),
  toggle_class: classes,
  set_attr: (el, a) => keep(el, '@' + a.name, e => e.setAttribute(a.name, a.value)),
  remove_attr: (el, a) => keep(el, '@' + a.name, e => e.removeAttribute(a.name)),
  focus: el => el.focus(),
  dispatch: (el, a) => el.dispatchEvent(new CustomEvent(a.event, { bubbles: true, detail: a.detail }))
};

// After a join or a patch: what commands set is set again, over what the server rendered; an element
// the patch replaced (its own or an ancestor's HTML re-sent) hands it on to the element with its id.
function restore() {
  for (const [el, m] of kept) {
    if (el.isConnected) m.forEach(set => set(el));
    else {
      kept.delete(el);
      const now = el.id && document.getElementById(el.id);
      if (now) kept.set(now, m); // visited later in this loop, so set there
    }
  }
}

// ---- hooks ----

// The app's hooks, by the name lv-hook gives: import { hooks } from '/_lv/liveview.js'; hooks.Chart = {...}.
// A hook is an object with any of mounted, updated, destroyed, disconnected, reconnected; in them
// this.el is the element, this.pushEvent(name, value, onReply) sends an event,
// this.handleEvent(name, fn) receives what the view sends with socket.pushEvent, and
// this.exec(commands) runs JS commands (their JSON text) as if this.el carried them.
export const hooks = {};
const hooked = new Map(); // element -> its hook
const unknown = new WeakSet(); // elements whose hook name was reported missing

// After a join or a patch: what commands set goes back first (hooks see it); hooks of elements gone
// (or renamed) are destroyed, those around a node the patch touched are updated, new lv-hook elements
// are mounted; then the view's pushed events arrive.
function hookUp(v, touched, events = []) {
  restore();
  for (const [el, h] of hooked) {
    if (h.v !== v) continue;
    if (!v.el.contains(el) || el.getAttribute('lv-hook') !== h.name) {
      hooked.delete(el);
      h.destroyed?.();
    } else if (touched.some(n => el.contains(n))) h.updated?.();
  }
  for (const el of v.el.querySelectorAll('[lv-hook]')) {
    const name = el.getAttribute('lv-hook'), def = hooks[name];
    if (hooked.has(el) || unknown.has(el)) continue;
    if (!def) {
      unknown.add(el);
      console.error('liveview: no hook named', name, '(register it in hooks)', el);
      continue;
    }
    const on = {};
    const h = Object.assign(Object.create(def), {
      el, v, name, on,
      pushEvent: (event_, value, onReply) => event(el, 'hook', event_, value, {}, [], onReply),
      exec: list => event(el, 'hook', list, {}),
      handleEvent: (event_, fn) => (on[event_] ||= []).push(fn)
    });
    hooked.set(el, h);
    h.mounted?.();
  }
  for (const [name, payload] of events) {
    for (const h of hooked.values()) if (h.v === v) h.on[name]?.forEach(fn => fn(payload));
  }
}

// ---- patches ----

// Not edited since frame r was sent (so an answer to r, or anything later, may overwrite it).
const untouched = (field, r) => !(edits.get(field) >= r);

// After a submit's reply: unedited fields back to their rendered defaults.
function reset(form, r) {
  for (const f of form.elements) {
    if (!untouched(f, r)) continue;
    if (f.options) for (const o of f.options) o.selected = o.defaultSelected;
    else if (f.type === 'checkbox' || f.type === 'radio') f.checked = f.defaultChecked;
    else if (f.defaultValue != null && f.value !== f.defaultValue) f.value = f.defaultValue; // buttons have none
  }
}

// A join's HTML replaces the root's children unless they already are that HTML (a rejoin after a
// blip): then the page keeps its nodes, and with them focus, typed text and hooks. A view that ran on
// (not mounted afresh) keeps what its streams showed: the server has none of it.
function show(v, frag, fresh) {
  for (const s of fresh ? [] : frag.querySelectorAll('[lv-stream][id]')) {
    const old = [...v.el.querySelectorAll('[lv-stream]')].find(e => e.id === s.id);
    if (old) {
      const items = [...s.children];
      s.replaceChildren(...old.childNodes);
      stream(s, items);
    }
  }
  const now = v.el.childNodes, next = frag.childNodes;
  if (now.length !== next.length || [...now].some((n, i) => !n.isEqualNode(next[i]))) v.el.replaceChildren(frag);
}

// Parse html as the children of `parent` (HTML5 fragment parsing with parent as context).
// Options parsed in an inert select got that select's selection (its first option); back to their
// defaults, or inserting them would take the selection of the live select.
function parse(parent, html) {
  const ctx = inert.createElementNS(parent.namespaceURI, parent.localName);
  ctx.innerHTML = html;
  const frag = inert.createDocumentFragment();
  frag.append(...ctx.childNodes);
  for (const o of frag.querySelectorAll('option')) if (!o.closest('select')) o.selected = o.defaultSelected;
  return frag;
}

// Insert before child `index` (-1: at the end). In an lv-update="append"/"prepend" container an
// element whose id is already there replaces that child instead: it changed on the server.
function insert(parent, index, frag) {
  if (parent.hasAttribute('lv-stream')) return stream(parent, [...frag.children]);
  if (/^(append|prepend)$/.test(parent.getAttribute('lv-update'))) {
    for (const c of [...frag.children]) {
      const old = c.id && [...parent.children].find(e => e.id === c.id);
      if (old) old.replaceWith(c);
    }
  }
  parent.insertBefore(frag, index < 0 ? null : parent.childNodes[index] || null);
}

// Streams (lv-stream="{order}", see protocol.md): the page holds the items, the server sends each
// render's new ones with an order saying where they go, what leaves, and how many stay.
const order = el => {
  try { return JSON.parse(el.getAttribute('lv-stream')) || {}; } catch { return {}; }
};
const item = (el, id) => [...el.children].find(c => c.id === id);

function unstream(el) {
  const o = order(el);
  if (o.reset) el.replaceChildren();
  for (const id of o.del || []) item(el, id)?.remove();
}

// A streamed item the page shows already becomes the new one in place, node by node where they
// match, so what the user has there (focus, typed text, a hook's element) stays.
function morph(a, b) {
  for (const { name } of [...a.attributes]) if (!b.hasAttribute(name)) a.removeAttribute(name);
  for (const { name, value } of b.attributes) if (a.getAttribute(name) !== value) a.setAttribute(name, value);
  const was = [...a.childNodes], now = [...b.childNodes];
  now.forEach((n, i) => {
    const o = was[i];
    if (!o) a.append(n);
    else if (o.nodeName !== n.nodeName) o.replaceWith(n);
    else if (o.nodeType === 1) morph(o, n);
    else if (o.data !== n.data) o.data = n.data;
  });
  was.slice(now.length).forEach(o => o.remove());
}

// Items come in the order they take among themselves; those for the front go there one after another.
function stream(el, items) {
  const o = order(el), byId = new Map([...el.children].map(c => [c.id, c]));
  let front = 0;
  for (const c of items) {
    const old = byId.get(c.id), at = o.at?.[c.id] ?? -1;
    if (old) morph(old, c);
    else {
      byId.set(c.id, c);
      el.insertBefore(c, at < 0 ? null : el.children[at || front++] || null);
    }
  }
  const kids = [...el.children], keep = Math.abs(o.limit);
  if (o.limit) (o.limit > 0 ? kids.slice(keep) : kids.slice(0, -keep)).forEach(c => c.remove());
}

// Always updates the default (so a later reset goes to the current render); the live property
// only when `live`, i.e. the user has not typed since.
function setProp(n, name, value, live) {
  if (name === 'value' && n.options) for (const o of n.options) o.defaultSelected = o.value === value;
  else if (name === 'value') n.defaultValue = value; // attribute, or a textarea's text
  else if (name === 'checked') n.defaultChecked = value;
  else if (name === 'selected') n.defaultSelected = value;
  if (live) n[name] = value;
}

// ops: see protocol.md "Patches"; a component's (pl.c, by number) start at its element, path [0].
// r: skip `p` ops on fields edited since frame r was sent.
function patch(v, { patch: ops = [], c = {}, events }, r) {
  const touched = [];
  try {
    apply(ops, r, touched, p => p.reduce((node, i) => node.childNodes[i], v.el));
    for (const cid in c) {
      const el = v.el.querySelector(`[lv-cid="${cid}"]`);
      apply(c[cid], r, touched, p => p.slice(1).reduce((node, i) => node.childNodes[i], el));
    }
  } catch (e) {
    console.error('liveview: patch failed, rejoining', v.id, e);
    return resync(v);
  }
  hookUp(v, touched, events);
}

function apply(ops, r, touched, at) {
  for (const [op, path, a, b] of ops) {
    const n = at(path);
    touched.push(op === 'x' || op === 'd' ? n.parentNode : n);
    if (op === 't') n.data = a;
    else if (op === 'a') {
      n.setAttribute(a, b);
      if (a === 'lv-stream') unstream(n);
    }
    else if (op === 'r') n.removeAttribute(a);
    else if (op === 'p') setProp(n, a, b, untouched(n.closest('select') || n, r));
    else if (op === 'i') insert(n, a, parse(n, b));
    else if (op === 'd') n.remove();
    else if (op === 'x') n.replaceWith(parse(n.parentNode, a));
    else if (op === 'h') n.replaceChildren(parse(n, a));
    else if (op === 'm') {
      const child = n.childNodes[a];
      const before = n.childNodes[b < a ? b : b + 1] || null;
      try { n.moveBefore(child, before); } catch { n.insertBefore(child, before); } // moveBefore keeps focus
    } else throw new Error('unknown op ' + op);
  }
}

// ---- start ----

// Every live root of the page not yet known is taken on, and joined when the socket is open.
function adopt() {
  for (const el of document.querySelectorAll('div[data-lv-root][id][data-lv-token]')) {
    if (views.get(el.id)?.el === el) continue;
    const v = { id: el.id, el, pristine: true, joined: false, dead: false, tries: 0 };
    views.set(el.id, v);
    status(v, 'lv-disconnected');
    if (isOpen()) join(v);
  }
  if (views.size && !started && (started = true)) connect();
}

setInterval(() => {
  if (!isOpen()) return;
  const ws = socket;
  const timer = setTimeout(() => down(ws), 1e4);
  send(null, 'heartbeat', {}, { cb: () => clearTimeout(timer) });
}, 3e4);

// Developer aids, remembered for the tab: a simulated latency on every frame each way, and a log of
// every frame (console.debug).
const setting = (key, value) => {
  try {
    if (value === undefined) return sessionStorage.getItem(key);
    value == null ? sessionStorage.removeItem(key) : sessionStorage.setItem(key, value);
  } catch {}
};
const later = f => (+setting('lv-latency') > 0 ? setTimeout(f, +setting('lv-latency')) : f());
const log = (...line) => setting('lv-debug') && console.debug('liveview:', ...line);

window.liveView = {
  get socket() { return socket; },
  isConnected: () => isOpen() && [...views.values()].every(v => v.joined),
  enableLatencySim: ms => setting('lv-latency', ms),
  disableLatencySim: () => setting('lv-latency', null),
  enableDebug: () => setting('lv-debug', 1),
  disableDebug: () => setting('lv-debug', null)
};

// The page's own module and deferred scripts (the app's hooks) run before DOMContentLoaded: joining
// after it, no view's first render meets a hook not yet registered. Loaded later, the client starts
// at once; `load` covers an import between DOMContentLoaded and it (adopt takes each root once).
if (document.readyState === 'complete') adopt();
else for (const e of ['DOMContentLoaded', 'load']) addEventListener(e, adopt);
