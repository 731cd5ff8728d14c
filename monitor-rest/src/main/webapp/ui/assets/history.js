// A test's history, /ui/items/<item>?pipeline=P[&variant=V]: one chart per resource across the pipeline's builds,
// from GET /api/v1/items/<item>/history, with the points also as a table.

import {ApiError, Unauthorized, getJson, segment} from './api.js';
import {RESOURCES, date, h, link, message, number, numberCell, pages, percent, row, search, shortHash, table,
  titled, verdict} from './dom.js';
import {historyChart} from './chart.js';
import {navigate} from './nav.js';

export async function historyPage(view, item, query) {
  const pipeline = query.get('pipeline') || '';
  const variant = query.get('variant');
  view.append(h('h1', {tabindex: '-1'}, h('span', {class: 'kicker'}, 'History of '), item));
  const choice = h('div', {class: 'choice'});
  view.append(choice);
  const pipelines = pipelineChoice(choice, item, pipeline, variant);
  if (!pipeline) {
    await pipelines;
    view.append(message('note', 'Choose the pipeline whose builds make the history.'));
    return 'History of ' + item;
  }
  const path = `/api/v1/items/${segment(item)}/history`;
  const answers = await Promise.all(RESOURCES.map((resource) =>
    getJson(path + search({resource: resource.name, pipeline, variant})).catch((error) => error)));
  await pipelines;
  const failure = answers.find((answer) => answer instanceof Error);
  if (failure instanceof Unauthorized || (failure && !(failure instanceof ApiError))) {
    throw failure;
  }
  const found = answers.find((answer) => answer && !(answer instanceof Error) && answer.series.length);
  if (!found) {
    view.append(message('note', failure ? failure.message : `${item} never ran in a build of pipeline ${pipeline}.`));
    return 'History of ' + item;
  }
  const chosen = chooseSeries(view, found, item, pipeline, variant);
  view.append(legend());
  const charts = h('div', {class: 'charts'});
  view.append(charts);
  RESOURCES.forEach((resource, i) => {
    const answer = answers[i];
    const section = h('section', {class: 'resource', id: 'resource-' + resource.name,
      'aria-labelledby': 'title-' + resource.name}, h('h2', {id: 'title-' + resource.name},
      titled(resource)));
    charts.append(section);
    if (answer instanceof Error || !answer) {
      section.append(message('error', answer ? answer.message : 'No history.'));
      return;
    }
    const series = answer.series.find((s) => key(s) === chosen) || answer.series[0];
    drawResource(section, resource, series, answer.method, pipeline);
  });
  return `History of ${item}`;
}

/** The pipeline field (with the first page of pipelines to pick from), which reloads the page on change. */
async function pipelineChoice(element, item, pipeline, variant) {
  const input = h('input', {id: 'history-pipeline', name: 'pipeline', value: pipeline, list: 'history-pipelines',
    required: true, autocomplete: 'off'});
  const options = h('datalist', {id: 'history-pipelines'});
  element.append(h('form', {class: 'inline', onsubmit: (event) => {
    event.preventDefault();
    navigate(pages.history(item, input.value.trim(), variant));
  }}, h('label', {for: 'history-pipeline'}, 'Pipeline'), input, options, h('button', {type: 'submit'}, 'Show')));
  try {
    const answer = await getJson('/api/v1/pipelines');
    options.append(...(answer ? answer.pipelines : []).map((name) => h('option', {value: name})));
  } catch (error) {
    if (error instanceof Unauthorized) {
      throw error;
    }
  }
}

function key(series) {
  return JSON.stringify([series.component, series.item_path, series.item_variant]);
}

/**
 * The test to draw when the item name has several (variants, or the same name in other modules): the first, unless
 * the address names a variant; a list to switch.
 */
function chooseSeries(view, answer, item, pipeline, variant) {
  const first = answer.series[0];
  const facts = [['Pipeline', pipeline], ['Builds', String(answer.builds)], ['Component', first.component || '(none)'],
    ['Module', first.item_path], ['Variant', first.item_variant || '(none)']];
  view.append(h('p', {class: 'facts'}, facts.map(([label, value]) => h('span', {}, h('b', {}, label + ': '),
    value))));
  if (answer.series.length > 1) {
    view.append(h('nav', {class: 'variants', 'aria-label': 'Tests with this name'},
      h('p', {}, `${answer.series.length} tests have this name; the charts show the first. Others:`),
      h('ul', {}, answer.series.slice(1, 50).map((s) => h('li', {},
        link(pages.history(item, pipeline, s.item_variant), s.item_variant || s.item_path),
        s.component ? ` (${s.component})` : '')))));
  }
  return key(first);
}

function legend() {
  const entry = (kind, text) => h('li', {}, h('span', {class: 'swatch ' + kind, 'aria-hidden': 'true'}), text);
  return h('ul', {class: 'legend', 'aria-label': 'Legend'},
    entry('line', 'value: the median of the build\'s runs'),
    entry('dashed', 'baseline: median of the builds before'),
    entry('band', 'band: counts as unchanged'),
    entry('dot-red', 'regressed'),
    entry('dot-green', 'improved'),
    entry('change', 'change point: a new level starts'));
}

function drawResource(section, resource, series, method, pipeline) {
  const points = series.points;
  const regressed = points.filter((p) => p.verdict === 'regressed');
  const changes = series.change_points || [];
  const summary = `${points.length} builds, ${regressed.length} regressed, `
    + (changes.length ? `change points at build ${changes.map((c) => c.build).join(', ')}` : 'no change point');
  const holder = h('div', {class: 'plot'});
  const figure = h('figure', {class: 'chart', role: 'group', 'aria-label': `${resource.label}: ${summary}`,
    dataset: {resource: resource.name, regressed: regressed.length, changePoints: changes.length}}, holder,
    h('figcaption', {}, `${summary}. Threshold ${number(series.threshold_percent)} %.`));
  section.append(figure);
  const chart = historyChart(holder, {series, unit: resource.unit, lookback: method.lookback,
    onPick: (point) => navigate(pages.session(point.sessions[0]))});
  figure.dataset.points = String(chart.data[0].length);
  section.append(h('details', {}, h('summary', {}, 'The points as a table'), pointsTable(points, resource)));
}

function pointsTable(points, resource) {
  return table({
    className: 'data points',
    head: ['Build', 'First run', {text: titled({label: 'Value', unit: resource.unit}), class: 'n'}, 'Verdict',
      {text: 'Change', class: 'n'}, 'Interval', {text: 'Runs', class: 'n'}, 'Sessions'],
    rows: points.map((p) => row([
      p.build,
      h('td', {class: 'date'}, date(p.first_run_date)),
      numberCell(p.value),
      verdict(p.verdict),
      h('td', {class: 'n'}, percent(p.change_percent)),
      p.interval_lower == null ? '—' : `${number(p.interval_lower)} – ${number(p.interval_upper)}`,
      numberCell(p.runs),
      h('td', {}, p.sessions.slice(0, 3).map((s, i) => [i ? ' ' : '', link(pages.session(s), shortHash(s))]),
        p.sessions.length > 3 ? ` +${p.sessions.length - 3}` : ''),
    ], {dataset: {verdict: p.verdict}})),
  });
}
