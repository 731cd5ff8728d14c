// A session, /ui/sessions/<h>, and a context (the machine a session ran on), /ui/contexts/<h>: their fields and
// their metrics.

import {getAll, getJson, segment} from './api.js';
import {RESOURCES, date, fields, h, link, message, numberCell, pages, row, search, shortHash, table, titled}
  from './dom.js';

const MOST_METRICS = 2000;

function tag(session, key) {
  const found = (session.tags || []).find((t) => t.key === key);
  return found ? found.value : null;
}

/**
 * The one record of a prefix listing (/sessions/<prefix>, /contexts/<prefix>) whose hash is exactly `hash`; else
 * the page of those that start with it, for a list to choose from.
 */
async function exact(path, rowsKey, hashKey, hash) {
  const answer = await getJson(path);
  const rows = answer ? answer[rowsKey] : [];
  return {record: rows.find((r) => r[hashKey] === hash), others: rows};
}

function notFound(view, what, hash, others, page) {
  view.append(message('note', `No ${what} has exactly the hash ${hash}.`));
  if (others.length) {
    view.append(h('p', {}, `${others.length === 1 ? 'One starts' : 'These start'} with it:`),
      h('ul', {}, others.map((r) => h('li', {}, link(page(r.session_h || r.h), r.session_h || r.h)))));
  }
}

export async function sessionPage(view, hash) {
  view.append(h('h1', {tabindex: '-1'}, h('span', {class: 'kicker'}, 'Session '), shortHash(hash)));
  const {record: session, others} = await exact(`/api/v1/sessions/${segment(hash)}`, 'sessions', 'session_h', hash);
  if (!session) {
    notFound(view, 'session', hash, others, pages.session);
    return 'Session';
  }
  const pipeline = tag(session, 'pipeline_branch');
  const build = tag(session, 'pipeline_build_no');
  view.append(fields([
    ['Hash', h('code', {}, session.session_h)],
    ['Run date', date(session.run_date)],
    ['SCM reference', session.scm_ref],
    ['Pipeline', pipeline],
    ['Build', pipeline && build ? [build, ' · ', link(pages.compare({contender_pipeline: pipeline,
      contender_build: build}), 'compare with the build before')] : build],
  ]));
  if ((session.tags || []).length) {
    view.append(h('h2', {}, 'Tags'), table({
      className: 'data tags',
      head: ['Tag', 'Value'],
      rows: session.tags.map((t) => row([h('code', {}, t.key), t.value == null ? '—' : t.value])),
    }));
  }
  const [metrics, count] = await Promise.all([
    getAll(`/api/v1/sessions/${segment(hash)}/metrics`, 'metrics', MOST_METRICS),
    getJson(`/api/v1/sessions/${segment(hash)}/metrics/count`),
  ]);
  view.append(h('h2', {}, `Metrics (${count.count})`));
  if (!metrics.rows.length) {
    view.append(message('note', 'This session has no metric.'));
    return 'Session ' + hash;
  }
  view.append(metricsTable(metrics.rows, {pipeline, by: 'context'}));
  if (metrics.more) {
    view.append(message('note', `The first ${MOST_METRICS} of ${count.count} metrics.`));
  }
  return 'Session ' + hash;
}

export async function contextPage(view, hash, query) {
  view.append(h('h1', {tabindex: '-1'}, h('span', {class: 'kicker'}, 'Context '), shortHash(hash)));
  const {record: context, others} = await exact(`/api/v1/contexts/${segment(hash)}`, 'contexts', 'h', hash);
  if (!context) {
    notFound(view, 'context', hash, others, pages.context);
    return 'Context';
  }
  view.append(fields([
    ['Hash', h('code', {}, context.h)],
    ['Machine', context.machine_node],
    ['CPUs', `${context.cpu_count} × ${context.cpu_type}` + (context.cpu_frequency ? ` at ${context.cpu_frequency}`
      + ' MHz' : '')],
    ['CPU vendor', context.cpu_vendor],
    ['Memory', `${context.ram_total} MB`],
    ['Machine type', context.machine_type],
    ['Architecture', context.machine_arch],
    ['System', context.system_info],
    ['Python', context.python_info],
  ]));
  const page = /^-?[1-9]\d{0,8}$/.test(query.get('page') || '') ? Number(query.get('page')) : -1;
  const answer = await getJson(`/api/v1/contexts/${segment(hash)}/metrics` + search({page}));
  const count = await getJson(`/api/v1/contexts/${segment(hash)}/metrics/count`);
  view.append(h('h2', {}, `Metrics (${count.count})`));
  if (!answer) {
    view.append(message('note', 'No metric ran on this context.'));
    return 'Context ' + hash;
  }
  const total = answer.total_page;
  const current = page < 0 ? total + page + 1 : page;
  const nav = pager(hash, current, total);
  view.append(nav, metricsTable(answer.metrics, {by: 'session'}), nav.cloneNode(true));
  return 'Context ' + hash;
}

/** Links to the first, previous, next and last pages of a context's metrics (newest last). */
function pager(hash, current, total) {
  const to = (n, text) => (n >= 1 && n <= total && n !== current
    ? link(pages.context(hash) + search({page: n}), text) : h('span', {class: 'off'}, text));
  return h('nav', {class: 'pager', 'aria-label': 'Pages of metrics'}, to(1, 'first'), ' · ',
    to(current - 1, 'previous'), ` · page ${current} of ${total} · `, to(current + 1, 'next'), ' · ',
    to(total, 'last (newest)'));
}

/** Metrics in arrival order; with the session's pipeline, each test links to its history. */
function metricsTable(metrics, {pipeline, by}) {
  return table({
    className: 'data metrics',
    head: ['Test', 'Module', 'Component', 'Kind', 'Started',
      ...RESOURCES.map((r) => ({text: titled({label: r.short, unit: r.unit}), class: 'n', title: r.label})),
      by === 'context' ? 'Context' : 'Session'],
    rows: metrics.map((m) => row([
      pipeline ? link(pages.history(m.item, pipeline, m.item_variant), m.item_variant || m.item)
        : (m.item_variant || m.item),
      m.item_path,
      m.component || '—',
      m.kind,
      h('td', {class: 'date'}, date(m.item_start_time)),
      ...RESOURCES.map((r) => numberCell(m[r.field])),
      by === 'context' ? link(pages.context(m.context_h), shortHash(m.context_h))
        : link(pages.session(m.session_h), shortHash(m.session_h)),
    ])),
  });
}
