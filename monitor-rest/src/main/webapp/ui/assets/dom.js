// Building the pages without innerHTML: whatever the API answers only ever becomes a text node or an attribute
// value, so a test name such as "<img onerror=...>" shows as text. Formatting of numbers, dates and verdicts.

/** An element with attributes (on* functions become listeners) and children (strings become text nodes). */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) {
        if (data != null) {
          element.dataset[key] = String(data);
        }
      }
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children: nodes as they are, strings and numbers as text, arrays flattened, null and false skipped. */
export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child != null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** A link inside the pages. Only paths of this server: a value from the API never becomes a scheme. */
export function link(path, ...children) {
  if (!path.startsWith('/')) {
    throw new Error('not a path of this server: ' + path);
  }
  return h('a', {href: path}, ...children);
}

/**
 * A table, in a box that scrolls sideways when the window is narrow: head cells (strings, or {text, ...attributes}),
 * rows from row().
 */
export function table({caption, head, rows, className, id}) {
  return h('div', {class: 'table-wrap'}, h('table', {class: className, id},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, head.map((cell) => headCell(cell)))),
    h('tbody', {}, rows)));
}

function headCell(cell) {
  if (typeof cell === 'string') {
    return h('th', {scope: 'col'}, cell);
  }
  const {text, ...attrs} = cell;
  return h('th', {scope: 'col', ...attrs}, text);
}

/** A row of cells; a number cell is right-aligned. */
export function row(cells, attrs) {
  return h('tr', attrs || {}, cells.map((cell) => {
    if (cell instanceof Node && cell.nodeName === 'TD') {
      return cell;
    }
    return h('td', {}, cell);
  }));
}

/** A right-aligned number cell. */
export function numberCell(value, title) {
  return h('td', {class: 'n', title}, number(value));
}

/** A definition list of label and value pairs, values as text or nodes; null values show as a dash. */
export function fields(pairs) {
  return h('dl', {class: 'fields'}, pairs.map(([label, value]) =>
    [h('dt', {}, label), h('dd', {}, value == null || value === '' ? '—' : value)]));
}

const plain = new Intl.NumberFormat(undefined, {maximumFractionDigits: 1});

/** A number for people: about 4 significant digits, thousands grouped; a dash for none. */
export function number(value) {
  if (value == null || Number.isNaN(value)) {
    return '—';
  }
  const size = Math.abs(value);
  if (size >= 1000) {
    return plain.format(value);
  }
  if (size !== 0 && size < 0.001) {
    return value.toExponential(2);
  }
  return String(Number(value.toPrecision(4)));
}

/** A change in percent, signed: "+12.3 %"; "n/a" when there is none (a baseline of 0). */
export function percent(value) {
  if (value == null || Number.isNaN(value)) {
    return 'n/a';
  }
  const text = (Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1)).replace('-', '');
  const sign = Number(text) === 0 ? '' : value > 0 ? '+' : '−';
  return sign + text + ' %';
}

/** A date as the API gives it (ISO 8601, naive), with a space for the T. */
export function date(value) {
  return value ? value.replace('T', ' ') : '—';
}

/** A long hash cut to its start, the whole of it in the title. */
export function shortHash(hash) {
  return hash.length > 12 ? h('span', {title: hash, class: 'hash'}, hash.slice(0, 12) + '…')
    : h('span', {class: 'hash'}, hash);
}

/** The five resources of a metric: route name, metric field, labels and unit. */
export const RESOURCES = [
  {name: 'memory', field: 'mem_usage', label: 'Memory', short: 'Memory', unit: 'MB'},
  {name: 'cpu', field: 'cpu_usage', label: 'CPU usage', short: 'CPU', unit: ''},
  {name: 'total_time', field: 'total_time', label: 'Total (wall) time', short: 'Total', unit: 's'},
  {name: 'user_time', field: 'user_time', label: 'User time', short: 'User', unit: 's'},
  {name: 'kernel_time', field: 'kernel_time', label: 'Kernel time', short: 'Kernel', unit: 's'},
];

/** A resource's label with its unit: "Memory (MB)"; CPU usage, (user + kernel time) / wall time, has none. */
export function titled(resource) {
  return resource.unit ? `${resource.label} (${resource.unit})` : resource.label;
}

export const VERDICTS = {
  regressed: '▲ regressed',
  improved: '▼ improved',
  unchanged: 'unchanged',
  not_enough_history: 'not enough history',
};

/** A verdict as a badge: its words, not only its colour. */
export function verdict(name) {
  const known = Object.hasOwn(VERDICTS, name);
  return h('span', {class: 'verdict' + (known ? ' v-' + name : '')}, known ? VERDICTS[name] : String(name));
}

/** A message in the page: "error" or "note". */
export function message(kind, ...children) {
  return h('p', {class: kind, role: kind === 'error' ? 'alert' : null}, ...children);
}

/** The pages' own addresses. */
export const pages = {
  session: (hash) => '/ui/sessions/' + encodeURIComponent(hash),
  context: (hash) => '/ui/contexts/' + encodeURIComponent(hash),
  history: (item, pipeline, variant) => '/ui/items/' + encodeURIComponent(item)
    + search({pipeline, variant}),
  compare: (params) => '/ui/compare' + search(params),
};

/** "?a=1&b=2" of the parameters that are set (null and undefined left out), or "". */
export function search(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value != null) {
      query.append(name, String(value));
    }
  }
  const text = query.toString();
  return text ? '?' + text : '';
}
