/**
 * A small local runner for a composite GitHub Action (action.yml), for tests: it runs the `run:` steps with bash
 * the way the Actions runner does, and records the `uses:` steps instead of running them.
 *
 * What it does like the runner:
 * - inputs: the `with` values given, else the input's default (as strings); `required` inputs must be given;
 *   unknown `with` keys are an error (the runner only warns).
 * - a `run:` step is written to a temp file and run as `bash --noprofile --norc -eo pipefail FILE`, in
 *   `working-directory` (default GITHUB_WORKSPACE), with the process env, the GITHUB_* variables (GITHUB_WORKSPACE,
 *   GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH, RUNNER_TEMP) and the step's
 *   `env:`; the step's outputs are read back from its GITHUB_OUTPUT file (`name=value` and `name<<DELIM` forms).
 *   As on GitHub, a composite action's run steps get no INPUT_<NAME> variables: inputs reach them through
 *   `${{ inputs.x }}` in `env:` (or in the script text, which action.yml avoids).
 * - `${{ }}` expressions in `env`, `with`, `working-directory`, `run` and the action's `outputs`, and `if:`
 *   conditions (with or without `${{ }}`), with an implicit `success() &&` when a condition names no status
 *   function; a failing step skips the following steps unless their condition says otherwise, and fails the action.
 *
 * Deliberately minimal, and honest about it: an expression may only use the contexts `inputs.<declared input>`,
 * `steps.<id>.outputs.<name>`, `github.action_path`, `github.workspace`, `runner.temp`; string literals in single
 * quotes, `true`, `false`, `null`; the operators `==`, `!=` (strings compare case-insensitively, as GitHub does;
 * other mixed types are refused), `&&`, `||`, `!`, parentheses; and the functions `success()`, `failure()`,
 * `always()`. Anything else (other contexts, other functions, numbers, `<`, index syntax) throws. Writing to
 * GITHUB_ENV or GITHUB_PATH throws too (not implemented), as does a step that is neither `run` with `shell: bash`
 * nor `uses`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';

export interface UsesCall {
  /** The step id or name. */
  step: string;
  uses: string;
  /** The `with:` arguments after expression substitution. */
  with: Record<string, string>;
}

export interface StepRecord {
  name: string;
  /** run: ran; uses: recorded; skipped: its condition was false. */
  kind: 'run' | 'uses' | 'skipped';
  exitCode?: number;
  stdout?: string;
  stderr?: string;
  outputs: Record<string, string>;
}

export interface ActionRun {
  /** 0 when every step that ran succeeded, else the exit code of the first failing step. */
  exitCode: number;
  /** The action's outputs (its `outputs:` values evaluated after the last step). */
  outputs: Record<string, string>;
  steps: StepRecord[];
  uses: UsesCall[];
  /** The GITHUB_STEP_SUMMARY file's content. */
  summary: string;
  /** stdout and stderr of every step, in order (annotations such as ::error:: included). */
  log: string;
}

export interface RunActionOptions {
  /** The folder holding action.yml (github.action_path). */
  actionPath: string;
  /** The checked-out repository (github.workspace). */
  workspace: string;
  with?: Record<string, string>;
  /** Extra environment (e.g. PATH with stubs). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

type Value = string | boolean | null;

interface Ctx {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  github: Record<string, string>;
  runner: Record<string, string>;
  failed: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;

export function runAction(opts: RunActionOptions): ActionRun {
  const meta = parseYaml(fs.readFileSync(path.join(opts.actionPath, 'action.yml'), 'utf8')) as Yaml;
  if (meta?.runs?.using !== 'composite') throw new Error('runAction: only composite actions are supported');
  const declared = (meta.inputs ?? {}) as Record<string, { required?: boolean; default?: unknown }>;
  const given = opts.with ?? {};
  for (const k of Object.keys(given)) if (!(k in declared)) throw new Error(`runAction: unknown input "${k}"`);
  const inputs: Record<string, string> = {};
  for (const [k, d] of Object.entries(declared)) {
    if (k in given) inputs[k] = given[k];
    else if (d.required && d.default === undefined) throw new Error(`runAction: input "${k}" is required`);
    else inputs[k] = d.default === undefined ? '' : String(d.default);
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-runner-'));
  const files = {
    output: path.join(temp, 'output'),
    summary: path.join(temp, 'step_summary.md'),
    env: path.join(temp, 'env'),
    path: path.join(temp, 'path'),
  };
  fs.writeFileSync(files.summary, '');
  const ctx: Ctx = {
    inputs,
    steps: {},
    github: { action_path: opts.actionPath, workspace: opts.workspace },
    runner: { temp },
    failed: false,
  };
  const out: ActionRun = { exitCode: 0, outputs: {}, steps: [], uses: [], summary: '', log: '' };
  try {
    (meta.runs.steps as Yaml[]).forEach((step: Yaml, i: number) => {
      const name = String(step.id ?? step.name ?? `step ${i + 1}`);
      const cond = step.if === undefined ? 'success()' : typeof step.if === 'boolean' ? String(step.if) : stripWrapper(String(step.if));
      const withStatus = /\b(success|failure|always|cancelled)\s*\(/.test(cond) ? cond : `success() && (${cond})`;
      if (!truthy(evaluate(withStatus, ctx))) {
        out.steps.push({ name, kind: 'skipped', outputs: {} });
        if (step.id) ctx.steps[step.id] = {};
        return;
      }
      if (step.uses !== undefined) {
        const args: Record<string, string> = {};
        for (const [k, v] of Object.entries((step.with ?? {}) as Record<string, unknown>)) args[k] = interpolate(String(v), ctx);
        out.uses.push({ step: name, uses: String(step.uses), with: args });
        out.steps.push({ name, kind: 'uses', outputs: {} });
        if (step.id) ctx.steps[step.id] = {};
        return;
      }
      if (typeof step.run !== 'string') throw new Error(`runAction: step "${name}" has neither run nor uses`);
      if (step.shell !== 'bash') throw new Error(`runAction: step "${name}": only shell: bash is supported (got ${String(step.shell)})`);
      fs.writeFileSync(files.output, '');
      fs.writeFileSync(files.env, '');
      fs.writeFileSync(files.path, '');
      const script = path.join(temp, `step${i + 1}.sh`);
      fs.writeFileSync(script, interpolate(step.run, ctx));
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        ...(opts.env ?? {}),
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_WORKSPACE: opts.workspace,
        GITHUB_ACTION_PATH: opts.actionPath,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_ENV: files.env,
        GITHUB_PATH: files.path,
        RUNNER_TEMP: temp,
      };
      for (const [k, v] of Object.entries((step.env ?? {}) as Record<string, unknown>)) env[k] = interpolate(String(v), ctx);
      const cwd = step['working-directory'] !== undefined ? path.resolve(opts.workspace, interpolate(String(step['working-directory']), ctx)) : opts.workspace;
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: opts.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 });
      if (r.error) throw r.error;
      const exitCode = r.status ?? 128;
      const outputs = readOutputs(fs.readFileSync(files.output, 'utf8'));
      for (const f of [files.env, files.path]) if (fs.readFileSync(f, 'utf8').trim()) throw new Error(`runAction: step "${name}" wrote ${path.basename(f) === 'env' ? 'GITHUB_ENV' : 'GITHUB_PATH'}, which this runner does not implement`);
      out.log += `--- ${name}\n${r.stdout}${r.stderr}`;
      out.steps.push({ name, kind: 'run', exitCode, stdout: r.stdout, stderr: r.stderr, outputs });
      if (step.id) ctx.steps[step.id] = outputs;
      if (exitCode !== 0 && !step['continue-on-error']) {
        if (!ctx.failed) out.exitCode = exitCode;
        ctx.failed = true;
      }
    });
    for (const [k, o] of Object.entries((meta.outputs ?? {}) as Record<string, { value: string }>)) out.outputs[k] = interpolate(String(o.value), ctx);
    out.summary = fs.readFileSync(files.summary, 'utf8');
  } finally {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return out;
}

/** `name=value` lines and `name<<DELIM` ... `DELIM` blocks, as the runner reads GITHUB_OUTPUT. */
export function readOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const value: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== heredoc[2]) value.push(lines[j++]);
      if (j >= lines.length) throw new Error(`runAction: GITHUB_OUTPUT: no closing ${heredoc[2]}`);
      out[heredoc[1]] = value.join('\n');
      i = j;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`runAction: GITHUB_OUTPUT: invalid line ${JSON.stringify(line)}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function stripWrapper(s: string): string {
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(s);
  return m ? m[1] : s;
}

/** Replace every `${{ expr }}` in a string with the expression's value as a string. */
export function interpolate(s: string, ctx: Ctx): string {
  return s.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, expr: string) => {
    const v = evaluate(expr, ctx);
    return v === null ? '' : String(v);
  });
}

function truthy(v: Value): boolean {
  return v !== null && v !== false && v !== '';
}

type Token = { t: 'str'; v: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`runAction: unterminated string in expression: ${src}`);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ t: 'str', v });
    } else if (src.startsWith('==', i) || src.startsWith('!=', i) || src.startsWith('&&', i) || src.startsWith('||', i)) {
      out.push({ t: 'op', v: src.slice(i, i + 2) });
      i += 2;
    } else if (c === '!' || c === '(' || c === ')') {
      out.push({ t: 'op', v: c });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    } else {
      throw new Error(`runAction: unsupported expression syntax at "${src.slice(i)}" in: ${src}`);
    }
  }
  return out;
}

/** Evaluate one expression (the text inside `${{ }}` or an `if:`) with the grammar described at the top. */
export function evaluate(src: string, ctx: Ctx): Value {
  const toks = tokenize(src);
  let pos = 0;
  const peek = () => toks[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Error(`runAction: expected "${v}" in: ${src}`);
    pos++;
  };
  const or = (): Value => {
    let l = and();
    while (isOp('||')) {
      pos++;
      const r = and();
      l = truthy(l) ? l : r;
    }
    return l;
  };
  const and = (): Value => {
    let l = cmp();
    while (isOp('&&')) {
      pos++;
      const r = cmp();
      l = truthy(l) ? r : l;
    }
    return l;
  };
  const cmp = (): Value => {
    const l = unary();
    if (isOp('==') || isOp('!=')) {
      const op = toks[pos++].v;
      const r = unary();
      return op === '==' ? equal(l, r, src) : !equal(l, r, src);
    }
    return l;
  };
  const unary = (): Value => {
    if (isOp('!')) {
      pos++;
      return !truthy(unary());
    }
    return primary();
  };
  const primary = (): Value => {
    const t = toks[pos++];
    if (!t) throw new Error(`runAction: unexpected end of expression: ${src}`);
    if (t.t === 'str') return t.v;
    if (t.t === 'op' && t.v === '(') {
      const v = or();
      expect(')');
      return v;
    }
    if (t.t !== 'id') throw new Error(`runAction: unexpected "${t.v}" in: ${src}`);
    if (t.v === 'true') return true;
    if (t.v === 'false') return false;
    if (t.v === 'null') return null;
    if (isOp('(')) {
      pos++;
      expect(')');
      if (t.v === 'success') return !ctx.failed;
      if (t.v === 'failure') return ctx.failed;
      if (t.v === 'always') return true;
      throw new Error(`runAction: unsupported function ${t.v}() in: ${src}`);
    }
    return lookup(t.v, ctx, src);
  };
  const v = or();
  if (pos !== toks.length) throw new Error(`runAction: unexpected "${toks[pos].v}" in: ${src}`);
  return v;
}

function equal(a: Value, b: Value, src: string): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  throw new Error(`runAction: comparing a ${a === null ? 'null' : typeof a} with a ${b === null ? 'null' : typeof b} is not supported: ${src}`);
}

function lookup(ref: string, ctx: Ctx, src: string): Value {
  const parts = ref.split('.');
  if (parts[0] === 'inputs' && parts.length === 2) {
    if (!(parts[1] in ctx.inputs)) throw new Error(`runAction: undeclared input "${parts[1]}" in: ${src}`);
    return ctx.inputs[parts[1]];
  }
  if (parts[0] === 'steps' && parts.length === 4 && parts[2] === 'outputs') {
    const step = ctx.steps[parts[1]];
    if (step === undefined) throw new Error(`runAction: step "${parts[1]}" has not run yet (or has no id): ${src}`);
    return step[parts[3]] ?? '';
  }
  if ((parts[0] === 'github' || parts[0] === 'runner') && parts.length === 2) {
    const v = (parts[0] === 'github' ? ctx.github : ctx.runner)[parts[1]];
    if (v !== undefined) return v;
  }
  throw new Error(`runAction: unsupported context "${ref}" in: ${src}`);
}
