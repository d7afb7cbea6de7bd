// The report's mustache template and stylesheet. {{name}} is HTML-escaped;
// {{{name}}} is used only for SVG made by svg.h (which escapes its text).
#pragma once

#include <string_view>

namespace uncounted::report::internal {

inline constexpr std::string_view kReportTemplate = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="uncounted {{version}}">
<title>{{title}}</title>
<style>
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #1b1b1b; margin: 0; background: #fafafa; }
main, header { max-width: 980px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 34px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.banner { padding: 8px 12px; border-radius: 4px; margin: 8px 0; }
.synthetic { background: #fff4d6; border: 1px solid #e0b64a; }
.internal { background: #fde2e1; border: 1px solid #c0392b; font-weight: 600; }
.public { background: #e6f1fa; border: 1px solid #7fb2d9; }
.headline { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }
.figure { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 12px 16px; min-width: 200px; }
.figure .number { font-size: 28px; font-weight: 700; }
.figure .label { color: #555; font-size: 13px; }
.chart { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 8px; overflow-x: auto; }
.chart svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 8px 0 16px; background: #fff; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.recommended td { background: #eef7ee; font-weight: 600; }
tr.run td { background: #eef3fb; }
.absent { color: #666; font-style: italic; }
.note { color: #444; font-size: 13px; }
code, .digest { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
nav ol { columns: 2; font-size: 14px; }
svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: #333; }
svg .tick { fill: #555; }
svg .axis-label, svg .legend { font-size: 12px; fill: #333; }
svg .row-label { font-size: 12px; }
svg .strong { font-weight: 700; }
svg .value-label { font-size: 11px; fill: #222; }
svg .small { font-size: 10px; }
svg .cell-note { font-size: 10px; fill: #8a4b00; }
svg .grid { stroke: #e5e5e5; stroke-width: 1; }
svg .baseline { stroke: #888; stroke-width: 1; }
svg .bar { stroke: none; }
svg .documented { fill: #9ecae1; }
svg .estimate { fill: #08306b; }
svg .whisker { stroke: #08306b; stroke-width: 2; }
svg .arrow { fill: #08306b; }
svg .suppressed { fill: #f2d7b6; stroke: #8a4b00; stroke-width: 1; stroke-dasharray: 2 2; }
svg .stripe { fill: #f3f3f3; }
svg .dot.on { fill: #222; }
svg .dot.off { fill: #d6d6d6; }
svg .dot-link { stroke: #222; stroke-width: 3; }
svg .list-size { fill: #7a7a7a; }
svg .marker { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 5 3; }
svg .marker-label { fill: #c0392b; font-size: 11px; }
footer { max-width: 980px; margin: 40px auto; padding: 0 20px; color: #666; font-size: 12px; }
</style>
</head>
<body>
<header>
<h1>{{title}}</h1>
{{#synthetic}}<p class="banner synthetic"><strong>Synthetic data.</strong> Every record behind this report is simulated; no real person is counted.</p>{{/synthetic}}
{{#internal}}<p class="banner internal">INTERNAL REPORT: small counts are shown as they are. Do not publish or share outside the team.</p>{{/internal}}
{{#public}}<p class="banner public">Public report: no names, birth dates or record identifiers. Counts of 1 to 4 people are shown as “&lt;5”; a few larger counts are shown as “hidden” so that a small count cannot be worked out from a total.</p>{{/public}}
<nav><ol>
<li><a href="#totals">Documented and estimated totals</a></li>
<li><a href="#overlap">Overlap of the lists</a></li>
<li><a href="#timeline">Events over time</a></li>
<li><a href="#sentences">Sentences by period</a></li>
<li><a href="#linkage">Linkage</a></li>
<li><a href="#sensitivity">Sensitivity to linkage</a></li>
<li><a href="#methods">Methods and provenance</a></li>
</ol></nav>
</header>
<main>
{{#headline}}
<div class="headline">
<div class="figure"><div class="number">{{documented}}</div><div class="label">people documented by at least one list</div></div>
<div class="figure"><div class="number">{{estimate}}</div><div class="label">estimated in total ({{method}}), {{level}}% interval {{lower}} to {{upper}}</div></div>
</div>
{{/headline}}

<section id="totals">
<h2>1. Documented and estimated totals</h2>
{{#totals}}
<p>The bar is the number of people that at least one list documents; the dot is the estimated total, including people no list recorded, with its {{level}}% interval. The estimate shown is the recommended one of each table (see <a href="#methods">Methods</a>).</p>
<div class="chart">{{{chart}}}</div>
<table>
<thead><tr><th>Period</th><th class="num">Documented</th><th class="num">Estimated total</th><th class="num">Interval</th><th>Method</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{label}}</td><td class="num">{{documented}}</td><td class="num">{{estimate}}</td><td class="num">{{interval}}</td><td>{{method}}</td></tr>
{{/rows}}
</tbody>
</table>
<p class="note">How far to trust an interval: in uncounted's coverage study on simulated populations (docs/COVERAGE.md), the recommended interval held the true total about as often as its level says when the lists were independent or dependent in the ways the models allow, but far less often when people differ strongly in how visible they are to every list, and also less often when linkage errors split one person into two or join two people. Read these intervals together with the sensitivity to linkage (section 6).</p>
{{/totals}}
{{^totals}}<p class="absent">No estimate was given to the report (run <code>uncounted estimate --format json</code> and place its output as estimate.json).</p>{{/totals}}
</section>

<section id="overlap">
<h2>2. Overlap of the lists</h2>
{{#overlap}}
<p>Each column counts the people seen by exactly the lists marked with dots below it; the bars on the left are the lists' sizes. Overlaps are what the estimate rests on: the more the lists overlap, the fewer people no list recorded.</p>
<div class="chart">{{{chart}}}</div>
<table>
<thead><tr><th>Seen by</th><th class="num">People</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{pattern}}</td><td class="num">{{count}}</td></tr>
{{/rows}}
</tbody>
</table>
{{/overlap}}
{{^overlap}}<p class="absent">No capture histories were given to the report (histories.csv).</p>{{/overlap}}
</section>

<section id="timeline">
<h2>3. Events over time</h2>
{{#timeline}}
<p>Events per {{unit}}; one count is one of: {{counted}}.{{#has_undated}} {{undated}} events had no date precise enough to place and are not drawn.{{/has_undated}}</p>
{{#charts}}<h3>{{event_type}}</h3>
<div class="chart">{{{chart}}}</div>
{{/charts}}
{{/timeline}}
{{^timeline}}<p class="absent">No dated events were given to the report (record files with event_type and event_date columns).</p>{{/timeline}}
</section>

<section id="sentences">
<h2>4. Sentences by period</h2>
{{#sentences}}
<p>Length of the sentences recorded, by period of the sentence; one count is one of: {{counted}}.</p>
<div class="chart">{{{chart}}}</div>
<table>
<thead><tr><th>Period</th>{{#categories}}<th class="num">{{.}}</th>{{/categories}}<th class="num">All</th><th class="num">Median (months)</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{period}}</td>{{#cells}}<td class="num">{{.}}</td>{{/cells}}<td class="num">{{total}}</td><td class="num">{{median}}</td></tr>
{{/rows}}
</tbody>
</table>
{{/sentences}}
{{^sentences}}<p class="absent">The data holds no sentence lengths (sentence_months of sentence events).</p>{{/sentences}}
</section>

<section id="linkage">
<h2>5. Linkage</h2>
{{#linkage}}
<p>{{#has_records}}{{records}} records were linked into {{/has_records}}{{entities}} entities (people).</p>
{{#has_weights}}
<h3>Match weights of the compared pairs</h3>
<p>A pair's match weight is the log<sub>2</sub> of the evidence that its two records describe one person. Pairs far from the middle are clear decisions; pairs near it are the uncertain ones the estimate may rest on.</p>
<div class="chart">{{{weights}}}</div>
{{/has_weights}}
<h3>Records per entity</h3>
<div class="chart">{{{sizes}}}</div>
{{/linkage}}
{{^linkage}}<p class="absent">No linkage output was given to the report (clusters.csv, pairs.csv from <code>uncounted link</code>).</p>{{/linkage}}
</section>

<section id="sensitivity">
<h2>6. Sensitivity to linkage</h2>
{{#sensitivity}}
<p>The records were linked again at stricter and looser match thresholds (the match probability at which two records are taken to describe one person), and the total estimated again each time{{#has_seed}} with the same random seed ({{seed}}){{/has_seed}}. A looser threshold merges more records, so fewer people are documented; a stricter one splits them. If the estimate hardly moves, it does not rest on a few uncertain matches.{{#has_run}} This run's threshold is {{run_threshold}}.{{/has_run}}</p>
<p class="summary"><strong>{{summary}}</strong></p>
<div class="chart">{{{chart}}}</div>
<table>
<thead><tr><th class="num">Threshold</th><th class="num">Match weight</th><th class="num">Documented</th>{{#methods}}<th class="num">{{.}}: estimate ({{level}}% interval)</th>{{/methods}}</tr></thead>
<tbody>
{{#rows}}<tr{{#run}} class="run"{{/run}}><td class="num">{{threshold}}{{#run}} (this run){{/run}}</td><td class="num">{{weight}}</td><td class="num">{{documented}}</td>{{#cells}}<td class="num">{{#recommended}}<strong>{{text}}</strong>{{/recommended}}{{^recommended}}{{text}}{{/recommended}}</td>{{/cells}}</tr>
{{/rows}}
</tbody>
</table>
<p class="note">Each row of the chart is one threshold, the loosest at the top. The recommended estimate at each threshold is in bold in the table; the chart shows it. The match weight is the log<sub>2</sub> of the odds the threshold stands for (0 is even odds). The estimates are of the whole data, not of each period.</p>
{{/sensitivity}}
{{^sensitivity}}<p class="absent">The estimates were not made again at other linkage thresholds (sensitivity.json: the records re-linked and re-estimated at stricter and looser thresholds).</p>{{/sensitivity}}
</section>

<section id="methods">
<h2>7. Methods and provenance</h2>
{{#method_tables}}
<h3>{{heading}}</h3>
<p class="note">{{documented_text}}</p>
{{#has_estimates}}
<table>
<thead><tr><th>Method</th><th>Model</th><th>Selection</th><th class="num">Estimate</th><th class="num">Interval</th><th>Interval by</th></tr></thead>
<tbody>
{{#estimates}}<tr{{#recommended}} class="recommended"{{/recommended}}><td>{{method}}{{#recommended}} (recommended){{/recommended}}</td><td>{{model}}</td><td>{{criterion}}</td><td class="num">{{estimate}}</td><td class="num">{{interval}}</td><td>{{interval_method}}</td></tr>
{{/estimates}}
</tbody>
</table>
{{#has_reason}}<p class="note">Why recommended: {{reason}}</p>{{/has_reason}}
{{/has_estimates}}
{{#has_models}}
<p class="note">Log-linear models: {{considered}} considered; excluded {{without_mle}} whose maximum-likelihood estimate does not exist and {{unreliable}} with an unreliable fit. The best are:</p>
<table>
<thead><tr><th>Model</th><th class="num">Estimate</th><th class="num">AIC</th><th class="num">BIC</th><th class="num">Deviance</th><th class="num">df</th></tr></thead>
<tbody>
{{#models}}<tr><td>{{model}}</td><td class="num">{{estimate}}</td><td class="num">{{aic}}</td><td class="num">{{bic}}</td><td class="num">{{deviance}}</td><td class="num">{{df}}</td></tr>
{{/models}}
</tbody>
</table>
{{/has_models}}
{{#has_warnings}}<ul class="warnings">{{#warnings}}<li>{{.}}</li>{{/warnings}}</ul>{{/has_warnings}}
{{/method_tables}}
<h3>Disclosure control</h3>
<p class="note">{{suppression_text}}</p>
<h3>Provenance</h3>
<table>
<tbody>
<tr><th>uncounted</th><td>{{version}}</td></tr>
{{#has_seed}}<tr><th>Random seed</th><td>{{seed}}</td></tr>{{/has_seed}}
{{#dependencies}}<tr><th>{{name}}</th><td>{{version}}</td></tr>
{{/dependencies}}
</tbody>
</table>
{{#has_inputs}}
<table>
<thead><tr><th>Input</th><th>SHA-256</th></tr></thead>
<tbody>
{{#inputs}}<tr><td>{{label}}</td><td class="digest">{{sha256}}</td></tr>
{{/inputs}}
</tbody>
</table>
{{/has_inputs}}
{{#has_notes}}<ul class="notes">{{#notes}}<li>{{.}}</li>{{/notes}}</ul>{{/has_notes}}
</section>
</main>
<footer>Made by uncounted {{version}}. This file is self-contained: it loads nothing and runs no scripts.</footer>
</body>
</html>
)HTML";

}  // namespace uncounted::report::internal
