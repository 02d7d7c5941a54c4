/**
 * The editor re-parses a Python file incrementally (the tree of its previous text, edited): the mirror must be
 * the one a fresh parse gives, syntax errors included, on random edits of every Python fixture and example; the
 * same for JS/TS (TypeScript's incremental parser, converted by typescript-estree).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { dropKeptTrees, parsePython, parsePythonKept, textEdit } from '../../server/src/analyzers/python/parser';
import { mirrorTree } from '../../server/src/analyzers/python/tree';
import { analyzeJs, dropKeptJsTrees } from '../../server/src/analyzers/js';
import type { PyNode } from '../../server/src/analyzers/python/tree';
import { analyze } from '../../server/src/engine/engine';
import { builtinRules } from '../../server/src/engine/registry';
import { allRulesConfig, ready } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function pythonFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.py')) out.push(p);
    }
  };
  walk(path.join(ROOT, 'rules'));
  walk(path.join(ROOT, 'examples'));
  return out.sort();
}

const shape = (n: PyNode): string =>
  `(${n.type} ${n.startIndex} ${n.endIndex} ${n.isNamed ? 1 : 0}${n.isMissing ? 1 : 0}${n.hasError ? 1 : 0} ${n.field ?? ''} ${n.lastId}${n.children.map(shape).join('')})`;

describe('incremental Python parse', () => {
  before(ready);
  after(dropKeptTrees);

  it('the edit between two texts: one range, positions in UTF-16 code units, surrogate pairs whole', () => {
    assert.strictEqual(textEdit('abc', 'abc'), undefined);
    assert.deepStrictEqual(textEdit('a\nbc\nd', 'a\nbXc\nd'), {
      startIndex: 3, oldEndIndex: 3, newEndIndex: 4,
      startPosition: { row: 1, column: 1 }, oldEndPosition: { row: 1, column: 1 }, newEndPosition: { row: 1, column: 2 },
    });
    // the same character repeated: prefix and suffix do not overlap
    assert.deepStrictEqual([textEdit('aaa', 'aaaa')!.startIndex, textEdit('aaa', 'aaaa')!.oldEndIndex, textEdit('aaa', 'aaaa')!.newEndIndex], [3, 3, 4]);
    // U+1F600 and U+1F601 share their high surrogate: the edit covers the whole pair
    const e = textEdit('x\u{1F600}y', 'x\u{1F601}y')!;
    assert.deepStrictEqual([e.startIndex, e.oldEndIndex, e.newEndIndex], [1, 3, 3]);
    // U+1F600 and U+1D600 share their low surrogate
    const f = textEdit('x\u{1F600}y', 'x\u{1D600}y')!;
    assert.deepStrictEqual([f.startIndex, f.oldEndIndex, f.newEndIndex], [1, 3, 3]);
  });

  it('gives the tree a fresh parse gives, after random edits of every Python fixture (syntax errors too)', function () {
    this.timeout(120000);
    let seed = 20261207;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const inserts = [' ', '\t', '\n', 'x', '(', ')', ':', '"', "'", '#', ',', '=', '\u00e9', '\u{1F600}', '    ', 'def ', '[', '\\', '"""'];
    let compared = 0;
    let withErrors = 0;
    for (const file of pythonFiles()) {
      const orig = fs.readFileSync(file, 'utf8');
      let text = orig;
      parsePythonKept('edited.py', text);
      for (let i = 0; i < 12; i++) {
        const at = rnd(text.length + 1);
        const op = rnd(5);
        if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + rnd(3));
        else if (op === 1) text = orig;
        else if (op === 2) {
          const from = rnd(orig.length + 1);
          text = text.slice(0, at) + orig.slice(from, from + rnd(200)) + text.slice(at + rnd(50));
        } else text = text.slice(0, at) + inserts[rnd(inserts.length)] + text.slice(at);
        const kept = parsePythonKept('edited.py', text)!;
        const fresh = parsePython(text)!;
        try {
          if (fresh.rootNode.hasError) withErrors++;
          assert.strictEqual(shape(mirrorTree(kept, text)), shape(mirrorTree(fresh, text)), `${path.relative(ROOT, file)}, edit ${i}`);
          compared++;
        } finally {
          fresh.delete();
        }
      }
    }
    assert.ok(compared > 1000 && withErrors > 300, `${compared} compared, ${withErrors} with syntax errors`);
  });

  it('a text with syntax errors after one with errors: the kept tree is a fresh parse (error recovery differs here)', () => {
    // found by random edits: tree-sitter's incremental parse of `after` from the fresh tree of `before` (both with
    // errors) recovers differently from a fresh parse of `after`; parsePythonKept must give the fresh one
    const before = 'def new_database(db_path: str, rows):\n    for key, value in rows:\n        db[key] = value\n    return shelve.open(db_p[ath, flag="n")';
    const after = before.replace('key, value', 'key,[ value');
    // the text before has errors (parsed fresh, the next one too), or none (the next one is parsed incrementally first)
    for (const first of [before, before.replace('db_p[ath', 'db_path')]) {
      dropKeptTrees();
      parsePythonKept('errors.py', first);
      const kept = parsePythonKept('errors.py', after)!;
      const fresh = parsePython(after)!;
      try {
        assert.ok(fresh.rootNode.hasError);
        assert.strictEqual(shape(mirrorTree(kept, after)), shape(mirrorTree(fresh, after)));
      } finally {
        fresh.delete();
      }
    }
  });
});

function jsFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|js|jsx|mjs)$/.test(e.name) && !e.name.endsWith('rule.ts') && !e.name.includes('.fixed.')) out.push(p);
    }
  };
  walk(path.join(ROOT, 'rules'));
  walk(path.join(ROOT, 'examples'));
  return out.sort();
}

describe('incremental TypeScript parse', () => {
  after(dropKeptJsTrees);

  it('gives the tree (or the syntax error) a fresh parse gives, after random edits of every JS/TS fixture', function () {
    this.timeout(300000);
    let seed = 20261207;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const inserts = [' ', '\t', '\n', 'x', '(', ')', '{', '}', ':', '"', "'", '`', '${', '//', '/*', ',', '=', '<', '>', '</div>', '\u00e9', '\u{1F600}', 'function ', '[', '\\', ';', '=>'];
    const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));
    const outcome = (r: ReturnType<typeof analyzeJs>) => (r.view ? `${r.view.jsx} ${json(r.view.ast)}` : json(r.errors));
    let compared = 0;
    let withErrors = 0;
    for (const file of jsFiles()) {
      const orig = fs.readFileSync(file, 'utf8');
      const ts = file.endsWith('.ts') || file.endsWith('.tsx');
      let text = orig;
      analyzeJs(file, text, ts, 'edited');
      for (let i = 0; i < 12; i++) {
        const at = rnd(text.length + 1);
        const op = rnd(5);
        if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + rnd(3));
        else if (op === 1) text = orig;
        else if (op === 2) {
          const from = rnd(orig.length + 1);
          text = text.slice(0, at) + orig.slice(from, from + rnd(200)) + text.slice(at + rnd(50));
        } else text = text.slice(0, at) + inserts[rnd(inserts.length)] + text.slice(at);
        const kept = analyzeJs(file, text, ts, 'edited');
        const fresh = analyzeJs(file, text, ts);
        if (!fresh.view) withErrors++;
        assert.strictEqual(outcome(kept), outcome(fresh), `${path.relative(ROOT, file)}, edit ${i}`);
        compared++;
      }
    }
    assert.ok(compared > 1000 && withErrors > 300, `${compared} compared, ${withErrors} with syntax errors`);
  });
});

describe('editor analysis with kept syntax trees', () => {
  before(ready);
  after(() => {
    dropKeptTrees();
    dropKeptJsTrees();
  });

  it('finds after each edit what an analysis from a fresh parse finds', function () {
    this.timeout(300000);
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const files = [...pythonFiles(), ...jsFiles()].filter((_, i) => i % 4 === 0);
    const inserts = [' ', '\n', 'x', '(', ')', ':', '"', ',', '=', '{', '}'];
    const results = (file: string, text: string) =>
      analyze({ path: path.relative(ROOT, file), text }, allRulesConfig(), builtinRules).findings.map((f) => `${f.ruleId}:${f.start}:${f.end}:${f.message}:${f.fingerprint}`);
    let compared = 0;
    for (const file of files) {
      const orig = fs.readFileSync(file, 'utf8');
      let text = orig;
      results(file, text);
      for (let i = 0; i < 4; i++) {
        const at = rnd(text.length + 1);
        text = i === 3 ? orig : text.slice(0, at) + inserts[rnd(inserts.length)] + text.slice(at);
        const kept = results(file, text);
        dropKeptTrees();
        dropKeptJsTrees();
        assert.deepStrictEqual(kept, results(file, text), `${path.relative(ROOT, file)}, edit ${i}`);
        compared++;
      }
    }
    assert.ok(compared > 200, `${compared} compared`);
  });
});
