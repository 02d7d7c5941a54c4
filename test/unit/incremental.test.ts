/**
 * The editor's fast paths give the same results as a cold run: the project index reusing summaries across
 * edits and taking a file's summaries from its own analysis, and the direct tree-sitter mirror.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/engine/engine';
import { builtinRules } from '../../server/src/engine/registry';
import { parsePython } from '../../server/src/analyzers/python/parser';
import { mirrorTree } from '../../server/src/analyzers/python/tree';
import type { PyNode } from '../../server/src/analyzers/python/tree';
import { WorkspaceIndex } from '../../server/src/workspace/projectIndex';
import { buildViews } from '../../server/src/analyzers';
import { jsPick, jsWalk } from '../../server/src/analyzers/js/calls';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node as TsNode } from 'web-tree-sitter';
import type { ProjectSource } from '../../server/src/workspace/projectIndex';
import { allRulesConfig, ready } from '../helpers/engine';
import { TS_LLM_COMPLETE } from '../helpers/projectFiles';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function memory(files: Record<string, string>): ProjectSource {
  return { read: (rel) => files[rel], exists: (rel) => rel in files, files: () => Object.keys(files).sort() };
}

function results(files: Record<string, string>, file: string, index: WorkspaceIndex): string[] {
  const r = analyze({ path: file, text: files[file], project: index }, allRulesConfig(), builtinRules);
  return r.findings.map((f) => `${f.ruleId}:${f.range.start.line + 1}:${f.message}`);
}

/** Every file analysed with a fresh index of its own: what a cold scan gives. */
function cold(files: Record<string, string>): Map<string, string[]> {
  return new Map(Object.keys(files).sort().map((f) => [f, results(files, f, new WorkspaceIndex(memory(files), true))]));
}

const PY: Record<string, string> = {
  'app/__init__.py': '',
  'app/llm.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    '',
    'def generate(task):',
    '    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])',
    '    return r.choices[0].message.content',
    '',
    'def passthrough(x):',
    '    return x',
    '',
  ].join('\n'),
  'app/tools.py': [
    'import subprocess',
    'from .llm import passthrough',
    '',
    'def run_shell(command):',
    '    return subprocess.run(passthrough(command), shell=True).stdout',
    '',
    'class Provider:',
    '    def call(self, q):',
    '        return self.execute(q)',
    '    def execute(self, q):',
    '        return q',
    '',
  ].join('\n'),
  'app/main.py': [
    'from mcp.server.fastmcp import FastMCP',
    'from .tools import run_shell, Provider',
    'from .llm import generate',
    '',
    'mcp = FastMCP("x")',
    '',
    'class Local(Provider):',
    '    def execute(self, q):',
    '        return eval(q)',
    '',
    '@mcp.tool()',
    'def shell(cmd: str) -> str:',
    '    return run_shell(cmd)',
    '',
    '@mcp.tool()',
    'def compute(q: str) -> str:',
    '    return Local().call(q)',
    '',
    'def solve(task):',
    '    exec(generate(task))',
    '',
  ].join('\n'),
};

const TS: Record<string, string> = {
  'src/llm.ts': TS_LLM_COMPLETE,
  'src/db.ts': ["import { Pool } from 'pg';", 'const pool = new Pool();', 'export function runSql(sql: string) {', '  return pool.query(sql);', '}', ''].join('\n'),
  'src/server.ts': [
    "import express from 'express';",
    "import { complete } from './llm';",
    "import { runSql } from './db';",
    'const app = express();',
    "app.get('/q', async (req: any, res: any) => res.send(await runSql(await complete(req.query.q))));",
    '',
  ].join('\n'),
};

/** Edits that change what the other files read (a sink, a source, a parameter) and edits that do not (spaces). */
function edits(files: Record<string, string>, file: string): string[] {
  const text = files[file];
  const mid = text.indexOf('\n', Math.floor(text.length / 2));
  return [
    text.slice(0, mid) + ' ' + text.slice(mid),
    text.replace(/return /, 'return  '),
    text.replace(/subprocess\.run\(passthrough\(command\)/, 'subprocess.run(command.strip()').replace(/\(prompt: string\)/, '(prompt: string, other: string)'),
    text.replace(/def passthrough\(x\):\n {4}return x/, 'def passthrough(x):\n    return "safe"').replace(/return pool\.query\(sql\)/, "return pool.query('SELECT 1')"),
    text,
  ];
}

function sameAsCold(files: Record<string, string>, index: WorkspaceIndex, order: string[], note: string): void {
  const expected = cold(files);
  for (const f of order) assert.deepStrictEqual(results(files, f, index), expected.get(f), `${note}: ${f}`);
}

describe('incremental analysis', () => {
  before(ready);

  for (const [name, base] of [['Python', PY], ['TypeScript', TS]] as const) {
    it(`an edited ${name} file and the files around it give what a cold scan gives, edit after edit`, () => {
      for (const edited of Object.keys(base).filter((f) => base[f])) {
        const files = { ...base };
        const index = new WorkspaceIndex(memory(files), true);
        const order = Object.keys(files).sort();
        sameAsCold(files, index, order, 'before any edit');
        for (const text of edits(base, edited)) {
          files[edited] = text;
          index.invalidate(edited);
          // the editor analyses the edited file first, then the files that import it or that it imports
          sameAsCold(files, index, [edited, ...order.filter((f) => f !== edited)], `after an edit of ${edited}`);
          sameAsCold(files, index, [...order].reverse(), `again, in another order, after an edit of ${edited}`);
        }
      }
    });
  }

  it('an edit of an imported file changes what its importer reports', () => {
    const files = { ...PY };
    const index = new WorkspaceIndex(memory(files), true);
    const before = results(files, 'app/main.py', index);
    files['app/llm.py'] = files['app/llm.py'].replace('return r.choices[0].message.content', 'return "fixed"');
    index.invalidate('app/llm.py');
    results(files, 'app/llm.py', index);
    const after = results(files, 'app/main.py', index);
    assert.notDeepStrictEqual(after, before);
    assert.deepStrictEqual(after, cold(files).get('app/main.py'));
  });

  it('a file that appears changes how imports resolve', () => {
    const files: Record<string, string> = { ...PY };
    const index = new WorkspaceIndex(memory(files), true);
    files['app/main.py'] = files['app/main.py'].replace('from .llm import generate', 'from .agent import generate');
    index.invalidate('app/main.py');
    sameAsCold(files, index, Object.keys(files).sort(), 'before the module exists');
    files['app/agent.py'] = PY['app/llm.py'];
    index.invalidate('app/agent.py');
    sameAsCold(files, index, Object.keys(files).sort(), 'after the module appears');
  });

  it('the direct mirror of a tree-sitter tree is the TreeCursor mirror', () => {
    const pyFiles: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.py')) pyFiles.push(p);
      }
    };
    walk(path.join(ROOT, 'rules'));
    walk(path.join(ROOT, 'examples'));
    assert.ok(pyFiles.length > 50);
    const texts = pyFiles.map((f) => fs.readFileSync(f, 'utf8'));
    texts.push('def f(:\n  x = (1,\n', 'class A(\n', '\u00e9t\u00e9 = "\u00fc\u{1F600}"\nprint(\u00e9t\u00e9)\n', '');
    const shape = (n: PyNode): unknown[] => [n.id, n.type, n.startIndex, n.endIndex, n.isNamed, n.isMissing, n.field, n.hasError, n.lastId, n.children.map(shape)];
    for (const text of texts) {
      const a = parsePython(text)!;
      const b = parsePython(text)!;
      try {
        assert.deepStrictEqual(shape(mirrorTree(a, text, true)), shape(mirrorTree(b, text, false)));
      } finally {
        a.delete();
        b.delete();
      }
    }
  });

  it("the mirror's fields are tree-sitter's: childForFieldName and childrenForFieldName of every node, every field name", () => {
    const texts = ['examples', 'rules/code/llm-output-code-execution', 'rules/code/mcp-handler-path-traversal'].flatMap((d) => {
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.py')) out.push(fs.readFileSync(p, 'utf8'));
        }
      };
      walk(path.join(ROOT, d));
      return out;
    });
    texts.push('def f(:\n  x = (1,\n', 'class A(B, metaclass=M):\n    def g(self, *a, k=1, **kw) -> int: return a[k:kw]\n');
    assert.ok(texts.length > 10);
    let checked = 0;
    for (const text of texts) {
      const tree = parsePython(text)!;
      try {
        const fields = tree.language.fields.filter((f): f is string => !!f);
        const root = mirrorTree(tree, text);
        const mirrored: PyNode[] = [];
        const stack = [root];
        while (stack.length) {
          const n = stack.pop()!;
          mirrored.push(n);
          for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
        }
        const native: TsNode[] = [];
        const cursor = tree.walk();
        const visit = (): void => {
          native.push(cursor.currentNode);
          if (cursor.gotoFirstChild()) {
            do visit();
            while (cursor.gotoNextSibling());
            cursor.gotoParent();
          }
        };
        visit();
        cursor.delete();
        assert.strictEqual(mirrored.length, native.length);
        const span = (n: { startIndex: number; endIndex: number; type: string } | null | undefined) => (n ? `${n.type}@${n.startIndex}-${n.endIndex}` : 'none');
        for (let i = 0; i < native.length; i++) {
          if (!native[i].childCount) continue;
          for (const f of fields) {
            assert.strictEqual(span(mirrored[i].childForFieldName(f)), span(native[i].childForFieldName(f)), `${f} of ${span(native[i])}`);
            assert.deepStrictEqual(mirrored[i].childrenForFieldName(f).map(span), native[i].childrenForFieldName(f).map(span), `${f}s of ${span(native[i])}`);
            checked++;
          }
        }
      } finally {
        tree.delete();
      }
    }
    assert.ok(checked > 1000);
  });

  it('jsPick lists what a walk of the program selects, in walk order, after an edit that reuses statements', () => {
    const pick = (n: TSESTree.Node) => n.type === 'VariableDeclarator' || n.type === 'CallExpression';
    const before = ['import { a } from "./a";', 'const x = a(1);', 'function f(y: string) {', '  const z = g(y);', '  return z;', '}', 'let w = f(String(x));', ''].join('\n');
    const after = before.replace('const z = g(y);', 'const z = g(y, h());');
    for (const text of [before, after]) {
      const program = buildViews('pick.ts', text, 'typescript', true).views.js!.ast;
      const walked: TSESTree.Node[] = [];
      jsWalk(program, (n) => {
        if (pick(n)) walked.push(n);
      });
      const picked = jsPick(program, pick);
      assert.strictEqual(picked.length, walked.length);
      picked.forEach((n, i) => assert.strictEqual(n, walked[i]));
      assert.strictEqual(jsPick(program, pick), picked);
    }
  });
});
