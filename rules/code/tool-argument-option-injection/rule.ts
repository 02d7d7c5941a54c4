import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsFlow, jsStringValue, kids, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { Taint } from '../../../server/src/analyzers/flow';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import { jsToolCallApproved, pyToolCallApproved } from '../../../server/src/analyzers/approval';

/**
 * Programs with options that run commands, write or read arbitrary files or redirect traffic
 * (`git diff --output=`, `git --upload-pack=`, `ssh -oProxyCommand=`, `rsync -e`, `tar --checkpoint-action=exec=`,
 * `curl -o`/`-K`, `wget -O`, `find -exec`, `zip -TT`, `docker run --privileged -v /:/h`, `psql -c`...).
 */
const OPTION_PROGRAMS = new Set(['git', 'ssh', 'scp', 'sftp', 'rsync', 'tar', 'curl', 'wget', 'find', 'zip', 'unzip', '7z', 'sendmail', 'docker', 'podman', 'kubectl', 'helm', 'psql', 'mysql', 'sqlite3', 'gpg', 'openssl', 'ffmpeg', 'gh', 'aws', 'gcloud', 'az']);
/** Where `--` (git: `--end-of-options`) ends the options without changing what the operands mean. */
const END_MARKER: Record<string, string> = { git: '--end-of-options', ssh: '--', scp: '--', sftp: '--', rsync: '--', curl: '--', wget: '--' };

const PY_PROGRAM_CALLS = new Set(['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen', 'asyncio.create_subprocess_exec', 'os.execvp', 'os.execv', 'os.spawnvp', 'os.spawnv']);
const JS_PROGRAM_CALLS = new Set(['child_process.spawn', 'child_process.spawnSync', 'child_process.execFile', 'child_process.execFileSync', 'execa', 'execa.execa', 'cross-spawn']);

/** `/usr/bin/git`, `git.exe` -> `git`. */
function programName(p: string | undefined): string | undefined {
  if (p === undefined) return undefined;
  const base = p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).replace(/\.exe$/i, '').toLowerCase();
  return OPTION_PROGRAMS.has(base) ? base : undefined;
}

const END_OF_OPTIONS = /^--(end-of-options)?$/;
/**
 * `-C dir`, `-m msg`, `-i key`: the element after a one-letter option is read as that option's value (whatever it
 * starts with), not as an option of its own.
 */
const OPTION_WITH_VALUE = /^-[A-Za-z]$/;

/** A tool whose approval a person gives before it runs sees the arguments it runs with. */
function toolOnly(t: Taint): boolean {
  return (t.kinds & 4) !== 0 && (t.kinds & 1) === 0;
}

export default defineRule({
  meta: {
    id: 'tool-argument-option-injection',
    name: 'ToolArgumentOptionInjection',
    shortDescription: 'A model-chosen value is passed to git, ssh, curl, tar... as an argument that can be read as an option.',
    fullDescription: 'Running a program without a shell stops shell injection, not option injection: when a value the model chooses (a tool argument, model output) becomes a command-line argument and nothing marks the end of the options, a value that starts with `-` is an option. `git diff --output=~/.bashrc` overwrites a file, `git checkout --orphan`, `git log --upload-pack=...`, `ssh -oProxyCommand=...`, `rsync -e`, `tar --checkpoint-action=exec=...` and `curl -K` run commands or read and write arbitrary files. Put `--` (git: `--end-of-options`) before the model-chosen arguments, or reject values that start with `-`.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'high',
    owasp: ['LLM06', 'LLM05'],
    cwe: [88],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      option: 'A value chosen by the model ({{source}}) is passed to `{{program}}` as an argument with no end-of-options marker before it: a value starting with `-` becomes an option (`git diff --output=FILE` writes files, `ssh -oProxyCommand=` runs commands). Put `{{marker}}` before model-chosen arguments or reject values that start with `-`.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const gitPython = /^\s*(import git\b|from git import\b)/m.test(ctx.view.text);
      const approved = (t: Taint) => toolOnly(t) && t.originStart >= 0 && pyToolCallApproved(ctx.view.root, flow.calls, t.originStart, (n) => flow.qualName(n), ctx.view.path, ctx.view.project);
      const report = (arg: Node, program: string, t: Taint, fix?: Fix): void => {
        if (approved(t)) return;
        ctx.report({ messageId: 'option', data: { source: t.origin, program, marker: END_MARKER[program] ?? '--' }, start: arg.startIndex, end: arg.endIndex, fixes: fix ? [fix] : [] });
      };
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        if (PY_PROGRAM_CALLS.has(q)) {
          const first = positional[0] ?? keywords.get('args');
          if (!first || (first.type !== 'list' && first.type !== 'tuple')) continue;
          const shell = keywords.get('shell');
          if (shell && shell.type !== 'false' && shell.text !== 'False') continue;
          const items = kids(first).filter((c) => c.type !== 'comment');
          const program = programName(pyStringValue(items[0]));
          if (!program) continue;
          for (let i = 1; i < items.length; i++) {
            if (END_OF_OPTIONS.test(pyStringValue(items[i]) ?? '')) break;
            if (OPTION_WITH_VALUE.test(pyStringValue(items[i - 1]) ?? '')) continue;
            const t = flow.reaches(items[i], 'model', 'option');
            if (!t) continue;
            const marker = END_MARKER[program];
            report(items[i], program, t, marker && items[i].type !== 'list_splat' ? { title: `Insert "${marker}" before the model-chosen argument`, kind: 'suggestion', edits: [{ start: items[i].startIndex, end: items[i].startIndex, newText: `"${marker}", ` }] } : undefined);
            break;
          }
        } else if (gitPython && fn.type === 'attribute') {
          // GitPython: repo.git.diff(target) runs `git diff <target>`; each positional argument is one argument of git
          const recv = fn.childForFieldName('object');
          const method = fn.childForFieldName('attribute')?.text ?? '';
          // `repo.git`, `self.repo.git` (not the module: `git.Repo(path)`)
          if (recv?.type !== 'attribute' || recv.childForFieldName('attribute')?.text !== 'git' || method.startsWith('_') || method === 'execute') continue;
          for (const a of positional) {
            if (END_OF_OPTIONS.test(pyStringValue(a) ?? '')) break;
            const t = flow.reaches(a, 'model', 'option');
            if (!t) continue;
            report(a, 'git', t, a.type !== 'list_splat' ? { title: 'Insert "--end-of-options" before the model-chosen argument', kind: 'suggestion', edits: [{ start: a.startIndex, end: a.startIndex, newText: '"--end-of-options", ' }] } : undefined);
            break;
          }
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const approved = (t: Taint) => toolOnly(t) && t.originStart >= 0 && jsToolCallApproved(ctx.view.ast, flow.calls, t.originStart, (n) => flow.qualName(n), ctx.view.path, ctx.view.project);
      const report = (arg: TSESTree.Node, program: string, t: Taint, fix?: Fix): void => {
        if (approved(t)) return;
        ctx.report({ messageId: 'option', data: { source: t.origin, program, marker: END_MARKER[program] ?? '--' }, start: arg.range[0], end: arg.range[1], fixes: fix ? [fix] : [] });
      };
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        if (!JS_PROGRAM_CALLS.has(flow.qualName(call.callee))) continue;
        const program = programName(jsStringValue(call.arguments[0]));
        const argv = call.arguments[1];
        if (!program || !argv || argv.type === 'SpreadElement') continue;
        const opts = call.arguments[2];
        if (opts && unwrap(opts).type === 'ObjectExpression' && (unwrap(opts) as TSESTree.ObjectExpression).properties.some((p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === 'shell' && !(p.value.type === 'Literal' && p.value.value === false))) continue;
        const list = unwrap(argv);
        if (list.type === 'ArrayExpression') {
          for (let i = 0; i < list.elements.length; i++) {
            const e = list.elements[i];
            if (!e) continue;
            if (END_OF_OPTIONS.test(jsStringValue(e) ?? '')) break;
            const before = i > 0 ? list.elements[i - 1] : null;
            if (before && OPTION_WITH_VALUE.test(jsStringValue(before) ?? '')) continue;
            const t = flow.reaches(e, 'model', 'option');
            if (!t) continue;
            const marker = END_MARKER[program];
            report(e, program, t, marker && e.type !== 'SpreadElement' ? { title: `Insert '${marker}' before the model-chosen argument`, kind: 'suggestion', edits: [{ start: e.range[0], end: e.range[0], newText: `'${marker}', ` }] } : undefined);
            break;
          }
        } else {
          // the argument list comes from a variable or a parameter: its elements were built elsewhere
          const t = flow.reaches(argv, 'model', 'option');
          if (t) report(argv, program, t);
        }
      }
    },
  },
});
