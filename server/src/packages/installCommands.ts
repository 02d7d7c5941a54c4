/**
 * Finds package names in shell install commands (`pip install x`, `python -m pip install x`,
 * `uv pip install`, `uv add`, `poetry add`, `pipenv install`, `pipx install`, `npm install|i|add`,
 * `yarn add`, `pnpm add`, `bun add`, `npx x`...) with the offsets of each name in the given text.
 * Pure string work on one command line; paths, URLs, VCS references and tarballs are skipped.
 */
import type { Ecosystem } from './index';

export interface InstalledName {
  ecosystem: Ecosystem;
  /** The package name as written (no version, extras or quotes). */
  name: string;
  /** Offsets of `name` in the text given to findInstallCommands. */
  start: number;
  end: number;
  /** The command that installs it, e.g. "pip install", "npx". */
  command: string;
  /** Runs the package once (npx, uvx, pipx run): the first word may be a command name rather than a package. */
  runner: boolean;
}

interface Token { text: string; start: number; end: number }

/** Options that take a separate value (`-r file`, `--index-url URL`), per ecosystem. */
const PY_VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--src', '--python', '-p', '--platform', '--python-version', '--implementation', '--abi',
  '--no-binary', '--only-binary', '--progress-bar', '--trusted-host', '--proxy', '--cert', '--client-cert', '--cache-dir', '--log',
  '--timeout', '--retries', '--exists-action', '--upgrade-strategy', '--config-settings', '-C', '-G', '--group', '-E', '--extras',
  '--extra', '--source', '--optional', '--index', '--default-index', '--spec', '--with',
]);
const NPM_VALUE_OPTIONS = new Set([
  '--registry', '--prefix', '-w', '--workspace', '--save-prefix', '--tag', '--omit', '--include', '--cache', '--userconfig',
  '-C', '--cwd', '--filter', '--dir', '--shell', '-c', '--call',
]);

function tokenize(line: string, base: number): Token[] {
  const out: Token[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    if (m[3] !== undefined) out.push({ text: m[3], start: base + m.index, end: base + m.index + m[3].length });
    else {
      const inner = m[1] ?? m[2] ?? '';
      out.push({ text: inner, start: base + m.index + 1, end: base + m.index + 1 + inner.length });
    }
  }
  return out;
}

/** Split a line at shell separators (`&&`, `||`, `;`, `|`) keeping offsets. */
function segments(line: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const re = /&&|\|\||;|\||`|\$\(|\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    out.push({ text: line.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ text: line.slice(start), start });
  return out;
}

const PIP = /^pip(3(\.\d+)?)?$/;
const PYTHON = /^(python(3(\.\d+)?)?|py)(\.exe)?$/;

/** Every package name installed by commands in `text` (one or more lines). */
export function findInstallCommands(text: string, base = 0): InstalledName[] {
  const out: InstalledName[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (/\b(pip|pip3|uv|poetry|pipenv|pipx|uvx|npm|yarn|pnpm|bun|bunx|npx)\b/.test(line)) {
      for (const seg of segments(line)) out.push(...fromCommand(tokenize(seg.text, base + lineStart + seg.start)));
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Package names installed by one command given as argv tokens (e.g. the list passed to subprocess.run). */
export function findInstallInArgv(argv: { text: string; start: number; end: number }[]): InstalledName[] {
  return fromCommand(argv);
}

function fromCommand(all: Token[]): InstalledName[] {
  let i = 0;
  const t = all.map((x) => x.text);
  // prompt markers, notebook magics, sudo, env assignments
  while (i < t.length && (t[i] === '$' || t[i] === '>' || t[i] === '!' || t[i] === '%' || t[i] === 'sudo' || /^[A-Z_][A-Z0-9_]*=/.test(t[i]))) i++;
  if (i >= t.length) return [];
  let first = t[i].replace(/^[!%$]/, '');
  if (first === '') return [];
  // python -m pip install / python3 -m uv pip install
  if (PYTHON.test(first) && t[i + 1] === '-m') {
    i += 2;
    first = t[i] ?? '';
  }
  const at = (k: number) => t[i + k];
  let eco: Ecosystem;
  let command: string;
  let runner = false;
  let rest: number;
  if (PIP.test(first) && at(1) === 'install') { eco = 'python'; command = 'pip install'; rest = i + 2; }
  else if (first === 'uv' && at(1) === 'pip' && at(2) === 'install') { eco = 'python'; command = 'uv pip install'; rest = i + 3; }
  else if (first === 'uv' && at(1) === 'add') { eco = 'python'; command = 'uv add'; rest = i + 2; }
  else if (first === 'uv' && at(1) === 'tool' && (at(2) === 'install' || at(2) === 'run')) { eco = 'python'; command = `uv tool ${at(2)}`; runner = at(2) === 'run'; rest = i + 3; }
  else if (first === 'poetry' && at(1) === 'add') { eco = 'python'; command = 'poetry add'; rest = i + 2; }
  else if (first === 'pipenv' && at(1) === 'install') { eco = 'python'; command = 'pipenv install'; rest = i + 2; }
  else if (first === 'pipx' && (at(1) === 'install' || at(1) === 'run')) { eco = 'python'; command = `pipx ${at(1)}`; runner = at(1) === 'run'; rest = i + 2; }
  else if (first === 'uvx') { eco = 'python'; command = 'uvx'; runner = true; rest = i + 1; }
  else if (first === 'npm' && ['install', 'i', 'add', 'isntall', 'in', 'ins', 'inst', 'insta', 'instal'].includes(at(1) ?? '')) { eco = 'npm'; command = `npm ${at(1)}`; rest = i + 2; }
  else if ((first === 'yarn' || first === 'pnpm' || first === 'bun') && at(1) === 'add') { eco = 'npm'; command = `${first} add`; rest = i + 2; }
  else if ((first === 'pnpm' || first === 'bun') && (at(1) === 'install' || at(1) === 'i')) { eco = 'npm'; command = `${first} ${at(1)}`; rest = i + 2; }
  else if (((first === 'yarn' || first === 'pnpm') && at(1) === 'dlx') || (first === 'npm' && at(1) === 'exec')) { eco = 'npm'; command = `${first} ${at(1)}`; runner = true; rest = i + 2; }
  else if (first === 'npx' || first === 'bunx') { eco = 'npm'; command = first; runner = true; rest = i + 1; }
  else return [];

  const valueOptions = eco === 'python' ? PY_VALUE_OPTIONS : NPM_VALUE_OPTIONS;
  const out: InstalledName[] = [];
  let explicitPackage = false;
  for (let k = rest; k < all.length; k++) {
    const tok = all[k];
    if (tok.text === '--') continue;
    if (tok.text.startsWith('-')) {
      // npx -p pkg / --package pkg / --package=pkg name a package explicitly
      const pkgOpt = eco === 'npm' && runner && (tok.text === '-p' || tok.text === '--package');
      const pkgEq = eco === 'npm' && runner && tok.text.startsWith('--package=');
      // uvx --from pkg command / pipx run --spec pkg command: the package is the option's value
      const fromOpt = eco === 'python' && runner && (tok.text === '--from' || tok.text === '--spec');
      // uvx --with pkg[,pkg2] ...: extra packages installed next to the tool
      if (eco === 'python' && runner && tok.text === '--with' && all[k + 1]) {
        const v = all[k + 1];
        let off = 0;
        for (const part of v.text.split(',')) {
          const n = pythonName({ text: part, start: v.start + off, end: v.start + off + part.length });
          if (n) out.push({ ecosystem: eco, ...n, command: `${command} --with`, runner: false });
          off += part.length + 1;
        }
        k++;
        continue;
      }
      if (fromOpt && all[k + 1]) {
        const n = pythonName(all[k + 1]);
        if (n) out.push({ ecosystem: eco, ...n, command: `${command} ${tok.text}`, runner: false });
        explicitPackage = true;
        k++;
      } else if (pkgOpt && all[k + 1]) {
        const n = npmName(all[k + 1]);
        if (n) out.push({ ecosystem: eco, ...n, command, runner: false });
        explicitPackage = true;
        k++;
      } else if (pkgEq) {
        const n = npmName({ text: tok.text.slice(10), start: tok.start + 10, end: tok.end });
        if (n) out.push({ ecosystem: eco, ...n, command, runner: false });
        explicitPackage = true;
      } else if (valueOptions.has(tok.text)) k++;
      continue;
    }
    if (tok.text === '@' && eco === 'python') { k++; continue; } // `name @ https://...`
    if (/^[<>=!~]/.test(tok.text)) continue; // `pip install "x" ">=1"` split by spaces
    if (runner && explicitPackage) break; // `npx -p pkg command args`: the rest is the command line
    // `uvx --with pkg python app.py`: the interpreter itself (uv runs `python` / `python@3.12` specially)
    if (runner && eco === 'python' && /^(?:python(?:3(?:\.\d+)?)?|pythonw|py)(?:@[\w.]+)?$/.test(tok.text)) break;
    const n = eco === 'python' ? pythonName(tok) : npmName(tok);
    if (n) out.push({ ecosystem: eco, ...n, command, runner });
    if (runner) break; // the rest are the tool's own arguments
  }
  return out;
}

function pythonName(tok: Token): { name: string; start: number; end: number } | undefined {
  const s = tok.text;
  if (!s || /[/\\:$%{}]/.test(s) || s.startsWith('.') || /\.(whl|zip|tar\.gz|tgz|egg)$/i.test(s)) return undefined;
  const m = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/.exec(s);
  if (!m) return undefined;
  const after = s.slice(m[0].length);
  if (after && !/^(\[|[<>=!~;@ ,]|$)/.test(after)) return undefined;
  return { name: m[0], start: tok.start, end: tok.start + m[0].length };
}

function npmName(tok: Token): { name: string; start: number; end: number } | undefined {
  const s = tok.text;
  if (!s || /^[./~\\]/.test(s) || /[:$%{}]/.test(s) || /\.(tgz|tar\.gz)$/i.test(s)) return undefined;
  const m = /^(@[a-z0-9][\w.~-]*\/[a-z0-9~][\w.~-]*|[a-z0-9~][\w.~-]*)/i.exec(s);
  if (!m) return undefined;
  const after = s.slice(m[0].length);
  if (after && !after.startsWith('@')) return undefined; // user/repo GitHub shorthand, paths
  return { name: m[0], start: tok.start, end: tok.start + m[0].length };
}
