/**
 * The HTML evidence page: one self-contained file (inline CSS, no scripts, no external resources) that
 * opens in any browser and prints cleanly. All content is escaped; only http(s) URLs become links.
 */
import type { LearningReport } from '../learning/report';
import { MODULE_STATE_LABELS } from '../learning/progress';
import type { MappingRow, ReportModel } from './report';
import { safeUrl } from './report';

/** Escape text for HTML element content and double- or single-quoted attribute values. */
export function esc(s: string | number | undefined): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A path:line location that may wrap after a slash, never inside a name or number. */
function loc(s: string): string {
  return esc(s).replace(/\//g, '/<wbr>');
}

function link(label: string, url: string | undefined): string {
  const u = safeUrl(url);
  return u ? `<a href="${esc(u)}" rel="noreferrer noopener">${esc(label)}</a>` : esc(label);
}

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--line:#d9dee7;--bg:#f6f8fb;--err:#b3261e;--warn:#9a6700;--info:#1f5fa8;--ok:#1a7f37}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
main{max-width:1180px;margin:0 auto;padding:28px 32px 48px}
header{border-bottom:3px solid var(--fg);padding-bottom:12px;margin-bottom:20px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:18px;margin:32px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line);break-after:avoid}
h3{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);margin:0}
.meta code{color:var(--fg)}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 4px}
.card{flex:1 1 120px;border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--bg)}
.card b{display:block;font-size:22px;line-height:1.2}
.card span{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.error b{color:var(--err)}.card.warning b{color:var(--warn)}.card.info b{color:var(--info)}
table{width:100%;border-collapse:collapse;margin:6px 0 10px;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid var(--line)}
th{background:var(--bg);font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.loc{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px;overflow-wrap:break-word;min-width:150px}
td.msg{word-break:break-word}
tr{break-inside:avoid}
code,.rule{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
.rules{display:flex;flex-wrap:wrap;gap:3px}
.rules .rule{background:var(--bg);border:1px solid var(--line);border-radius:3px;padding:0 4px}
.sev{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;font-weight:600;color:#fff}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.info{background:var(--info)}
.status{font-weight:600}.status.expired,.status.invalid{color:var(--err)}.status.expiring{color:var(--warn)}.status.active{color:var(--ok)}
.zero{color:#9aa3b2}
.hit td.num.open{color:var(--err);font-weight:600}
.none{color:var(--muted);font-style:italic}
.state{font-weight:600}.state.done{color:var(--ok)}.state.overdue{color:var(--err)}.state.in-progress{color:var(--warn)}.state.not-started{color:var(--muted)}
ul.files{columns:2;column-gap:32px;padding-left:18px;margin:6px 0;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
ul.files li{break-inside:avoid}
a{color:var(--info)}
footer{margin-top:36px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@media print{main{max-width:none;padding:0}body{font-size:11px}table{font-size:10.5px}h2{break-before:auto}a{color:inherit;text-decoration:none}.card{background:none}th{background:#eee}}
@page{size:A4;margin:14mm}
`;

function mappingTable(rows: MappingRow[], idHead: string, withTitle: boolean, tableId: string): string {
  if (!rows.length) return `<p class="none">No rule in force maps to this framework.</p>`;
  const head = `<tr><th>${esc(idHead)}</th>${withTitle ? '<th>Title</th>' : ''}<th>Rules in force</th><th class="num">Open findings</th><th class="num">Suppressed</th></tr>`;
  const body = rows
    .map((r) => {
      const rules = r.rules.length ? `<div class="rules">${r.rules.map((id) => `<span class="rule">${esc(id)}</span>`).join('')}</div>` : '<span class="zero">none</span>';
      const refs = r.refs?.length ? `<br><small>${esc(r.refs.join(', '))}</small>` : '';
      return `<tr data-id="${esc(r.id)}"${r.findings ? ' class="hit"' : ''}><th scope="row">${r.url ? link(r.id, r.url) : esc(r.id)}</th>${withTitle ? `<td>${esc(r.title)}${refs}</td>` : ''}<td>${rules}</td><td class="num open${r.findings ? '' : ' zero'}">${r.findings}</td><td class="num${r.suppressed ? '' : ' zero'}">${r.suppressed}</td></tr>`;
    })
    .join('\n');
  return `<table id="${esc(tableId)}"><thead>${head}</thead><tbody>\n${body}\n</tbody></table>`;
}

export function formatHtml(m: ReportModel): string {
  const s = m.summary;
  const cards = [
    ['error', s.findings.error, 'Errors'],
    ['warning', s.findings.warning, 'Warnings'],
    ['info', s.findings.info, 'Info'],
    ['', s.suppressed, 'Suppressed'],
    ['', s.suppressionsNotInForce, 'Expired / invalid suppressions'],
    ['', s.files, 'Files analysed'],
    ['', s.rulesInForce, 'Rules in force'],
  ]
    .map(([cls, n, label]) => `<div class="card ${cls}"><b>${esc(n)}</b><span>${esc(label)}</span></div>`)
    .join('');
  const findings = m.findings.length
    ? `<table id="findings"><thead><tr><th>Location</th><th>Rule</th><th>Severity</th><th>Message</th><th>Policy</th><th>Owner</th></tr></thead><tbody>\n${m.findings
        .map((f) => `<tr><td class="loc">${loc(`${f.path}:${f.line}:${f.column}`)}</td><td><span class="rule">${esc(f.ruleId)}</span><br><small>${esc(f.owasp.join(', '))}</small></td><td><span class="sev ${esc(f.severity)}">${esc(f.severity)}</span></td><td class="msg">${esc(f.message)}</td><td>${f.policy ? link('policy', f.policy) : '-'}</td><td>${esc(f.owner ?? '-')}</td></tr>`)
        .join('\n')}\n</tbody></table>`
    : '<p class="none">No open findings.</p>';
  const sups = m.suppressions.length
    ? `<table id="suppressions"><thead><tr><th>Location</th><th>Rule</th><th>Kind</th><th>Justification</th><th>Owner</th><th>Expires</th><th>Status</th></tr></thead><tbody>\n${m.suppressions
        .map((e) => `<tr><td class="loc">${loc(`${e.path}:${e.line}`)}</td><td><span class="rule">${esc(e.ruleId)}</span></td><td>${e.kind === 'inSource' ? 'comment' : 'config'}</td><td class="msg">${e.justification ? esc(e.justification) : '<span class="none">none</span>'}</td><td>${esc(e.by ?? '-')}</td><td>${esc(e.until ?? 'never')}${e.daysLeft !== undefined && e.status !== 'active' ? `<br><small>${e.daysLeft >= 0 ? `in ${e.daysLeft} days` : `${-e.daysLeft} days ago`}</small>` : ''}</td><td><span class="status ${esc(e.status)}">${esc(e.status)}</span>${e.status === 'expired' || e.status === 'invalid' ? `<br><small>${esc(e.message)}</small>` : ''}</td></tr>`)
        .join('\n')}\n</tbody></table>`
    : '<p class="none">No suppressions.</p>';
  const configFiles = m.configuration.configFiles.length
    ? m.configuration.configFiles.map((c) => `<li><code>${esc(c.path)}</code>${c.sha256 ? ` <small>sha256 ${esc(c.sha256)}</small>` : ''}</li>`).join('')
    : '<li class="none">none (built-in defaults)</li>';
  const packs = m.configuration.packs
    .map((p) => `<li><code>${esc(p.name)}</code> ${esc(p.version)}${p.rules !== undefined ? `: ${p.rules} rules in force` : ''}${p.file ? ` <small>from <code>${esc(p.file)}</code></small>` : ''}${p.owner ? ` <small>owner ${esc(p.owner)}</small>` : ''}${p.sha256 ? ` <small>sha256 ${esc(p.sha256)}</small>` : ''}</li>`)
    .join('');
  const files = m.coverage.files.map((f) => `<li>${esc(f.path)}${f.findings ? ` <small>(${f.findings})</small>` : ''}</li>`).join('');
  const skipped = m.coverage.skipped.length
    ? `<h3>Skipped files</h3><table id="skipped"><thead><tr><th>File</th><th>Reason</th></tr></thead><tbody>${m.coverage.skipped.map((f) => `<tr><td class="loc">${loc(f.file)}</td><td>${esc(f.reason)}</td></tr>`).join('')}</tbody></table>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="AISec ${esc(m.tool.version)}">
<title>AISec security evidence report</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>AISec security evidence report</h1>
<p class="meta">Generated <time datetime="${esc(m.generatedAt)}">${esc(m.generatedAt)}</time> by AISec ${esc(m.tool.version)} &middot; scan root <code>${esc(m.root)}</code></p>
</header>
<section id="summary"><h2>Summary</h2><div class="cards">${cards}</div>
<p class="meta">${s.files} files analysed (${s.lines.toLocaleString('en-US')} lines), ${s.skipped} skipped${s.parseErrors ? `, ${s.parseErrors} with syntax errors (analysed what parsed)` : ''}.</p></section>
<section id="owasp-section"><h2>OWASP Top 10 for LLM Applications 2025</h2>${mappingTable(m.frameworks.owasp, 'Category', true, 'owasp')}</section>
<section id="nist-section"><h2>NIST AI RMF 1.0 functions</h2>${mappingTable(m.frameworks.nistAiRmf, 'Function', true, 'nist')}</section>
<section id="eu-section"><h2>EU AI Act articles</h2>${mappingTable(m.frameworks.euAiAct, 'Article', false, 'eu-ai-act')}</section>
<section id="iso-section"><h2>ISO/IEC 42001:2023 Annex A controls</h2>${mappingTable(m.frameworks.iso42001, 'Control', false, 'iso42001')}</section>
<section id="findings-section"><h2>Findings (${m.findings.length})</h2>${findings}</section>
<section id="suppressions-section"><h2>Suppressions (${m.suppressions.length})</h2>${sups}</section>
<section id="configuration"><h2>Configuration in force</h2><ul><li>Tool: AISec ${esc(m.tool.version)}</li>${packs}</ul><h3>Config files</h3><ul>${configFiles}</ul>${m.configuration.policyOwner ? `<p>Policy owner: ${esc(m.configuration.policyOwner)}</p>` : ''}</section>
<section id="coverage"><h2>Files covered (${m.coverage.files.length})</h2><ul class="files">${files}</ul>${skipped}</section>
${m.learning ? learningSection(m.learning) : ''}<footer>Framework mappings come from each rule's metadata. A suppressed finding remains listed as evidence with its justification, owner and expiry.</footer>
</main>
</body>
</html>
`;
}

/** The `--learning` section: one table per learner (path, module, due, state, completed, hints, assisted). */
function learningSection(l: LearningReport): string {
  const day = (iso: string | undefined) => (iso ? `<time datetime="${esc(iso)}">${esc(iso.slice(0, 10))}</time>` : '-');
  const parts: string[] = [`<p class="meta">${l.learners.length} learner(s) from <code>${esc(l.progressDir)}/</code>, ${l.paths.length} learning path(s); overdue as of ${esc(l.today)}.</p>`];
  if (!l.paths.length) parts.push('<p class="none">No learning path is configured (<code>learning:</code> in .aisec.yaml or a pack).</p>');
  if (!l.learners.length) parts.push(`<p class="none">No readable progress file in ${esc(l.progressDir)}/.</p>`);
  for (const learner of l.learners) {
    const rows = learner.paths.flatMap((p) => {
      const title = l.paths.find((x) => x.id === p.pathId)?.title ?? p.pathId;
      return p.modules.map(
        (mod) =>
          `<tr data-path="${esc(p.pathId)}" data-module="${esc(mod.moduleId)}" data-state="${esc(mod.state)}"><td>${esc(title)}</td><td>${esc(mod.title)}</td><td>${mod.required ? 'required' : 'optional'}</td><td>${day(mod.due)}</td><td><span class="state ${esc(mod.state)}">${esc(MODULE_STATE_LABELS[mod.state])}</span></td><td>${mod.completed ? `yes, ${day(mod.completedAt)}` : `no <small>(${mod.itemsDone}/${mod.itemsTotal})</small>`}</td><td class="num">${mod.hints}</td><td>${mod.assisted ? 'yes' : 'no'}</td></tr>`,
      );
    });
    parts.push(
      `<h3 class="learner">${esc(learner.learner)}</h3><p class="meta">From <code>${esc(learner.file)}</code>, exported ${day(learner.exportedAt)}.</p>` +
        (rows.length ? `<table class="learner-progress" data-learner="${esc(learner.learner)}"><thead><tr><th>Path</th><th>Module</th><th>Kind</th><th>Due</th><th>State</th><th>Completed</th><th class="num">Hints</th><th>Assisted</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>` : '<p class="none">No module to report.</p>'),
    );
  }
  if (l.problems.length) parts.push(`<h3>Progress files not read</h3><ul id="learning-problems">${l.problems.map((p) => `<li><code>${esc(p.file)}</code>: ${esc(p.message)}</li>`).join('')}</ul>`);
  return `<section id="learning"><h2>Learning progress (${l.learners.length})</h2>${parts.join('\n')}</section>\n`;
}
