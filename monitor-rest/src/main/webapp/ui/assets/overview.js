// The overview, /ui/: the counts, the newest sessions, the regressions of each pipeline's newest build, and the
// tests that use the most of each resource.

import {Unauthorized, getAll, getJson, segment} from './api.js';
import {RESOURCES, date, h, link, message, numberCell, pages, percent, row, search, shortHash, table, titled}
  from './dom.js';

const RECENT_SESSIONS = 10;
const TOP = 10;

export async function overviewPage(view, query) {
  const counts = h('section', {class: 'counts', 'aria-label': 'Counts'});
  const regressions = section('regressions', 'Recent regressions');
  const sessions = section('recent-sessions', 'Recent sessions');
  const top = section('top-consumers', 'Top consumers');
  view.append(h('h1', {tabindex: '-1'}, 'Overview'), counts, regressions, sessions, top);
  await Promise.all([
    guard(counts, () => fillCounts(counts)),
    guard(regressions, () => fillRegressions(regressions, query)),
    guard(sessions, () => fillSessions(sessions)),
    guard(top, () => fillTop(top)),
  ]);
  return 'Overview';
}

function section(id, title) {
  return h('section', {id, 'aria-labelledby': id + '-title'}, h('h2', {id: id + '-title'}, title));
}

/** Runs a section's loading; its failure shows in the section, but a 401 goes up to the key prompt. */
async function guard(element, load) {
  try {
    await load();
  } catch (error) {
    if (error instanceof Unauthorized) {
      throw error;
    }
    element.append(message('error', 'Could not load this part: ' + error.message));
  }
}

async function fillCounts(element) {
  const families = ['metrics', 'sessions', 'contexts'];
  const answers = await Promise.all(families.map((family) => getJson(`/api/v1/${family}/count`)));
  const format = new Intl.NumberFormat();
  families.forEach((family, i) => element.append(h('div', {class: 'stat', dataset: {count: family}},
    h('span', {class: 'stat-n'}, format.format(answers[i].count)), h('span', {class: 'stat-label'}, family))));
}

function tag(session, key) {
  const found = (session.tags || []).find((t) => t.key === key);
  return found ? found.value : null;
}

/** The newest sessions: the listing's last page (arrival order, so newest last), and pages before it if short. */
async function fillSessions(element) {
  const found = [];
  let page = await getJson('/api/v1/sessions?page=-1');
  while (page) {
    found.unshift(...page.sessions);
    if (found.length >= RECENT_SESSIONS || !page.prev_url) {
      break;
    }
    page = await getJson(page.prev_url);
  }
  const newest = found.reverse().slice(0, RECENT_SESSIONS);
  if (!newest.length) {
    element.append(message('note', 'No session yet: pytest-monitor sends them with --remote-server.'));
    return;
  }
  element.append(table({
    className: 'data',
    head: ['Session', 'Run date', 'Pipeline', 'Build', 'SCM reference'],
    rows: newest.map((session) => {
      const pipeline = tag(session, 'pipeline_branch');
      const build = tag(session, 'pipeline_build_no');
      return row([
        link(pages.session(session.session_h), shortHash(session.session_h)),
        h('td', {class: 'date'}, date(session.run_date)),
        pipeline || '—',
        pipeline && build ? link(pages.compare({contender_pipeline: pipeline, contender_build: build}),
          build) : (build || '—'),
        session.scm_ref || '—',
      ]);
    }),
  }));
}

/**
 * For each pipeline (the first page of /pipelines, or those of ?pipeline=), its two newest builds compared,
 * rows with the verdict regressed only.
 */
async function fillRegressions(element, query) {
  const chosen = query.getAll('pipeline').filter((name) => name);
  const pipelines = chosen.length ? chosen : ((await getJson('/api/v1/pipelines')) || {pipelines: []}).pipelines;
  element.append(h('p', {class: 'hint'}, chosen.length ? 'The pipelines you chose' : 'The first page of pipelines',
    ': each one\'s newest build against the build before it (builds ordered by their first run date). ',
    chosen.length ? link('/ui/', 'All pipelines') : 'Show one with ?pipeline=NAME in the address.'));
  if (!pipelines.length) {
    element.append(message('note', 'No pipeline yet: sessions name theirs with the pipeline_branch tag.'));
    return;
  }
  const blocks = pipelines.map((pipeline) => h('div', {class: 'pipeline', dataset: {pipeline}},
    h('h3', {}, pipeline)));
  element.append(...blocks);
  await eachLimited(pipelines, 4, (pipeline, i) => guard(blocks[i], () => fillPipeline(blocks[i], pipeline)));
}

async function eachLimited(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
}

async function fillPipeline(block, pipeline) {
  const builds = (await getAll(`/api/v1/pipelines/${segment(pipeline)}/builds/recent`, 'builds', 2)).rows;
  if (builds.length < 2) {
    block.append(message('note', 'One build only: nothing to compare yet.'));
    return;
  }
  const [contender, baseline] = builds;
  const sides = {baseline_pipeline: pipeline, baseline_build: baseline, contender_pipeline: pipeline,
    contender_build: contender};
  const {rows, first, more} = await getAll('/api/v1/compare' + search({...sides, verdict: 'regressed'}),
    'comparisons', 100);
  const regressed = first ? first.summary.regressed : 0;
  block.append(h('p', {}, `Build ${contender} against build ${baseline}: `,
    h('strong', {}, `${regressed} regressed`), first ? ` · ${first.summary.improved} improved` : '', ' · ',
    link(pages.compare(sides), 'the whole comparison')));
  if (!rows.length) {
    return;
  }
  block.append(table({
    className: 'data regressions',
    head: ['Test', 'Resource', {text: 'Baseline', class: 'n'}, {text: 'Contender', class: 'n'},
      {text: 'Change', class: 'n'}],
    rows: rows.map((r) => row([
      link(pages.history(r.item, pipeline, r.item_variant), r.item_variant || r.item),
      r.resource,
      numberCell(r.baseline),
      numberCell(r.contender),
      h('td', {class: 'n up'}, percent(r.change_percent)),
    ], {dataset: {verdict: r.verdict}})),
  }));
  if (more) {
    block.append(message('note', 'The first 100 rows; ', link(pages.compare({...sides, verdict: 'regressed'}),
      'all of them'), '.'));
  }
}

/** The metrics that used the most of each resource: one small table per resource. */
async function fillTop(element) {
  element.append(h('p', {class: 'hint'}, `The ${TOP} metrics that used the most of each resource, over all sessions.`));
  const grid = h('div', {class: 'grid'});
  element.append(grid);
  const answers = await Promise.all(RESOURCES.map((r) => getJson(`/api/v1/resources/${r.name}/head/${TOP}/metrics`)));
  RESOURCES.forEach((resource, i) => {
    const metrics = answers[i] ? answers[i].metrics : [];
    grid.append(table({
      className: 'data ranking',
      caption: titled(resource),
      head: ['Test', {text: 'Value', class: 'n'}, 'Session'],
      rows: metrics.length ? metrics.map((m) => row([
        h('span', {title: m.item_path}, m.item_variant || m.item),
        numberCell(m[resource.field]),
        link(pages.session(m.session_h), shortHash(m.session_h)),
      ])) : [row([h('td', {colspan: '3'}, 'No metric yet')])],
    }));
  });
}
