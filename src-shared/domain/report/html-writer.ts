// The report as one self-contained web page: inline CSS with print rules (A4, the
// map on a landscape page, table heads repeated), the map as inline SVG, no script,
// no link and no external reference of any kind, every user text escaped.
import { coverFacts } from './cover-facts';
import { textTableOf } from './data-table';
import { escapeXml } from './escape';
import { formatTimestamp } from './format';
import type { Report, ReportFigureRow, ReportTable, ReportValue } from './report-model';
import type { MapScene } from './map-scene';
import { renderMapSvg, sceneToSvg } from './svg-writer';
import type { TextMetrics } from './text-metrics';

const esc = escapeXml;
/** User text that may hold line breaks (objective, goal). */
const escLines = (text: string) => esc(text).replace(/\r\n?|\n/g, '<br>');

const STYLE = `
:root { --ink: #111827; --soft: #374151; --muted: #4b5563; --line: #d1d5db; --customer: #1d4ed8; --seller: #9a3412; --exit: #166534;
  --won: #15803d; --lost: #b91c1c; --nodecision: #a16207; --bottleneck: #ea580c; --loop: #6d28d9; --warn: #92400e; --warn-bg: #fef3c7; }
* { box-sizing: border-box; }
html { font-family: 'Noto Sans', 'Noto Sans JP', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif; font-size: 15px; line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0 auto; max-width: 1180px; padding: 0 24px 48px; }
h1 { font-size: 2rem; margin: 0.4em 0 0.1em; line-height: 1.2; }
h2 { font-size: 1.45rem; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 3px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.2em 0 0.4em; }
p { margin: 0.4em 0; }
.subtitle { font-size: 1.15rem; color: var(--soft); margin: 0 0 1em; }
.draft-banner { margin: 0 -24px; padding: 10px 24px; background: #b91c1c; color: #fff; font-weight: 800; font-size: 1.1rem; letter-spacing: 0.03em; }
.agreed-banner { margin: 0 -24px; padding: 10px 24px; background: #dcfce7; color: #14532d; font-weight: 700; }
.watermark { display: none; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.35em 1.2em; margin: 1em 0; }
dl.facts dt { font-weight: 700; color: var(--soft); }
dl.facts dd { margin: 0; }
.status-draft { color: #b91c1c; font-weight: 800; }
.status-agreed { color: var(--won); font-weight: 800; }
table { width: 100%; border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.93rem; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f4f6; font-weight: 700; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td ul { margin: 0; padding-left: 1.1em; }
td li { margin: 0.1em 0; }
.missing { color: var(--muted); font-style: italic; }
td.num.missing { white-space: normal; text-align: left; min-width: 10em; }
.small { font-size: 0.85em; color: var(--muted); }
.goal { font-style: italic; color: var(--soft); }
.customer { color: var(--customer); }
.seller { color: var(--seller); }
.exit { color: var(--exit); }
th.customer { border-top: 4px solid var(--customer); }
th.seller { border-top: 4px solid var(--seller); }
th.exit { border-top: 4px solid var(--exit); }
.serves { display: block; font-size: 0.85em; color: var(--muted); }
.tag { display: inline-block; font-size: 0.78em; font-weight: 700; border-radius: 4px; padding: 0 0.35em; background: #e5e7eb; }
.tag-warn { background: var(--warn-bg); color: var(--warn); }
.tag-error { background: #b91c1c; color: #fff; }
.tag-top { background: var(--bottleneck); color: #fff; }
tr.top td { background: #fff7ed; }
tr.top td:first-child { box-shadow: inset 5px 0 0 var(--bottleneck); }
.kind-loop { color: var(--loop); font-weight: 700; }
.map-frame { overflow: auto; border: 1px solid var(--line); border-radius: 8px; max-height: 85vh; background: #fff; }
.map-frame svg { display: block; height: auto; }
ul.checks { padding-left: 0; list-style: none; }
ul.checks li { margin: 0.4em 0; padding: 0.4em 0.6em; border-left: 5px solid var(--warn); background: #fffbeb; }
ul.checks li.error { border-left-color: #b91c1c; background: #fef2f2; }
footer { margin-top: 3em; font-size: 0.85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: 0.6em; }
@page { size: A4 portrait; margin: 14mm 12mm; }
@page map { size: A4 landscape; margin: 10mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  .draft-banner, .agreed-banner { margin: 0; }
  section { break-before: page; }
  section.map-section { page: map; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, li { break-inside: avoid; }
  .map-frame { overflow: visible; max-height: none; border: none; }
  .map-frame svg { width: 100% !important; min-width: 0 !important; max-height: 180mm; }
  .watermark { display: block; position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: 800;
    color: #b91c1c; opacity: 0.1; transform: rotate(-25deg); z-index: 1000; pointer-events: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function valueCell(v: ReportValue): string {
  const classes = [v.kind === 'text' ? '' : 'num', v.value === null && v.kind !== 'text' ? 'missing' : ''].filter(Boolean).join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}>${esc(v.text)}</td>`;
}

function list(items: readonly string[], empty: string, className = ''): string {
  if (items.length === 0) return `<span class="missing">${esc(empty)}</span>`;
  return `<ul${className ? ` class="${className}"` : ''}>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function table(head: readonly string[], rows: readonly string[], options: { numeric?: readonly number[]; headClasses?: readonly string[] } = {}): string {
  const th = head
    .map((h, i) => {
      const classes = [options.numeric?.includes(i) ? 'num' : '', options.headClasses?.[i] ?? ''].filter(Boolean).join(' ');
      return `<th scope="col"${classes ? ` class="${classes}"` : ''}>${esc(h)}</th>`;
    })
    .join('');
  return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function cover(report: Report): string {
  const c = report.cover;
  const facts: [string, string][] = coverFacts(c).map((f) => [
    f.label,
    f.kind === 'text'
      ? escLines(f.value)
      : f.agreed
        ? `<span class="status-agreed">Agreed</span> ${esc(f.detail)}`
        : '<span class="status-draft">Draft</span> — not agreed yet',
  ]);
  const participants =
    c.participants.length === 0
      ? '<p class="missing">No participants recorded.</p>'
      : table(
          ['Participant', 'Role'],
          c.participants.map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.role)}</td></tr>`),
        );
  return [
    '<header class="cover">',
    `<h1>${esc(c.title || 'Leanmap report')}</h1>`,
    `<p class="subtitle">Sales process map and measurement plan · ${esc(c.versionName)}</p>`,
    `<dl class="facts">${facts.map(([dt, dd]) => `<dt>${esc(dt)}</dt><dd>${dd}</dd>`).join('')}</dl>`,
    '<h3>Participants</h3>',
    participants,
    '</header>',
  ].join('\n');
}

function mapSection(report: Report, metrics: TextMetrics, scene: MapScene | undefined): string {
  const title = `${report.cover.title} — ${report.cover.versionName}`;
  const svg = scene ? sceneToSvg(scene, { title, inline: true }) : renderMapSvg(report.map, { metrics, draft: report.draft, title, inline: true });
  // On screen a wide map keeps a readable scale (at least 40 %) and scrolls; in print it fits the page.
  const minWidth = Math.round(report.map.width * 0.4);
  return [
    '<section class="map-section" id="map">',
    '<h2>The map</h2>',
    '<p class="small">Stages of the buying journey with what the customer does, what we do and the exit criteria; arrows carry the conversion rates. Dashed purple arrows loop back; the top two bottlenecks are marked in orange.</p>',
    `<div class="map-frame">${svg.replace('<svg ', `<svg style="width: 100%; min-width: ${minWidth}px" role="img" aria-label="Process map" `)}</div>`,
    '</section>',
  ].join('\n');
}

/** The comparison with the source version: figures, ranked changes, and both maps with their marks. */
function comparisonSection(report: Report, metrics: TextMetrics): string {
  const c = report.comparison;
  if (!c) return '';
  const map = (side: 'before' | 'after') => {
    const m = c.maps[side];
    const svg = renderMapSvg(m.map, { metrics, draft: false, title: `${m.versionName} (${side})`, inline: true, marks: m.marks });
    return [
      `<h3>${esc(side === 'before' ? 'Before' : 'After')}: ${esc(m.versionName)}</h3>`,
      `<div class="map-frame">${svg.replace('<svg ', `<svg style="width: 100%; min-width: ${Math.round(m.map.width * 0.3)}px" role="img" aria-label="${esc(m.versionName)} with its changes marked" `)}</div>`,
    ].join('\n');
  };
  return [
    '<section id="comparison">',
    `<h2>${esc(c.heading)}</h2>`,
    ...c.intro.map((p) => `<p>${esc(p)}</p>`),
    textTableSection(c.figures).replace('<h2>', '<h3>').replace('</h2>', '</h3>'),
    textTableSection(c.changes).replace('<h2>', '<h3>').replace('</h2>', '</h3>'),
    '<p class="small">On the maps: + in a circle marks what was added, − in a square what was removed, Δ in a diamond what changed.</p>',
    map('before'),
    map('after'),
    '</section>',
  ].join('\n');
}

function stagesSection(report: Report): string {
  const lean = (c: string) => (c ? ` <span class="tag">${esc(c)}</span>` : '');
  const rows = report.stages.map((s) => {
    const customer = s.customerActions.map((a) => `${esc(a.text)}${lean(a.leanClass)}`);
    const seller = s.sellerActions.map((a) => {
      const actor = a.actor !== 'seller' ? ` <span class="tag">${esc(a.actor)}</span>` : '';
      const serves =
        a.serves.length > 0
          ? `<span class="serves">helps: ${esc(a.serves.join('; '))}</span>`
          : a.actor === 'seller'
            ? '<span class="serves"><span class="tag tag-warn">helps no customer action</span></span>'
            : '';
      return `${esc(a.text)}${actor}${lean(a.leanClass)}${serves}`;
    });
    const name = `<strong>${esc(s.name)}</strong>${s.customerGoal.trim() ? `<br><span class="goal">${escLines(s.customerGoal)}</span>` : ''}`;
    return `<tr><td>${name}</td><td>${list(customer, 'none yet')}</td><td>${list(seller, 'none yet')}</td><td>${list(s.exitCriteria.map(esc), 'none yet')}</td>${valueCell(s.daysPerVisit)}${valueCell(s.completeAndAccurate)}</tr>`;
  });
  return [
    '<section id="stages">',
    '<h2>Stages</h2>',
    rows.length === 0
      ? '<p class="missing">The map has no stages yet.</p>'
      : table(['Stage and customer goal', 'Customer actions', 'Seller actions', 'Exit criteria', 'Days per visit', '%C&A'], rows, {
          numeric: [4, 5],
          headClasses: ['', 'customer', 'seller', 'exit'],
        }),
    '</section>',
  ].join('\n');
}

/** A ReportTable as a section: heading, intro, and its rows (or what it says when empty). */
function textTableSection(t: ReportTable): string {
  return [
    `<section id="${esc(t.id)}">`,
    `<h2>${esc(t.title)}</h2>`,
    `<p class="small">${esc(t.intro)}</p>`,
    t.rows.length === 0
      ? `<p class="missing">${esc(t.empty)}</p>`
      : table(
          t.columns.map((c) => c.header),
          t.rows.map((row) => `<tr>${row.map((cell, i) => `<td>${i === 0 ? `<strong>${esc(cell)}</strong>` : escLines(cell)}</td>`).join('')}</tr>`),
        ),
    '</section>',
  ].join('\n');
}

function figureTable(rows: readonly ReportFigureRow[], head: string): string {
  return table(
    [head, 'Value', 'How it is worked out'],
    rows.map((r) => `<tr><td><strong>${esc(r.name)}</strong></td>${valueCell(r.value)}<td class="small">${esc(r.explanation)}</td></tr>`),
    { numeric: [1] },
  );
}

function figuresSection(report: Report): string {
  const transitions = report.transitions.map(
    (t) =>
      `<tr><td>${esc(t.from)}</td><td>${esc(t.to)}</td><td${t.kind === 'loop back' ? ' class="kind-loop"' : ''}>${esc(t.kind)}</td><td>${esc(t.label)}</td>${valueCell(t.conversion)}</tr>`,
  );
  return [
    '<section id="figures">',
    '<h2>Process figures</h2>',
    '<p class="small">Worked out from the map as a Markov chain: each figure shows how, or which inputs it still needs. The figures are what the process can produce today, not what is demanded of it.</p>',
    figureTable(report.figures, 'Figure'),
    '<h3>Inputs</h3>',
    figureTable(report.inputs, 'Input'),
    '<h3>Conversion rates</h3>',
    transitions.length === 0
      ? '<p class="missing">No transitions on the map yet.</p>'
      : table(['From', 'To', 'Kind', 'Label', 'Conversion'], transitions, { numeric: [4] }),
    '</section>',
  ].join('\n');
}

function bottlenecksSection(report: Report): string {
  const b = report.bottlenecks;
  const rows = b.rows.map(
    (r) =>
      `<tr${r.top ? ' class="top"' : ''}><td class="num">${r.rank}${r.top ? ' <span class="tag tag-top">focus</span>' : ''}</td><td>${esc(r.transition)}</td>${valueCell(r.currentRate)}${valueCell(r.newRate)}${valueCell(r.gain)}</tr>`,
  );
  return [
    '<section id="bottlenecks">',
    '<h2>Bottlenecks</h2>',
    `<p>${esc(b.basis)}</p>`,
    b.problem ? `<p class="missing">${esc(b.problem)}</p>` : '',
    rows.length === 0 ? '<p class="missing">No transition to rank yet.</p>' : table(['Rank', 'Transition', 'Conversion today', 'After the step', 'Gain'], rows, { numeric: [0, 2, 3, 4] }),
    '</section>',
  ].join('\n');
}

function planSection(report: Report): string {
  const rows = report.measurementPlan.map((m) => {
    const readings = m.readings.map((r) => `${esc(r.date)}: <strong>${esc(r.value.text)}</strong>${r.note.trim() ? ` — ${esc(r.note)}` : ''}`);
    const what = [
      `<strong>${esc(m.name)}</strong>`,
      m.question.trim() ? `<br>${escLines(m.question)}` : '',
      m.definition.trim() ? `<br><span class="small">${escLines(m.definition)}</span>` : '',
    ].join('');
    const where = [esc(m.attachedTo), `<span class="small">${esc(m.kind)} · unit ${esc(m.unit)}</span>`, m.dataSource.trim() ? `<span class="small">Source: ${esc(m.dataSource)}</span>` : '']
      .filter(Boolean)
      .join('<br>');
    const owner = `${m.ownerRole.trim() ? esc(m.ownerRole) : '<span class="missing">no owner</span>'}<br><span class="small">${esc(m.cadence)}</span>`;
    return `<tr><td>${what}</td><td>${where}</td><td>${owner}</td>${valueCell(m.baseline)}${valueCell(m.target)}<td>${list(readings, 'none yet')}</td></tr>`;
  });
  return [
    '<section id="measurement-plan">',
    '<h2>Measurement plan</h2>',
    rows.length === 0
      ? '<p class="missing">No metrics in the measurement plan yet.</p>'
      : table(['Metric', 'Measured at', 'Owner and cadence', 'Baseline', 'Target', 'Readings'], rows, { numeric: [3, 4] }),
    '</section>',
  ].join('\n');
}

function checksSection(report: Report): string {
  const items = report.checks.map(
    (c) => `<li class="${c.severity}"><span class="tag ${c.severity === 'error' ? 'tag-error' : 'tag-warn'}">${c.severity === 'error' ? 'Error' : 'Check'}</span> ${esc(c.message)}</li>`,
  );
  return [
    '<section id="checks">',
    '<h2>Checks</h2>',
    items.length === 0 ? '<p>No open checks: every stage has customer actions and exit criteria, and every metric an owner, baseline and target.</p>' : `<ul class="checks">\n${items.join('\n')}\n</ul>`,
    '</section>',
  ].join('\n');
}

/**
 * The whole report as one HTML document; `metrics` are those the map was laid out with.
 * `scene` is the map already drawn (with the report's DRAFT setting), when the caller has it.
 */
export function renderHtml(report: Report, metrics: TextMetrics, scene?: MapScene): string {
  const c = report.cover;
  const title = `${c.title || 'Leanmap report'} — ${c.versionName}`;
  const banner = report.draft
    ? '<div class="draft-banner" role="note">DRAFT — this map version has not been agreed yet.</div>\n<div class="watermark" aria-hidden="true">DRAFT</div>'
    : `<div class="agreed-banner" role="note">Agreed${c.signOff ? ` on ${esc(formatTimestamp(c.signOff.agreedAt))}` : ''}</div>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load: no script, no fetch, no image or font from anywhere.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="generator" content="Leanmap ${esc(c.appVersion)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    banner,
    cover(report),
    textTableSection(textTableOf(report.executiveSummary)),
    mapSection(report, metrics, scene),
    comparisonSection(report, metrics),
    stagesSection(report),
    textTableSection(report.stageDetails),
    figuresSection(report),
    bottlenecksSection(report),
    textTableSection(textTableOf(report.improvementPlan)),
    planSection(report),
    checksSection(report),
    // The facilitation records close the report: what the room decided and left for later.
    ...report.records.map(textTableSection),
    `<footer>Generated ${esc(formatTimestamp(c.generatedAt))} by Leanmap ${esc(c.appVersion)}.${report.draft ? ' DRAFT: not agreed.' : ''}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
