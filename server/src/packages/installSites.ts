/**
 * Where install commands hide in the files AISec reads: notebook `!pip install` / `%pip install` lines
 * (in the .ipynb JSON), Python `subprocess.run(["pip", "install", x])` / `os.system("pip install x")`,
 * JS `execSync("npm install x")` / `spawn("npm", ["install", x])`, and shell code in markdown
 * instructions (fenced shell blocks and inline code in AGENTS.md, *.instructions.md...).
 * Offsets are view offsets; each name is checked to be written verbatim at its offsets.
 */
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsStringValue, kids, pyStringContent, pyStringValue, pythonFlow } from '../analyzers/flow';
import { jsWalk } from '../analyzers/js/calls';
import type { DataNode, DataView, JsView, PythonView } from '../engine/views';
import { findInstallCommands, findInstallInArgv } from './installCommands';
import type { InstalledName } from './installCommands';

const verbatim = (text: string, names: InstalledName[]) => names.filter((n) => text.slice(n.start, n.end) === n.name);

/** `!pip install x` / `%pip install x` lines of notebook code cells, read from the raw JSON strings. */
export function installsInNotebook(view: DataView): InstalledName[] {
  if (!view.fileName.endsWith('.ipynb')) return [];
  const root = view.roots[0];
  const cells = root?.properties?.find((p) => p.key === 'cells')?.value;
  const out: InstalledName[] = [];
  for (const cell of cells?.items ?? []) {
    if (cell.properties?.find((p) => p.key === 'cell_type')?.value.value !== 'code') continue;
    const source = cell.properties?.find((p) => p.key === 'source')?.value;
    const pieces: DataNode[] = source?.type === 'string' ? [source] : (source?.items ?? []).filter((s) => s.type === 'string');
    for (const s of pieces) {
      // the raw JSON string with same-length stand-ins for escapes keeps file offsets exact
      const raw = view.text.slice(s.start + 1, s.end - 1).replace(/\\[nrt]/g, '\n\n').replace(/\\"/g, ' "').replace(/\\\\/g, '  ');
      let at = 0;
      for (const line of raw.split('\n')) {
        if (/^\s*[!%]/.test(line)) out.push(...findInstallCommands(line, s.start + 1 + at));
        at += line.length + 1;
      }
    }
  }
  return verbatim(view.text, out);
}

const PY_SHELL_CALLS = /^(os\.(system|popen)|subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput))$/;

/** subprocess / os.system calls whose command is a literal list or string. */
export function installsInPython(view: PythonView): InstalledName[] {
  const flow = pythonFlow(view);
  const out: InstalledName[] = [];
  for (const call of flow.calls) {
    const fn = call.childForFieldName('function');
    if (!fn || !PY_SHELL_CALLS.test(flow.qualName(fn))) continue;
    const args = call.childForFieldName('arguments');
    const first = args ? kids(args).find((a) => a.type !== 'comment' && a.type !== 'keyword_argument') : undefined;
    if (!first) continue;
    if (first.type === 'list' || first.type === 'tuple') {
      const argv = kids(first).map((el) => {
        const v = pyStringValue(el);
        const c = el.type === 'string' ? pyStringContent(el) : undefined;
        // sys.executable stands for python: [sys.executable, "-m", "pip", "install", ...]
        if (v === undefined) return { text: el.text === 'sys.executable' ? 'python' : '\u0000', start: el.startIndex, end: el.endIndex };
        return { text: v, start: c?.start ?? el.startIndex, end: c?.end ?? el.endIndex };
      });
      out.push(...findInstallInArgv(argv));
    } else if (first.type === 'string') {
      const v = pyStringValue(first);
      const c = pyStringContent(first);
      if (v !== undefined && c) out.push(...findInstallCommands(v, c.start));
    }
  }
  return verbatim(view.text, out);
}

const JS_SHELL_CALLS = /^(exec|execSync|spawn|spawnSync|execFile|execFileSync|execa|execaSync|execaCommand|execaCommandSync)$/;
type N = TSESTree.Node;

/** child_process / execa calls whose command is a literal string or literal argv. */
export function installsInJs(view: JsView): InstalledName[] {
  const out: InstalledName[] = [];
  // every node in source order, parent first (the program's walk order is listed once and shared)
  jsWalk(view.ast, (n) => {
    if (n.type === 'CallExpression') {
      const callee = n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' ? n.callee.property.name : n.callee.type === 'Identifier' ? n.callee.name : '';
      if (JS_SHELL_CALLS.test(callee) && n.arguments.length) {
        const [cmd, list] = n.arguments;
        const cmdText = jsStringValue(cmd);
        if (cmdText !== undefined && list?.type === 'ArrayExpression') {
          const argv = [{ text: cmdText, start: cmd.range[0] + 1, end: cmd.range[1] - 1 }];
          for (const el of list.elements) {
            const v = el && el.type !== 'SpreadElement' ? jsStringValue(el) : undefined;
            argv.push(v !== undefined && el ? { text: v, start: el.range[0] + 1, end: el.range[1] - 1 } : { text: '\u0000', start: 0, end: 0 });
          }
          out.push(...findInstallInArgv(argv));
        } else if (cmdText !== undefined) out.push(...findInstallCommands(cmdText, cmd.range[0] + 1));
      }
    }
  });
  return verbatim(view.text, out);
}

const SHELL_FENCES = /^(|sh|bash|zsh|shell|console|terminal|powershell|ps1|pwsh|cmd|bat|text|txt|fish|dockerfile|ipython|jupyter)$/i;

/** Shell code in markdown: fenced blocks of shell languages (or none), and inline code spans. */
export function installsInMarkdown(text: string): InstalledName[] {
  const out: InstalledName[] = [];
  const fence = /^([ \t]*)(```+|~~~+)[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)^\1?[ \t]*\2[ \t]*$/gm;
  const fenced: [number, number][] = [];
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text))) {
    const bodyStart = m.index + m[0].indexOf('\n') + 1;
    fenced.push([m.index, m.index + m[0].length]);
    if (SHELL_FENCES.test(m[3])) out.push(...findInstallCommands(m[4], bodyStart));
  }
  const inline = /`([^`\n]+)`/g;
  while ((m = inline.exec(text))) {
    const at = m.index;
    if (fenced.some(([s, e]) => at >= s && at < e)) continue;
    out.push(...findInstallCommands(m[1], at + 1));
  }
  return verbatim(text, out);
}

/** The install commands a rule view holds (text view: markdown-like prompt/instruction files only). */
export const installSites = {
  python: (v: PythonView) => installsInPython(v),
  js: (v: JsView) => installsInJs(v),
  data: (v: DataView) => installsInNotebook(v),
  text: (v: { text: string }, kind: string) => (kind === 'prompt' || kind === 'markdown' ? installsInMarkdown(v.text) : []),
};
