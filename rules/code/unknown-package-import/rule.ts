import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsParentIn, jsPick } from '../../../server/src/analyzers/js/calls';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import type { Fix, PrefilterFile } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import type { RuleContext } from '../../../server/src/engine/rule';
import type { BaseView } from '../../../server/src/engine/views';
import {
  isKnownPackage, isLocalModule, isNodeBuiltin, isNpmPackageDeclared, isPythonImportDeclared, isPythonStdlib,
  likelyTyposquat, manifestList, npmPackageOf, pythonDistsForImport,
} from '../../../server/src/packages';
import type { Ecosystem } from '../../../server/src/packages';
import { PYTHON_IMPORT_TO_DIST, PYTHON_NAMESPACE_PACKAGES } from '../../../server/src/packages/pythonImportNames';
import { own as ownEntry } from '../../../server/src/analyzers/own';

/** Directory names of the file's own path: `src/myapp/core/x.py` may import `myapp` or `core`. */
function ownFolders(path: string): Set<string> {
  const parts = path.replace(/\\/g, '/').split('/');
  return new Set(parts.slice(0, -1));
}

function fileStem(path: string): string {
  const base = path.replace(/\\/g, '/').split('/').pop() ?? '';
  return base.replace(/\.[^.]*$/, '');
}

interface ImportRef {
  /** The top-level name as written (`reqeusts`, `@scope/pkg`). */
  name: string;
  /** Full dotted module / module specifier (for Python mapping lookups). */
  full: string;
  start: number;
  end: number;
  /** Inside `try: ... except ImportError` (optional dependency): never reported as undeclared. */
  optional: boolean;
  /**
   * Behind an availability probe named after the module (`if is_docket_available():`, `if not HAS_GPUDB: return`,
   * or inside `def is_docket_available()`): the author wrote the name twice on purpose, so it is not a slip of
   * the keyboard (still reported when undeclared and unknown).
   */
  probed?: boolean;
}

const PYTHON2_STDLIB = new Set([
  'cPickle', 'cStringIO', 'StringIO', 'ConfigParser', 'Queue', 'urllib2', 'urlparse', 'httplib', 'HTMLParser', 'htmlentitydefs',
  'cookielib', 'Cookie', 'Tkinter', 'tkMessageBox', 'tkFileDialog', 'ttk', 'commands', 'md5', 'sha', 'sets', 'exceptions', 'thread',
  'dummy_thread', 'SocketServer', 'SimpleHTTPServer', 'BaseHTTPServer', 'CGIHTTPServer', 'xmlrpclib', 'SimpleXMLRPCServer', 'copy_reg',
  'repr', 'UserDict', 'UserList', 'UserString', 'anydbm', 'dbhash', 'whichdb', 'dumbdbm', 'gdbm', 'robotparser', 'popen2', 'new',
  'mimetools', 'rfc822', 'multifile', 'imputil', 'future_builtins', 'markupbase', 'DocXMLRPCServer', 'cdecimal', 'gtk', 'gobject', 'pygtk',
]);

/** Folder names of a package's own project templates: files there are written out for a generated project. */
const TEMPLATE_DIR = /^(templates?|scaffold(s|ing)?|boilerplates?|blueprints?|skeletons?|starters?|project[-_]templates?)$/i;

/**
 * Is the file inside a template/scaffold folder of a project (`create-app/dist/templates/rag/index.ts`)? Such
 * files are pieces of the projects the tool generates: the generator assembles them (a `types/` template plus
 * `components/`) and writes their manifest, so neither the tool's manifest nor a piece's own one lists what the
 * generated project will declare. Typosquats are still reported there.
 */
function inTemplateFolder(ctx: RuleContext<BaseView>): boolean {
  if (!(ctx.workspace?.manifests ?? []).length) return false;
  return ctx.path.replace(/\\/g, '/').split('/').slice(0, -1).some((seg) => TEMPLATE_DIR.test(seg));
}

/** First folders of a repository's source tree (monorepo workspaces, `baseUrl` roots): `packages/<pkg>/src/x.js`. */
const SOURCE_ROOTS = new Set(['packages', 'apps', 'libs', 'src', 'app', 'lib', 'modules', 'services', 'internal', 'projects']);

/**
 * A bare specifier that is a path from the repository root, resolved by `baseUrl` or the monorepo's tooling
 * (`packages/coding-agent/src/config.js`, `src/lib/db`, `apps/web/utils/auth.ts`): it starts with a source-root
 * folder and goes on for two more segments, or names a source file. npm packages under such a name are
 * imported by the name alone or with one extensionless subpath (`lib/fp` is still judged as the package `lib`).
 */
function monorepoPath(spec: string): boolean {
  if (spec.startsWith('@')) return false;
  const segs = spec.split('/');
  if (segs.length < 2 || !SOURCE_ROOTS.has(segs[0])) return false;
  return segs.length >= 3 || /\.([cm]?[jt]sx?|json)$/.test(segs[segs.length - 1]);
}

/** Metasyntactic names of snippets and generated throwaway modules (`fx_g.to_folder("foo"); from foo import M`). */
const PLACEHOLDER_MODULES = new Set(['foo', 'bar', 'baz', 'qux', 'spam', 'eggs', 'mymodule', 'my_module', 'your_module']);

function judge(ctx: RuleContext<BaseView>, eco: Ecosystem, ref: ImportRef): void {
  const ws = ctx.workspace;
  const own = ownFolders(ctx.path);
  if (own.has(ref.name) || fileStem(ctx.path) === ref.name || isLocalModule(ref.name, ws, ref.full)) return;
  if (eco === 'python') {
    if (isPythonStdlib(ref.name) || ref.name === '__main__') return;
    // private and native extension modules (`_sentencepiece`, `_winreg`) and Python 2's standard library
    // (version-guarded imports in code that still supports it) are not packages anyone installs by that name
    if (ref.name.startsWith('_') || PYTHON2_STDLIB.has(ref.name)) return;
    if (isPythonImportDeclared(ref.full, ws)) return;
  } else {
    if (isNodeBuiltin(ref.name) || isNpmPackageDeclared(ref.name, ws)) return;
    if (monorepoPath(ref.full)) return;
  }
  const squat = ref.probed ? undefined : likelyTyposquat(ref.name, eco);
  if (squat) {
    // the fix only when writing the intended import name is the whole change (same import name as dist, or a known mapping)
    const mapped = eco === 'npm' || ownEntry(PYTHON_IMPORT_TO_DIST, squat.intended) !== undefined || isPythonStdlib(squat.intended) || !Object.values(PYTHON_IMPORT_TO_DIST).includes(squat.dist);
    const fixes: Fix[] = mapped && ctx.view.text.slice(ref.start, ref.end) === ref.name ? [{ title: `Import \`${squat.intended}\` instead`, kind: 'suggestion', edits: [{ start: ref.start, end: ref.end, newText: squat.intended }] }] : [];
    ctx.report({ messageId: 'typosquat', data: { name: ref.name, intended: squat.intended, dist: squat.dist && squat.dist !== squat.intended ? ` (from \`${squat.dist}\`)` : '' }, start: ref.start, end: ref.end, fixes });
    return;
  }
  // possible hallucination: only where the workspace's manifests are known, and the name is not a known package either
  const declaredSomewhere = eco === 'python' ? ws?.pythonPackages : ws?.npmPackages;
  if (!declaredSomewhere || ref.optional || PLACEHOLDER_MODULES.has(ref.name)) return;
  // a script that extends sys.path imports modules from the folder it adds (built extensions, sibling scripts)
  if (eco === 'python' && extendsSysPath(ctx.view.text)) return;
  if (inTemplateFolder(ctx)) return;
  if (eco === 'python') {
    if (PYTHON_NAMESPACE_PACKAGES.has(ref.name) || pythonDistsForImport(ref.full).some((d) => isKnownPackage(d, 'python'))) return;
  } else if (isKnownPackage(ref.name, 'npm')) return;
  ctx.report({ messageId: 'undeclared', data: { name: ref.name, manifests: manifestList(ws, eco) }, start: ref.start, end: ref.end });
}

/** The last text asked about and its answer: each undeclared import of a file asks again. */
let sysPathText: string | undefined;
let sysPathAnswer = false;
function extendsSysPath(text: string): boolean {
  if (text !== sysPathText) {
    sysPathText = text;
    sysPathAnswer = /\bsys\.path\.(append|insert|extend)\s*\(|\bsys\.path\s*(\+=|=)/.test(text);
  }
  return sysPathAnswer;
}

// ---- Python ----
function pyImports(root: PyNode): ImportRef[] {
  const out: ImportRef[] = [];
  // the import statements in source order, from the tree's index of node types (no walk; imports do not nest)
  for (const n of root.descendantsOfType(['import_statement', 'import_from_statement'])) {
    if (n.type === 'import_statement') {
      for (const c of n.childrenForFieldName('name')) {
        const dotted = c.type === 'aliased_import' ? c.childForFieldName('name') : c;
        if (dotted?.type === 'dotted_name') out.push(pyRef(dotted, n));
      }
      continue;
    }
    if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name');
      if (mod?.type === 'dotted_name') {
        const ref = pyRef(mod, n);
        // `from google import genai` -> google.genai for the import-name mapping
        const first = n.childrenForFieldName('name')[0];
        const imported = first?.type === 'aliased_import' ? first.childForFieldName('name') : first;
        if (imported?.type === 'dotted_name') ref.full = `${ref.full}.${imported.text}`;
        out.push(ref);
      }
    }
  }
  return out;
}

function pyRef(dotted: PyNode, stmt: PyNode): ImportRef {
  const top = dotted.namedChildren[0] ?? dotted;
  return { name: top.text, full: dotted.text.replace(/\s+/g, ''), start: top.startIndex, end: top.endIndex, optional: inTryImport(stmt), probed: probedImport(stmt, top.text) };
}

/** Does the code name the module as a word of an identifier (`is_docket_available`, `_HAS_GPUDB`, `docket_enabled`)? */
function namesModule(code: string, mod: string): boolean {
  const m = mod.toLowerCase();
  const lower = code.toLowerCase();
  for (let i = lower.indexOf(m); i >= 0; i = lower.indexOf(m, i + 1)) {
    const before = i === 0 ? '' : lower[i - 1];
    const after = lower[i + m.length] ?? '';
    if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) return true;
  }
  return false;
}

/** An early exit: `if not is_x_available(): return` (or raise) before the import in the same block. */
function isEarlyExitGuard(stmt: PyNode, mod: string): boolean {
  if (stmt.type !== 'if_statement') return false;
  const cond = stmt.childForFieldName('condition');
  const body = stmt.childForFieldName('consequence');
  if (!cond || !body || cond.type !== 'not_operator' || !namesModule(cond.text, mod)) return false;
  const last = body.namedChildren[body.namedChildren.length - 1];
  return last?.type === 'return_statement' || last?.type === 'raise_statement';
}

function probedImport(stmt: PyNode, mod: string): boolean {
  let child: PyNode = stmt;
  for (let p = stmt.parent; p; child = p, p = p.parent) {
    if (p.type === 'if_statement' && p.childForFieldName('consequence')?.id === child.id) {
      const cond = p.childForFieldName('condition');
      if (cond && cond.type !== 'not_operator' && namesModule(cond.text, mod)) return true;
    }
    if (p.type === 'block' || p.type === 'module') {
      for (const sib of p.namedChildren) {
        if (sib.startIndex >= child.startIndex) break;
        if (isEarlyExitGuard(sib, mod)) return true;
      }
    }
    if (p.type === 'function_definition') {
      const name = p.childForFieldName('name')?.text ?? '';
      if (/available|installed|enabled|^_?has_|^_?check/i.test(name) && namesModule(name, mod)) return true;
    }
  }
  return false;
}

function inTryImport(n: PyNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'try_statement') {
      const handlers = p.children.filter((c) => c.type === 'except_clause');
      if (handlers.some((h) => /ImportError|ModuleNotFoundError|Exception\b/.test(h.text.split(':')[0]) || /^except\s*:/.test(h.text))) return true;
    }
    if (p.type === 'function_definition' || p.type === 'class_definition') continue;
  }
  return false;
}

// ---- JavaScript / TypeScript ----
type N = TSESTree.Node;

function jsImports(ast: TSESTree.Program, text: string): ImportRef[] {
  const out: ImportRef[] = [];
  const add = (lit: N | null | undefined, optional: boolean) => {
    if (!lit || lit.type !== 'Literal' || typeof lit.value !== 'string') return;
    const pkg = npmPackageOf(lit.value);
    if (!pkg) return;
    const start = lit.range[0] + 1;
    if (text.slice(start, start + pkg.length) !== pkg) return; // escapes in the literal: skip rather than misplace
    out.push({ name: pkg, full: lit.value, start, end: start + pkg.length, optional });
  };
  // the import statements, exports from modules, import() and require() calls, in walk order (listed per top-level statement)
  for (const n of jsPick(ast, isImportNode)) {
    switch (n.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        add(n.source, jsInTryBlock(ast, n));
        break;
      case 'ExportNamedDeclaration':
        if (n.source) add(n.source, jsInTryBlock(ast, n));
        break;
      case 'ImportExpression':
        add(n.source, true); // dynamic import(): often optional, never reported as undeclared
        break;
      case 'TSExternalModuleReference':
        add(n.expression, jsInTryBlock(ast, n));
        break;
      case 'CallExpression':
        add(n.arguments[0], jsInTryBlock(ast, n));
        break;
    }
  }
  return out;
}

function isImportNode(n: N): boolean {
  switch (n.type) {
    case 'ImportDeclaration':
    case 'ExportAllDeclaration':
    case 'ExportNamedDeclaration':
    case 'ImportExpression':
    case 'TSExternalModuleReference':
      return true;
    case 'CallExpression':
      return n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1;
    default:
      return false;
  }
}

/** Inside the `try { }` block of a try statement (not its handler or finalizer): an optional import. */
function jsInTryBlock(program: TSESTree.Program, n: N): boolean {
  for (let c: N = n, p = jsParentIn(program, n); p; c = p, p = jsParentIn(program, p)) if (p.type === 'TryStatement' && p.block === c) return true;
  return false;
}

// ---- Pre-filter: before parsing, can any import of the file be reported? ----

/**
 * The import names of a Python file, a superset of the top names pyImports() finds, or undefined when a statement
 * is not plain enough to read without the parser (a non-ASCII character in it): after each `import` keyword every
 * word up to the end of its line (line continuations followed; aliases and submodules included: a superset), and
 * the first word after each `from` (blanks, newlines and comments skipped); the names a `from x import` brings in
 * are not modules and are left out. Comments and strings are read too (more names, never fewer).
 */
const PY_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

export function pyImportNamesCheap(text: string): string[] | undefined {
  const out: string[] = [];
  const KW = /(?<![A-Za-z0-9_])(import|from)(?![A-Za-z0-9_])/g;
  const ID = /[A-Za-z_][A-Za-z0-9_]*/y;
  const WORDS = /[A-Za-z_][A-Za-z0-9_]*|[^\x00-\x7f]/g;
  /** Blanks, newlines, line continuations and comments. */
  const skip = (i: number): number => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12 || c === 10 || c === 13 || c === 92) i++;
      else if (c === 35) {
        while (i < text.length && text.charCodeAt(i) !== 10) i++;
      } else return i;
    }
  };
  let m: RegExpExecArray | null;
  let fromImportAt = -1;
  while ((m = KW.exec(text))) {
    const at = m.index;
    if (m[1] === 'from') {
      let i = skip(at + 4);
      if (text.charCodeAt(i) > 127) return undefined;
      // a relative module (`from .a import`, `from . import`) is the file's own package: no name to judge
      while (text.charCodeAt(i) === 46) i = skip(i + 1);
      const relative = i > skip(at + 4);
      ID.lastIndex = i;
      const found = ID.exec(text);
      const id = found && found[0] !== 'import' ? found : null;
      if (!id && !relative) continue; // prose
      if (id && !relative) out.push(id[0]);
      // a dotted module name, then the `import` whose names are left out
      i += id ? id[0].length : 0;
      for (;;) {
        i = skip(i);
        if (text.charCodeAt(i) !== 46) break;
        i = skip(i + 1);
        ID.lastIndex = i;
        const part = ID.exec(text);
        if (!part) break;
        i += part[0].length;
      }
      if (text.charCodeAt(i) > 127) return undefined;
      // one logical line from `from` to `import` (no comment, no newline outside a line continuation)
      if (text.startsWith('import', i) && !/[A-Za-z0-9_]/.test(text[i + 6] ?? '') && !/#|[^\\\r]\r?\n|^\r?\n/.test(text.slice(at, i))) fromImportAt = i;
      continue;
    }
    if (at === fromImportAt) continue;
    // the rest of the logical line: every word
    let end = at + 6;
    for (;;) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) {
        end = text.length;
        break;
      }
      end = nl;
      let k = nl - 1;
      if (text.charCodeAt(k) === 13) k--;
      if (text.charCodeAt(k) !== 92) break;
      end = nl + 1;
    }
    WORDS.lastIndex = at + 6;
    let w: RegExpExecArray | null;
    while ((w = WORDS.exec(text)) && w.index < end) {
      if (w[0].charCodeAt(0) > 127) return undefined;
      out.push(w[0]);
    }
    // the next word on the following line, in case the statement goes on there (a superset for broken code)
    const next = skip(end);
    if (text.charCodeAt(next) > 127) return undefined;
    ID.lastIndex = next;
    const after = ID.exec(text);
    if (after && !PY_KEYWORDS.has(after[0])) out.push(after[0]);
  }
  return out;
}

/**
 * The module specifiers of a JS/TS file, a superset of what jsImports() finds (every string literal right after
 * `from`, `import`, `import(`, `require(`, with blanks and comments between), or undefined when one is not plain
 * enough (an escape in the literal).
 */
export function jsImportSpecsCheap(text: string): string[] | undefined {
  const out: string[] = [];
  const KW = /(?<![\w$.])(from|import|require)(?![\w$])/g;
  const skip = (i: number): number => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029) i++;
      else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const e = text.indexOf('*/', i + 2);
        i = e < 0 ? text.length : e + 2;
      } else if (c > 127 && /\s/.test(text[i])) i++;
      else return i;
    }
  };
  let m: RegExpExecArray | null;
  while ((m = KW.exec(text))) {
    let i = skip(m.index + m[1].length);
    if (m[1] !== 'from' && text.charCodeAt(i) === 40) i = skip(i + 1);
    const q = text.charCodeAt(i);
    if (q !== 34 && q !== 39) continue;
    let j = i + 1;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === q) break;
      if (c === 92) return undefined;
      if (c === 10 || c === 13) break;
    }
    if (text.charCodeAt(j) !== q) continue;
    out.push(text.slice(i + 1, j));
  }
  return out;
}

/**
 * Could judge() report an import of this name (`full` when known exactly)? False only when every path through
 * judge() returns quietly whatever the import's statement looks like (optional, probed, full dotted name): the
 * name-only tests of judge(), and for the rest the answers that report the most.
 */
function mayJudgeReport(file: PrefilterFile, eco: Ecosystem, name: string, full: string | undefined): boolean {
  const ws = file.workspace;
  if (ownFolders(file.path).has(name) || fileStem(file.path) === name) return false;
  if (eco === 'python') {
    // isLocalModule(name, ws, full) holds whenever the name itself is a local module (the wildcards need the full name)
    if (localModuleName(name, ws)) return false;
    if (isPythonStdlib(name) || name === '__main__' || name.startsWith('_') || PYTHON2_STDLIB.has(name)) return false;
    // the dists of the top name are among those of any dotted name under it
    if (isPythonImportDeclared(name, ws)) return false;
  } else {
    if (isLocalModule(name, ws, full)) return false;
    if (isNodeBuiltin(name) || isNpmPackageDeclared(name, ws)) return false;
    if (full !== undefined && monorepoPath(full)) return false;
  }
  // judge() reports a typosquat, or else an undeclared name: the undeclared test first (it is cheaper)
  return undeclaredMayReport(file, eco, name) || likelyTyposquat(name, eco) !== undefined;
}

function undeclaredMayReport(file: PrefilterFile, eco: Ecosystem, name: string): boolean {
  const ws = file.workspace;
  const declaredSomewhere = eco === 'python' ? ws?.pythonPackages : ws?.npmPackages;
  if (!declaredSomewhere || PLACEHOLDER_MODULES.has(name)) return false;
  if (eco === 'python' && extendsSysPath(file.text)) return false;
  if ((ws?.manifests ?? []).length && file.path.replace(/\\/g, '/').split('/').slice(0, -1).some((seg) => TEMPLATE_DIR.test(seg))) return false;
  if (eco === 'python') return !(PYTHON_NAMESPACE_PACKAGES.has(name) || pythonDistsForImport(name).some((d) => isKnownPackage(d, 'python')));
  return !isKnownPackage(name, 'npm');
}

function localModuleName(name: string, ws: PrefilterFile['workspace']): boolean {
  return (ws?.localModules ?? []).includes(name);
}

/** The pre-filter: a plain Python or JS/TS file whose every import is quiet by mayJudgeReport() is not parsed for this rule. */
export function importsMayReport(file: PrefilterFile): boolean {
  if (file.role === 'fixture') return false;
  if (file.kind === 'python') {
    const names = pyImportNamesCheap(file.text);
    if (!names) return true;
    return [...new Set(names)].some((n) => mayJudgeReport(file, 'python', n, undefined));
  }
  if (file.kind === 'javascript' || file.kind === 'typescript') {
    const specs = jsImportSpecsCheap(file.text);
    if (!specs) return true;
    for (const spec of new Set(specs)) {
      const pkg = npmPackageOf(spec);
      if (pkg && mayJudgeReport(file, 'npm', pkg, spec)) return true;
    }
    return false;
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'unknown-package-import',
    name: 'UnknownPackageImport',
    shortDescription: 'An import names a package that looks like a typo of a popular package, or that is neither declared in the workspace manifests nor a known package.',
    fullDescription: 'Code assistants invent plausible package names ("package hallucination"), and attackers register those names and one-letter misspellings of popular packages (typosquatting) with malware in their install scripts. An import of `reqeusts` or `langchian`, or of a name that no manifest declares and no popular index knows, leads the next `pip install` / `npm install` of it to run an unknown publisher\'s code on developer machines and in CI. The check is offline: it compares the import with the standard library, the workspace manifests and lockfiles, and a bundled list of the most downloaded PyPI and npm names.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM03', 'LLM09'],
    cwe: [1357, 829],
    frameworks: { nistAiRmf: ['GOVERN 6.1', 'MAP 4.1', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.10.3', 'A.6.2.4'] },
    fix: 'suggestion',
    prefilter: { check: importsMayReport },
    messages: {
      typosquat: '`{{name}}` is not a known package but is one or two letters away from the popular `{{intended}}`{{dist}}: installing the misspelled name may pull a typosquatted package.',
      undeclared: '`{{name}}` is not declared in {{manifests}} and is not a known package: it may be a hallucinated dependency. Check that it exists and who publishes it before installing it.',
    },
  },
  check: {
    python(ctx) {
      // recorded data and codemod/transform fixtures (`__testfixtures__/x.input.ts`) import placeholder names nobody installs
      if (ctx.role === 'fixture') return;
      for (const ref of pyImports(ctx.view.root)) judge(ctx, 'python', ref);
    },
    js(ctx) {
      if (ctx.role === 'fixture') return;
      for (const ref of jsImports(ctx.view.ast, ctx.view.text)) judge(ctx, 'npm', ref);
    },
  },
});
