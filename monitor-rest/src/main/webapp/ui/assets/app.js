// The pages under /ui/: one shell (index.html) for every path, and this script, which reads the path, draws the
// page from the API, and follows links inside the pages without reloading. docs/pages.md describes the pages.

import {ApiError, Unauthorized, apiKey, forgetKey, rememberKey} from './api.js';
import {h, message} from './dom.js';
import {overviewPage} from './overview.js';
import {historyPage} from './history.js';
import {comparePage} from './compare.js';
import {contextPage, sessionPage} from './records.js';
import {navigate} from './nav.js';

/** Path patterns and their pages; a page fills its view and returns its title. */
const ROUTES = [
  [/^\/ui\/(index\.html)?$/, () => overviewPage],
  [/^\/ui\/sessions\/([^/]+)\/?$/, (match) => (view, query) => sessionPage(view, decode(match[1]), query)],
  [/^\/ui\/contexts\/([^/]+)\/?$/, (match) => (view, query) => contextPage(view, decode(match[1]), query)],
  [/^\/ui\/items\/([^/]+)\/?$/, (match) => (view, query) => historyPage(view, decode(match[1]), query)],
  [/^\/ui\/compare\/?$/, () => comparePage],
];

const main = document.getElementById('main');
let rendering = 0;

function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch (malformed) {
    return segment;
  }
}

/** Draws the page of the current address into a fresh view; a newer navigation makes an older view moot. */
async function render({focus = false} = {}) {
  const ticket = ++rendering;
  const view = h('div', {class: 'view'});
  main.replaceChildren(view);
  main.setAttribute('aria-busy', 'true');
  const query = new URLSearchParams(location.search);
  const route = ROUTES.map(([pattern, page]) => [pattern.exec(location.pathname), page])
    .find(([match]) => match);
  try {
    const title = route ? await route[1](route[0])(view, query) : notFound(view);
    if (ticket === rendering) {
      document.title = (title ? title + ' · ' : '') + 'Monitor Server';
    }
  } catch (error) {
    if (ticket === rendering) {
      showError(view, error);
    }
  } finally {
    if (ticket === rendering) {
      main.removeAttribute('aria-busy');
      view.dataset.ready = 'true';
      if (focus) {
        (main.querySelector('h1') || main).focus({preventScroll: true});
      }
    }
  }
}

function notFound(view) {
  view.append(h('h1', {tabindex: '-1'}, 'No such page'),
    message('note', 'The pages are the overview, a test\'s history, a comparison of two builds, a session and a',
      ' context: start from ', h('a', {href: '/ui/'}, 'the overview'), '.'));
  return 'No such page';
}

function showError(view, error) {
  view.replaceChildren();
  if (error instanceof Unauthorized) {
    keyForm(view);
    return;
  }
  view.append(h('h1', {tabindex: '-1'}, error instanceof ApiError ? 'The server said no' : 'Something failed'),
    message('error', error instanceof ApiError ? `${error.status}: ${error.message}` : String(error)));
  if (error instanceof ApiError && Object.keys(error.errors).length) {
    view.append(h('ul', {class: 'errors'}, Object.entries(error.errors).map(([field, reason]) =>
      h('li', {}, h('code', {}, field), ': ', String(reason)))));
  }
  if (!(error instanceof ApiError)) {
    console.error(error);
  }
}

/** The key prompt, drawn in place of a page that got 401. */
function keyForm(view) {
  const refused = Boolean(apiKey());
  const input = h('input', {id: 'api-key', name: 'key', type: 'password', required: true, autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'api-key-help'});
  const form = h('form', {class: 'key-form', onsubmit: (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key) {
      rememberKey(key);
      showKeyStatus();
      render({focus: true});
    }
  }},
  h('label', {for: 'api-key'}, 'API key'), input, h('button', {type: 'submit'}, 'Use this key'));
  view.append(h('h1', {tabindex: '-1'}, 'API key needed'),
    refused ? message('error', 'The server refused the key in use. Enter another one.')
      : message('note', 'This server has authentication on: the data comes with an API key only.'),
    form,
    h('p', {id: 'api-key-help', class: 'hint'}, 'The key is sent as Authorization: Bearer KEY to /api/v1 only. ',
      'It is kept in this tab\'s session storage until you forget it (top right) or close the tab; ',
      'it is never written to a cookie or to lasting storage. An admin issues keys (docs/security.md).'));
  input.focus();
}

/** The top right corner: whether a key is in use, and the button to forget it or to give one. */
function showKeyStatus() {
  const corner = document.getElementById('key-status');
  if (apiKey()) {
    corner.replaceChildren(h('span', {}, 'API key in use'), ' ', h('button', {type: 'button', class: 'link',
      onclick: () => {
        forgetKey();
        showKeyStatus();
        render();
      }}, 'Forget key'));
  } else {
    corner.replaceChildren(h('button', {type: 'button', class: 'link', onclick: () => {
      rendering++;
      const view = h('div', {class: 'view'});
      main.replaceChildren(view);
      main.removeAttribute('aria-busy');
      keyForm(view);
      view.dataset.ready = 'true';
    }}, 'Enter a key'));
  }
}

document.addEventListener('click', (event) => {
  const anchor = event.target.closest && event.target.closest('a[href]');
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey || anchor.target || anchor.hasAttribute('download')
      || anchor.hasAttribute('data-external')) {
    return;
  }
  const url = new URL(anchor.href, location.href);
  if (url.origin === location.origin && url.pathname.startsWith('/ui/')) {
    event.preventDefault();
    navigate(url.pathname + url.search);
  }
});

window.addEventListener('popstate', () => render({focus: true}));
window.addEventListener('monitor:navigate', (event) => render(event.detail));

showKeyStatus();
render();
