// A comparison of two builds (or SCM references, or sessions), /ui/compare?<the parameters of GET /api/v1/compare>:
// a form for both sides and the filters, the verdict counts, and every row, sorted by change either way.

import {ApiError, Unauthorized, getAll, getJson, segment} from './api.js';
import {RESOURCES, VERDICTS, h, link, message, number, numberCell, pages, percent, row, search, table, verdict}
  from './dom.js';
import {navigate} from './nav.js';

const SIDES = ['baseline', 'contender'];
const KINDS = [['build', 'Build of a pipeline'], ['scm', 'SCM reference'], ['session', 'Session']];
const FILTERS = ['component', 'verdict', 'resource', 'threshold', 'sort'];
const MOST_ROWS = 5000;

/** The parameters of the address that the API takes, as an object; the others are left out. */
function parameters(query) {
  const names = SIDES.flatMap((side) => ['pipeline', 'build', 'scm', 'session'].map((n) => `${side}_${n}`))
    .concat(FILTERS);
  const found = {};
  for (const name of names) {
    if (query.has(name)) {
      found[name] = query.get(name);
    }
  }
  return found;
}

function kindOf(params, side) {
  return params[side + '_scm'] != null ? 'scm' : params[side + '_session'] != null ? 'session' : 'build';
}

function named(params, side) {
  return (params[side + '_pipeline'] && params[side + '_build']) || params[side + '_scm']
    || params[side + '_session'];
}

export async function comparePage(view, query) {
  const params = parameters(query);
  view.append(h('h1', {tabindex: '-1'}, 'Compare builds'));
  if (await completeDefaults(params)) {
    return 'Compare builds';
  }
  const lists = h('div', {hidden: true});
  view.append(compareForm(params, lists), lists);
  const results = h('section', {id: 'results', 'aria-label': 'Comparison', 'aria-live': 'polite'});
  view.append(results);
  if (!named(params, 'baseline') || !named(params, 'contender')) {
    results.append(message('note', 'Name both sides, then Compare.'));
  }
  await Promise.all([fillLists(lists, params),
    named(params, 'baseline') && named(params, 'contender') ? comparison(results, params) : null]);
  return 'Compare builds';
}

/** The comparison, or the API's refusal (a side with no session, a bad parameter) in its place. */
async function comparison(results, params) {
  try {
    await showComparison(results, params);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }
    results.append(message('error', `${error.status}: ${error.message}`),
      h('ul', {class: 'errors'}, Object.entries(error.errors).map(([field, reason]) =>
        h('li', {}, h('code', {}, field), ': ', String(reason)))));
  }
}

/**
 * Fills in what the address leaves out, then goes to the completed address: nothing named at all gives the first
 * pipeline's two newest builds; a contender build without a baseline gives the build before it.
 */
async function completeDefaults(params) {
  const anySide = SIDES.some((side) => ['pipeline', 'build', 'scm', 'session']
    .some((n) => params[`${side}_${n}`] != null));
  if (!anySide) {
    const answer = await getJson('/api/v1/pipelines');
    const pipeline = answer && answer.pipelines[0];
    if (!pipeline) {
      return false;
    }
    const builds = (await getAll(`/api/v1/pipelines/${segment(pipeline)}/builds/recent`, 'builds', 2)).rows;
    if (builds.length < 2) {
      return false;
    }
    navigate(pages.compare({baseline_pipeline: pipeline, baseline_build: builds[1], contender_pipeline: pipeline,
      contender_build: builds[0], ...params}), {replace: true});
    return true;
  }
  const pipeline = params.contender_pipeline;
  const build = params.contender_build;
  if (pipeline && build && !named(params, 'baseline') && params.baseline_pipeline == null) {
    const before = await buildBefore(pipeline, build);
    if (before != null) {
      navigate(pages.compare({baseline_pipeline: pipeline, baseline_build: before, ...params}), {replace: true});
      return true;
    }
  }
  return false;
}

/** The build of `pipeline` just older than `build` (builds/recent is newest first), walking at most 40 pages. */
async function buildBefore(pipeline, build) {
  let next = `/api/v1/pipelines/${segment(pipeline)}/builds/recent`;
  let seen = false;
  for (let pagesRead = 0; next && pagesRead < 40; pagesRead++) {
    const page = await getJson(next);
    if (!page) {
      return null;
    }
    for (const name of page.builds) {
      if (seen) {
        return name;
      }
      seen = name === build;
    }
    next = page.next_url;
  }
  return null;
}

function field(id, label, attrs) {
  return h('div', {class: 'field', dataset: attrs.dataset}, h('label', {for: id}, label),
    h('input', {id, name: id, autocomplete: 'off', ...attrs, dataset: null}));
}

function select(id, label, options, value) {
  return h('div', {class: 'field'}, h('label', {for: id}, label),
    h('select', {id, name: id}, options.map(([v, text]) => h('option', {value: v, selected: v === value}, text))));
}

/** The form: each side named one way, and the row filters; submitting goes to the address with these values. */
function compareForm(params, lists) {
  const sides = SIDES.map((side) => {
    const kind = kindOf(params, side);
    const radios = h('div', {class: 'kinds', role: 'radiogroup', 'aria-label': 'Named by'}, KINDS.map(([k, text]) =>
      h('label', {class: 'radio'}, h('input', {type: 'radio', name: side + '_by', value: k, checked: k === kind,
        onchange: () => showKind(fieldset, k)}), ' ', text)));
    const fieldset = h('fieldset', {class: 'side', dataset: {side}},
      h('legend', {}, side === 'baseline' ? 'Baseline' : 'Contender'), radios,
      field(side + '_pipeline', 'Pipeline', {value: params[side + '_pipeline'] || '', list: 'pipelines',
        dataset: {kind: 'build'},
        // The builds are suggestions only: a pipeline the server does not know simply has none.
        onchange: (event) => fillBuilds(lists, side, event.target.value.trim()).catch(() => null)}),
      field(side + '_build', 'Build', {value: params[side + '_build'] || '', list: side + '-builds',
        dataset: {kind: 'build'}}),
      field(side + '_scm', 'SCM reference', {value: params[side + '_scm'] || '', dataset: {kind: 'scm'}}),
      field(side + '_session', 'Session hash', {value: params[side + '_session'] || '', dataset: {kind: 'session'}}));
    showKind(fieldset, kind);
    return fieldset;
  });
  const filters = h('fieldset', {class: 'filters'}, h('legend', {}, 'Rows'),
    field('component', 'Component', {value: params.component || '', list: 'components',
      placeholder: 'every component'}),
    select('verdict', 'Verdict', [['', 'every verdict'], ...Object.entries(VERDICTS)], params.verdict || ''),
    select('resource', 'Resource', [['', 'every resource'], ...RESOURCES.map((r) => [r.name, r.label])],
      params.resource || ''),
    field('threshold', 'Threshold (%)', {type: 'number', min: '0', max: '1000', step: 'any',
      value: params.threshold || '', placeholder: 'the server\'s'}),
    select('sort', 'Order', [['-change', 'largest rise first'], ['change', 'largest fall first']],
      params.sort || '-change'));
  const form = h('form', {id: 'compare-form', class: 'compare-form', onsubmit: (event) => {
    event.preventDefault();
    navigate(pages.compare(formParameters(form)));
  }}, h('div', {class: 'sides'}, sides), filters, h('button', {type: 'submit'}, 'Compare'));
  return form;
}

function showKind(fieldset, kind) {
  for (const element of fieldset.querySelectorAll('[data-kind]')) {
    element.hidden = element.dataset.kind !== kind;
  }
}

/** The address parameters of the form: each side's chosen way only, filters only when set. */
function formParameters(form) {
  const data = new FormData(form);
  const params = {};
  for (const side of SIDES) {
    const kind = data.get(side + '_by') || 'build';
    const names = kind === 'build' ? ['pipeline', 'build'] : [kind];
    for (const n of names) {
      params[`${side}_${n}`] = String(data.get(`${side}_${n}`) || '').trim();
    }
  }
  for (const name of FILTERS) {
    const value = String(data.get(name) || '').trim();
    if (value && !(name === 'sort' && value === '-change')) {
      params[name] = value;
    }
  }
  return params;
}

/** The choices of the form's fields: pipelines and components (first pages), each side's builds, newest first. */
async function fillLists(lists, params) {
  lists.append(h('datalist', {id: 'pipelines'}), h('datalist', {id: 'components'}),
    ...SIDES.map((side) => h('datalist', {id: side + '-builds'})));
  try {
    const [pipelines, components] = await Promise.all([getJson('/api/v1/pipelines'),
      getJson('/api/v1/components')]);
    lists.querySelector('#pipelines').append(...(pipelines ? pipelines.pipelines : [])
      .map((name) => h('option', {value: name})));
    lists.querySelector('#components').append(...(components ? components.components : [])
      .filter((name) => name).map((name) => h('option', {value: name})));
    await Promise.all(SIDES.map((side) => fillBuilds(lists, side, params[side + '_pipeline'])));
  } catch (error) {
    if (error instanceof Unauthorized) {
      throw error;
    }
  }
}

async function fillBuilds(lists, side, pipeline) {
  const list = lists.querySelector('#' + side + '-builds');
  if (!list || !pipeline) {
    return;
  }
  const answer = await getJson(`/api/v1/pipelines/${segment(pipeline)}/builds/recent`);
  list.replaceChildren(...(answer ? answer.builds : []).map((name) => h('option', {value: name})));
}

function describe(ref) {
  const what = ref.build != null ? `build ${ref.build} of ${ref.pipeline}` : ref.scm != null
    ? `SCM reference ${ref.scm}` : `session ${ref.session}`;
  return `${what} (${ref.sessions} session${ref.sessions === 1 ? '' : 's'}, ${ref.tests} tests)`;
}

async function showComparison(results, params) {
  const {rows, first, more} = await getAll('/api/v1/compare' + search(params), 'comparisons', MOST_ROWS);
  if (!first) {
    results.append(message('note', 'Nothing to compare.'));
    return;
  }
  const m = first.method;
  results.append(h('h2', {}, 'Result'),
    h('p', {class: 'refs'}, h('b', {}, 'Baseline: '), describe(first.baseline), h('br'),
      h('b', {}, 'Contender: '), describe(first.contender)),
    h('p', {class: 'hint'}, `Threshold ${number(m.threshold_percent)} % (${m.threshold_source === 'request'
      ? 'this request' : 'the server\'s, or the component\'s own'}); history: ${m.history_builds} builds`,
    m.history_pipeline ? ` of ${m.history_pipeline}` : '', ' before the baseline. ',
    link('/docs/verdicts.md', 'How verdicts are decided'), '.'),
    summary(first.summary, params));
  const sort = params.sort === 'change' ? 'change' : '-change';
  const flip = {...params, sort: sort === 'change' ? undefined : 'change'};
  const historyPipeline = m.history_pipeline || first.baseline.pipeline || first.contender.pipeline;
  results.append(table({
    id: 'comparison',
    className: 'data comparison',
    caption: `${rows.length} row${rows.length === 1 ? '' : 's'}` + (params.verdict ? `, ${VERDICTS[params.verdict]
      || params.verdict} only` : '') + (params.component != null ? `, component ${params.component || '(none)'}`
      : ''),
    head: ['Test', 'Component', 'Resource', {text: 'Baseline', class: 'n'}, {text: 'Contender', class: 'n'},
      {text: h('button', {type: 'button', class: 'sort', id: 'sort-change',
        onclick: () => navigate(pages.compare(flip)),
        title: sort === 'change' ? 'Sort by largest rise first' : 'Sort by largest fall first'},
      'Change ', h('span', {'aria-hidden': 'true'}, sort === 'change' ? '▲' : '▼')),
      class: 'n', 'aria-sort': sort === 'change' ? 'ascending' : 'descending'},
      'Verdict', {text: 'Threshold', class: 'n'}, 'Noise check', 'History'],
    rows: rows.map((r) => row([
      h('span', {title: r.item_path}, r.item_variant || r.item),
      r.component ? link(pages.compare({...params, component: r.component}), r.component) : '(none)',
      r.resource,
      numberCell(r.baseline),
      numberCell(r.contender),
      h('td', {class: 'n change'}, percent(r.change_percent)),
      verdict(r.verdict),
      h('td', {class: 'n'}, number(r.threshold_percent) + ' %'),
      noise(r),
      historyPipeline ? link(pages.history(r.item, historyPipeline, r.item_variant), 'history') : '—',
    ], {dataset: {verdict: r.verdict, component: r.component, resource: r.resource,
      change: r.change_percent == null ? 'null' : String(r.change_percent)}})),
  }));
  if (more) {
    results.append(message('note', `The first ${MOST_ROWS} rows; narrow the comparison with the filters.`));
  }
}

function noise(r) {
  const parts = [];
  if (r.interval_lower != null) {
    parts.push(`interval ${number(r.interval_lower)} – ${number(r.interval_upper)}`);
  }
  if (r.mann_whitney_p != null) {
    parts.push(`p = ${number(r.mann_whitney_p)}`);
  }
  return parts.length ? parts.join('; ') : r.history_builds ? `${r.history_builds} builds` : '—';
}

/** The count of rows per verdict, each a filter (or, when it is the filter, the way back to every verdict). */
function summary(counts, params) {
  return h('ul', {class: 'summary', 'aria-label': 'Rows per verdict'}, Object.keys(VERDICTS).map((name) => {
    const active = params.verdict === name;
    const target = pages.compare({...params, verdict: active ? undefined : name});
    return h('li', {}, h('a', {href: target, class: 'chip v-' + name, 'aria-current': active ? 'true' : null,
      dataset: {verdict: name}}, `${VERDICTS[name]}: ${counts[name] ?? 0}`));
  }));
}
