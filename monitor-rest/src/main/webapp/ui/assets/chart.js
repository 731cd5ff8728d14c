// One test's history of one resource as a uPlot chart (uPlot 1.6.30, the global of its webjar's iife build):
// x is the build's position in the history, labelled with the build's name; the line is the build's value; the
// band is where a value counts as unchanged; regressed points are red, improved ones green; dashed vertical lines
// mark change points. Hovering shows a point's build, value, verdict and sessions; a click opens its session.

import {h, number, percent, VERDICTS} from './dom.js';

const COLORS = {
  value: '#1d4f91',
  baseline: '#6b7280',
  band: 'rgba(29, 79, 145, 0.12)',
  bandEdge: 'rgba(29, 79, 145, 0.35)',
  regressed: '#c62828',
  improved: '#2e7d32',
  change: '#8e24aa',
};

/** Series indexes in uPlot's data. */
const VALUE = 1;
const UPPER = 3;
const LOWER = 4;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Each point's baseline, as the server judges the point (docs/verdicts.md): the median of up to `lookback` points
 * before it; none for the first point.
 */
export function rollingBaseline(values, lookback) {
  return values.map((_, i) => (i === 0 ? null : median(values.slice(Math.max(0, i - lookback), i))));
}

/**
 * Where a point counts as unchanged: the threshold around its baseline, widened to the prediction interval of the
 * points before it where the server computed one (for points beyond the threshold with enough history). A point
 * is a regression only above both, an improvement only below both.
 */
export function unchangedBand(points, baseline, thresholdPercent) {
  const share = thresholdPercent / 100;
  const upper = points.map((p, i) => (baseline[i] == null ? null
    : Math.max(baseline[i] * (1 + share), p.interval_upper ?? -Infinity)));
  const lower = points.map((p, i) => (baseline[i] == null ? null
    : Math.min(baseline[i] * (1 - share), p.interval_lower ?? Infinity)));
  return {upper, lower};
}

/**
 * Keeps each chart as wide as its holder (the window or the page's columns change); drops the chart once its page
 * is gone (a removed holder reports a size of 0).
 */
const fitting = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const chart = entry.target.uplot;
    if (!chart) {
      continue;
    }
    if (!entry.target.isConnected) {
      fitting.unobserve(entry.target);
      chart.destroy();
      delete entry.target.uplot;
    } else if (plotWidth(entry.target) !== chart.width) {
      chart.setSize({width: plotWidth(entry.target), height: chart.height});
    }
  }
});

function plotWidth(holder) {
  return Math.max(280, Math.floor(holder.getBoundingClientRect().width));
}

/**
 * Draws `series` (a HistoryJson series) into `holder`; `onPick(point)` runs on a click on a point. Returns the
 * uPlot instance, also kept as the holder's `uplot` property for tests and the console.
 */
export function historyChart(holder, {series, unit, lookback, onPick}) {
  const points = series.points;
  const labels = points.map((p) => p.build);
  const values = points.map((p) => p.value);
  const baseline = rollingBaseline(values, lookback);
  const band = unchangedBand(points, baseline, series.threshold_percent);
  const only = (name) => points.map((p) => (p.verdict === name ? p.value : null));
  const data = [points.map((_, i) => i), values, baseline, band.upper, band.lower, only('regressed'),
    only('improved')];
  const changes = series.change_points || [];
  const tip = h('div', {class: 'tip', hidden: true});

  const marker = (color) => ({show: true, size: 9, width: 1, stroke: color, fill: color});
  const options = {
    width: plotWidth(holder),
    height: 260,
    legend: {show: false},
    scales: {x: {time: false, range: (u, min, max) => [min - 0.5, max + 0.5]}},
    cursor: {
      drag: {x: false, y: false, setScale: false},
      // A hover mark on the value line only (the other series get a mark of size 0).
      points: {size: (u, i) => (i === VALUE ? 11 : 0), width: (u, i) => (i === VALUE ? 2 : 0)},
    },
    series: [
      {label: 'build'},
      {label: 'value', stroke: COLORS.value, width: 2, points: {show: true, size: 5, fill: COLORS.value}},
      {label: 'baseline', stroke: COLORS.baseline, width: 1, dash: [4, 4], points: {show: false}},
      {label: 'band upper', stroke: COLORS.bandEdge, width: 1, points: {show: false}},
      {label: 'band lower', stroke: COLORS.bandEdge, width: 1, points: {show: false}},
      {label: 'regressed', stroke: COLORS.regressed, paths: () => null, points: marker(COLORS.regressed)},
      {label: 'improved', stroke: COLORS.improved, paths: () => null, points: marker(COLORS.improved)},
    ],
    bands: [{series: [UPPER, LOWER], fill: COLORS.band}],
    axes: [
      {
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
        space: 44,
        values: (u, splits) => splits.map((v) => (Number.isInteger(v) && v >= 0 && v < labels.length ? labels[v]
          : '')),
        grid: {show: false},
        label: 'build',
      },
      {size: 64, values: (u, splits) => splits.map((v) => number(v)), label: unit},
    ],
    hooks: {
      draw: [(u) => drawChangePoints(u, changes)],
      setCursor: [(u) => showTip(u, tip, points, unit)],
    },
  };
  const chart = new uPlot(options, data, holder);
  chart.over.append(tip);
  chart.over.addEventListener('click', (event) => {
    const left = event.clientX - chart.over.getBoundingClientRect().left;
    const i = chart.posToIdx(left);
    if (i != null && i >= 0 && i < points.length && points[i].sessions.length) {
      onPick(points[i]);
    }
  });
  chart.over.classList.add('clickable');
  holder.uplot = chart;
  fitting.observe(holder);
  return chart;
}

/** A dashed vertical line at the first build of each new level, with the build's name. */
function drawChangePoints(u, changes) {
  if (!changes.length) {
    return;
  }
  const ctx = u.ctx;
  const ratio = window.devicePixelRatio || 1;
  const top = u.bbox.top;
  const bottom = u.bbox.top + u.bbox.height;
  ctx.save();
  ctx.strokeStyle = COLORS.change;
  ctx.fillStyle = COLORS.change;
  ctx.lineWidth = 2 * ratio;
  ctx.setLineDash([6 * ratio, 4 * ratio]);
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  for (const change of changes) {
    const x = Math.round(u.valToPos(change.index, 'x', true));
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.fillText('change: ' + change.build, x + 4 * ratio, top + 2 * ratio);
  }
  ctx.restore();
}

/** The hover box: the point's build and date, value, verdict and change, runs and sessions. */
function showTip(u, tip, points, unit) {
  const i = u.cursor.idx;
  if (i == null || i < 0 || i >= points.length) {
    tip.hidden = true;
    return;
  }
  const p = points[i];
  const short = p.sessions.slice(0, 2).map((s) => (s.length > 12 ? s.slice(0, 12) + '…' : s)).join(', ');
  const sessions = p.sessions.length > 2 ? `${short} and ${p.sessions.length - 2} more` : short;
  tip.replaceChildren(
    h('strong', {}, `build ${p.build}`), ` · ${p.first_run_date ? p.first_run_date.replace('T', ' ') : ''}`,
    h('br'), `${number(p.value)} ${unit} · `, h('span', {class: 'v-' + p.verdict},
      VERDICTS[p.verdict] || p.verdict), p.change_percent == null ? '' : ` (${percent(p.change_percent)})`,
    h('br'), `${p.runs} run${p.runs === 1 ? '' : 's'} · session${p.sessions.length === 1 ? '' : 's'} ${sessions}`,
    h('br'), h('em', {}, 'click to open the session'));
  tip.hidden = false;
  // Beside the point, on the side with more room, so that it never hides the point itself.
  const left = u.valToPos(i, 'x');
  const top = u.valToPos(p.value, 'y');
  tip.style.left = (left > u.over.clientWidth / 2 ? Math.max(0, left - tip.offsetWidth - 14) : left + 14) + 'px';
  tip.style.top = Math.max(0, Math.min(u.over.clientHeight - tip.offsetHeight,
    top > u.over.clientHeight / 2 ? top - tip.offsetHeight - 10 : top + 10)) + 'px';
}
