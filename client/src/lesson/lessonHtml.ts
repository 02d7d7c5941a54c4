/**
 * The lesson view's HTML (pure: no vscode import, unit-tested): offline, theme-aware (VS Code CSS variables),
 * a strict CSP with no script, no remote resource. The vulnerable and fixed examples are rendered side by side
 * with the lines that differ highlighted (a line diff computed here); "your code" shows the finding and the
 * fix preview the same way.
 */
import type { FixPreviewHunk, LessonExample, LessonResponse } from '../../../server/src/protocol/lesson';
import { escapeHtml, renderInline, renderMarkdown } from './markdown';

export type LineTag = 'same' | 'removed' | 'added';

/** A line diff (longest common subsequence): for each side, whether each line is kept or changed. */
export function lineDiff(a: string[], b: string[]): { before: LineTag[]; after: LineTag[] } {
  const n = a.length, m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const before: LineTag[] = new Array<LineTag>(n).fill('removed');
  const after: LineTag[] = new Array<LineTag>(m).fill('added');
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      before[i++] = 'same';
      after[j++] = 'same';
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++;
    else j++;
  }
  return { before, after };
}

const splitLines = (s: string) => s.replace(/\n$/, '').split('\n');

function codeBlock(cls: string, label: string, language: string, lines: string[], tags: LineTag[], firstLine?: number): string {
  const rows = lines
    .map((l, k) => {
      const mark = tags[k] === 'removed' ? '-' : tags[k] === 'added' ? '+' : ' ';
      const num = firstLine !== undefined ? `<span class="ln">${firstLine + k + 1}</span>` : '';
      return `<span class="line ${tags[k]}">${num}<span class="mark">${mark}</span>${escapeHtml(l) || ' '}</span>`;
    })
    .join('');
  return `<figure class="example ${cls}"><figcaption>${escapeHtml(label)}${language ? ` <span class="lang">${escapeHtml(language)}</span>` : ''}</figcaption><pre class="code" data-lang="${escapeHtml(language)}"><code>${rows}</code></pre></figure>`;
}

/** Two code blocks side by side, the differing lines highlighted. */
export function diffPair(before: { label: string; language: string; code: string; firstLine?: number }, after: { label: string; language: string; code: string; firstLine?: number }, classes: [string, string]): string {
  const a = splitLines(before.code), b = splitLines(after.code);
  const d = lineDiff(a, b);
  return `<div class="pair">${codeBlock(classes[0], before.label, before.language, a, d.before, before.firstLine)}${codeBlock(classes[1], after.label, after.language, b, d.after, after.firstLine)}</div>`;
}

/** The file name when the doc's fence names one (`json cline_mcp_settings.json`); not the default `app.<ext>`. */
function exampleLabel(kind: string, e: LessonExample): string {
  return /^app\.\w+$/.test(e.path) ? kind : `${kind}: ${e.path}`;
}

function section(id: string, title: string, body: string): string {
  return body.trim() ? `<section id="${id}"><h2>${escapeHtml(title)}</h2>${body}</section>` : '';
}

function hunks(h: FixPreviewHunk[], language: string): string {
  return h.map((x) => diffPair({ label: `before (line ${x.startLine + 1})`, language, code: x.before, firstLine: x.startLine }, { label: 'after the fix', language, code: x.after, firstLine: x.startLine }, ['fix-before', 'fix-after'])).join('');
}

export interface LessonHtmlOptions {
  /** webview.cspSource: the only origin styles may come from besides the nonce'd inline style. */
  cspSource: string;
  nonce: string;
  /** Link to the rule's exercise (a `command:` URI the panel allows), when exercises exist. */
  exerciseLink?: string;
}

export function lessonHtml(r: LessonResponse, o: LessonHtmlOptions): string {
  const l = r.lesson;
  const csp = `default-src 'none'; style-src ${o.cspSource} 'nonce-${o.nonce}';`;
  const v = l.examples.vulnerable, f = l.examples.fixed;
  const examples = v && f
    ? diffPair({ label: exampleLabel('Vulnerable', v), language: v.language, code: v.code }, { label: exampleLabel('Fixed', f), language: f.language, code: f.code }, ['vulnerable', 'fixed'])
    : '';
  const y = r.yourCode;
  const language = v?.language ?? '';
  const yourCode = y
    ? `<p class="message">${renderInline(y.message)}</p>` +
      `<figure class="example snippet"><figcaption>${escapeHtml(decodeURIComponent(y.uri.replace(/^.*\//, '')))}: line ${y.range.start.line + 1}</figcaption><pre class="code"><code>${splitLines(y.snippet)
        .map((t, k) => `<span class="line ${y.snippetStartLine + k >= y.range.start.line && y.snippetStartLine + k <= y.range.end.line ? 'finding' : 'same'}"><span class="ln">${y.snippetStartLine + k + 1}</span>${escapeHtml(t) || ' '}</span>`)
        .join('')}</code></pre></figure>` +
      (y.fix ? `<h3>Fix preview: ${renderInline(y.fix.title)}${y.fix.kind === 'suggestion' ? ' <span class="badge">review the change</span>' : ''}</h3>${hunks(y.fix.hunks, language)}` : '<p>This rule offers no automatic fix: apply "How to fix" by hand.</p>')
    : '';
  const policy = `<p><strong>Policy:</strong> <a href="${escapeHtml(l.policy.link)}">${escapeHtml(l.policy.link)}</a>${l.policy.configured ? '' : ' (public OWASP page; your organisation can set its own with <code>policy</code> in <code>.aisec.yaml</code>)'}${l.policy.owner ? ` · <strong>Owner:</strong> ${escapeHtml(l.policy.owner)}` : ''}</p>`;
  const mapping = `<ul class="mapping">${[
    ...l.mapping.owasp.map((x) => `<li>OWASP LLM Top 10 2025: <a href="${escapeHtml(x.url)}">${escapeHtml(`${x.id} ${x.title}`)}</a></li>`),
    l.mapping.cwe.length ? `<li>CWE: ${l.mapping.cwe.map((c) => `<a href="${escapeHtml(c.url)}">CWE-${c.id}</a>`).join(', ')}</li>` : '',
    l.mapping.nistAiRmf.length ? `<li>NIST AI RMF: ${escapeHtml(l.mapping.nistAiRmf.join(', '))}</li>` : '',
    l.mapping.euAiAct.length ? `<li>EU AI Act: ${escapeHtml(l.mapping.euAiAct.join(', '))}</li>` : '',
    l.mapping.iso42001.length ? `<li>ISO/IEC 42001: ${escapeHtml(l.mapping.iso42001.join(', '))}</li>` : '',
  ].join('')}</ul>`;
  const notes = l.teamNotes.map((n) => `<div class="note"><h3>From ${escapeHtml(n.source === 'policy' ? 'your team' : n.source)}</h3>${renderMarkdown(n.text)}</div>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Lesson: ${escapeHtml(l.ruleId)}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(l.ruleId)}</h1>
<p class="meta">${escapeHtml(l.severity)} · ${escapeHtml(l.confidence)} confidence · ${l.practice ? 'practice rule (product code only)' : 'reports in every file role'} · fix: ${escapeHtml(l.fix)} · pack ${escapeHtml(l.pack)}</p>
<div class="summary">${renderMarkdown(l.summary)}</div>
${o.exerciseLink ? `<p><a class="button" href="${escapeHtml(o.exerciseLink)}">Practise it: start the exercise</a></p>` : ''}
</header>
<main>
${section('your-code', 'Your code', yourCode)}
${section('why', 'Why it matters', renderMarkdown(l.whyItMatters))}
${section('examples', 'Vulnerable and fixed', examples)}
${section('how', 'How to fix', renderMarkdown(l.howToFix))}
${section('false-positives', 'When it is a false positive', renderMarkdown(l.falsePositives))}
${section('team-notes', "Your team's notes", notes)}
${section('policy', 'Policy and mapping', policy + mapping)}
${section('references', 'References', renderMarkdown(l.references))}
</main>
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 24px 32px; max-width: 1100px; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.2em; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); padding-bottom: 4px; margin-top: 1.6em; }
h3 { font-size: 1.05em; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
.meta { color: var(--vscode-descriptionForeground); margin-top: 0; }
code { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
pre.code { background: var(--vscode-textCodeBlock-background); padding: 8px 0; border-radius: 4px; overflow-x: auto; margin: 0; }
pre.code code { background: none; padding: 0; display: block; }
pre.code > code:not(:has(.line)) { padding: 0 10px; white-space: pre; }
.line { display: block; white-space: pre; padding: 0 10px 0 4px; }
.line .mark { display: inline-block; width: 1.4em; color: var(--vscode-descriptionForeground); user-select: none; }
.line .ln { display: inline-block; min-width: 2.5em; padding-right: 8px; text-align: right; color: var(--vscode-editorLineNumber-foreground); user-select: none; }
.line.removed { background: var(--vscode-diffEditor-removedLineBackground, rgba(255,0,0,0.15)); }
.line.added { background: var(--vscode-diffEditor-insertedLineBackground, rgba(0,255,0,0.15)); }
.line.finding { background: var(--vscode-editorWarning-background, rgba(255,200,0,0.15)); border-left: 3px solid var(--vscode-editorWarning-foreground, orange); }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; margin: 8px 0; }
figure { margin: 0; min-width: 0; }
figcaption { font-weight: 600; margin-bottom: 4px; }
.vulnerable figcaption, .fix-before figcaption { color: var(--vscode-errorForeground); }
.fixed figcaption, .fix-after figcaption { color: var(--vscode-testing-iconPassed, var(--vscode-foreground)); }
.lang, .badge { font-weight: normal; font-size: 0.85em; color: var(--vscode-descriptionForeground); border: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); border-radius: 3px; padding: 0 4px; }
.message { font-weight: 600; }
.note { border-left: 3px solid var(--vscode-textLink-foreground); padding-left: 12px; }
.button { display: inline-block; background: var(--vscode-button-background); color: var(--vscode-button-foreground); padding: 4px 12px; border-radius: 2px; text-decoration: none; }
.button:hover { background: var(--vscode-button-hoverBackground); color: var(--vscode-button-foreground); }
`;
