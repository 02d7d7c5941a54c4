/**
 * Pre-filters (engine/prefilter.ts, RuleMeta.prefilter) never drop a finding: every rule fixture, the examples and
 * the accuracy repositories give the same results with pre-filters on and off, and the tricky pre-filters have
 * unit tests of their own.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { defaultConfig } from '../../server/src/engine/config';
import type { EffectiveConfig } from '../../server/src/engine/config';
import { analyze } from '../../server/src/engine/engine';
import type { AnalysisResult, PrefilterFile } from '../../server/src/engine/model';
import { collectWords, mayReport, PREFILTER_WORD, PrefilterText, setPrefilters } from '../../server/src/engine/prefilter';
import { builtinRules } from '../../server/src/engine/registry';
import { fixtureFiles } from '../../server/src/packs/fixtures';
import { WorkspaceIndex } from '../../server/src/workspace/manifests';
import { scanPaths } from '../../server/src/workspace/scan';
import { importsMayReport, jsImportSpecsCheap, pyImportNamesCheap } from '../../rules/code/unknown-package-import/rule';
import { allRulesConfig, ready } from '../helpers/engine';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function both<T>(f: () => T): { on: T; off: T } {
  setPrefilters(false);
  try {
    const off = f();
    setPrefilters(true);
    return { on: f(), off };
  } finally {
    setPrefilters(true);
  }
}

function same(a: AnalysisResult, b: AnalysisResult): string {
  return JSON.stringify({ f: a.findings, e: a.errors, i: a.incomplete }) === JSON.stringify({ f: b.findings, e: b.errors, i: b.incomplete }) ? '' : `${JSON.stringify(b.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`))} (off) vs ${JSON.stringify(a.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`))} (on); errors ${JSON.stringify(b.errors)} vs ${JSON.stringify(a.errors)}`;
}

function file(text: string, p = 'app.py', kind: PrefilterFile['kind'] = 'python', workspace?: PrefilterFile['workspace']): PrefilterText {
  return new PrefilterText(text, p, kind, 'product', workspace);
}

describe('pre-filters', function () {
  this.timeout(600_000);
  before(ready);

  it('every rule pre-filter is well formed (whole words, no stateful regex)', () => {
    for (const r of builtinRules) {
      const p = r.meta.prefilter;
      if (!p) continue;
      for (const w of p.words ?? []) assert.match(w, PREFILTER_WORD, `${r.meta.id}: "${w}" is not a word`);
      if (p.regex) assert.ok(!p.regex.global && !p.regex.sticky, `${r.meta.id}: the regex must not be global or sticky`);
      assert.ok(p.words?.length || p.regex || p.check, `${r.meta.id}: an empty pre-filter`);
    }
  });

  it('rule fixtures: the same findings, errors and incomplete lists with pre-filters on and off (all rules on, and the defaults)', () => {
    const problems: string[] = [];
    let files = 0;
    for (const rule of builtinRules) {
      const ruleDir = path.join(ROOT, 'rules', rule.pack, rule.meta.id);
      for (const f of fixtureFiles(ruleDir, rule.meta.id)) {
        const text = fs.readFileSync(path.join(ruleDir, f), 'utf8');
        const inWs = f.startsWith('workspace/');
        const rel = inWs ? f.slice('workspace/'.length) : f;
        const configs: EffectiveConfig[] = [allRulesConfig(), { ...defaultConfig(), today: '2026-11-22' }];
        for (const config of configs) {
          if (inWs) config.workspace = new WorkspaceIndex(path.join(ruleDir, 'workspace')).forFile(path.join(ruleDir, f));
          const r = both(() => analyze({ path: rel, text }, config, builtinRules));
          const d = same(r.on, r.off);
          if (d) problems.push(`rules/${rule.pack}/${rule.meta.id}/${f}: ${d}`);
          files++;
        }
      }
    }
    assert.ok(files > 300, `only ${files} fixture runs`);
    assert.deepStrictEqual(problems, []);
  });

  for (const dir of ['examples', 'accuracy/repos', 'accuracy/vulnerable']) {
    it(`${dir}: a scan gives the same results with pre-filters on and off`, () => {
      const root = path.join(ROOT, dir);
      const r = both(() => scanPaths([root], { root, rules: builtinRules, today: '2026-11-22' }));
      const view = (s: typeof r.on) => s.files.map((f) => ({ rel: f.rel, findings: f.result.findings, errors: f.result.errors, incomplete: f.result.incomplete }));
      const on = view(r.on);
      const off = view(r.off);
      assert.ok(off.length > 5);
      assert.ok(off.some((f) => f.findings.length > 0), 'the scan finds something');
      for (let i = 0; i < off.length; i++) assert.deepStrictEqual(on[i], off[i], off[i].rel);
      assert.deepStrictEqual(r.on.skipped, r.off.skipped);
    });
  }

  it('words: escapes right before a word do not hide it; decoding escapes turn the pre-filters off', () => {
    const w = collectWords('x = "a\\ntorch.load(f)" \\ttrust_remote_code 3keras');
    for (const x of ['torch', 'ntorch', 'trust_remote_code', 'keras', 'load']) assert.ok(w.has(x), x);
    // an unknown escape in a JavaScript string keeps the letter: 't\\orch' is "torch"
    assert.ok(collectWords("const s = 't\\orch';").has('torch'));
    assert.ok(collectWords("const s = 't\\orch';", 'typescript').has('torch'));
    // Python keeps the backslash of an unknown escape: nothing to join there
    assert.ok(!collectWords("s = 't\\orch'", 'python').has('torch'));
    // collecting only the words the rules ask about answers the same for those words
    const only = collectWords('import torch\nx = "\\ttrust_remote_code"', 'python', new Set(['torch', 'trust_remote_code', 'keras']));
    assert.deepStrictEqual([...only].sort(), ['torch', 'trust_remote_code']);
    const asked = new PrefilterText('import torch', 'a.py', 'python', 'product', undefined, new Set(['torch']));
    assert.ok(asked.hasWord('torch') && asked.hasWord('import') && !asked.hasWord('keras'));
    const torch = builtinRules.find((r) => r.meta.id === 'torch-load-unsafe')!.meta;
    assert.strictEqual(mayReport(torch, file('import numpy\nnumpy.load(f)\n')), false);
    assert.strictEqual(mayReport(torch, file('import torch\n')), true);
    // \u0074orch, \x74orch, \164orch, a line continuation inside a string: the raw text does not hold the word
    for (const t of ['s = "\\u0074orch"', 's = "\\x74orch"', "s = '\\164orch'", 's = "tor\\\nch"', 's = "\\N{LATIN SMALL LETTER T}orch"']) {
      assert.strictEqual(mayReport(torch, file(t)), true, t);
    }
    // JSX character references decode in JS/TS only
    assert.strictEqual(file('<a title="&#116;orch"/>', 'a.tsx', 'typescript').decodes, true);
    assert.strictEqual(file('s = "&amp;"', 'a.py').decodes, false);
    setPrefilters(false);
    try {
      assert.strictEqual(mayReport(torch, file('import numpy\n')), true);
    } finally {
      setPrefilters(true);
    }
  });

  it('unknown-package-import: the cheap Python import scan finds every import name the parser does', () => {
    const names = (t: string) => new Set(pyImportNamesCheap(t));
    const has = (t: string, ...xs: string[]) => { const n = names(t); for (const x of xs) assert.ok(n.has(x), `${x} in ${JSON.stringify(t)}: ${[...n]}`); };
    has('import os, reqeusts as r\n', 'os', 'reqeusts');
    has('import a.b.c as d, e . f\n', 'a', 'e');
    has('from langchian.tools import BaseTool\n', 'langchian');
    has('from \\\n  torchh import x\n', 'torchh');
    has('import a, \\\n  bb\n', 'a', 'bb');
    has('x = 1; import zz\n', 'zz');
    has('if x:\n    import yy  # c\n', 'yy');
    has('from x\nimport broken\n', 'x', 'broken');
    has('try:\n  import opt\nexcept ImportError:\n  pass\n', 'opt');
    assert.ok(!names('from typing import Optional, List\n').has('Optional'), 'the names a from-import brings in are not modules');
    assert.strictEqual(pyImportNamesCheap('import café\n'), undefined);
  });

  it('unknown-package-import: the cheap JS import scan finds every module specifier the parser does', () => {
    const specs = (t: string) => new Set(jsImportSpecsCheap(t));
    const has = (t: string, ...xs: string[]) => { const n = specs(t); for (const x of xs) assert.ok(n.has(x), `${x} in ${JSON.stringify(t)}: ${[...n]}`); };
    has("import x from 'lodahs';", 'lodahs');
    has('import "side-effect";', 'side-effect');
    has("export * from '@scope/pkg/sub';", '@scope/pkg/sub');
    has("export { a } from /* c */ 'b-pkg';", 'b-pkg');
    has("const m = await import( // c\n 'dyn-pkg');", 'dyn-pkg');
    has("const r = require ('reqd');", 'reqd');
    has("import fs = require('expresss');", 'expresss');
    has("import type { T } from\n'types-only';", 'types-only');
    assert.strictEqual(jsImportSpecsCheap("import x from 'a\\u0062';"), undefined);
  });

  it('unknown-package-import: quiet files skip the rule, anything doubtful runs it', () => {
    const rule = builtinRules.find((r) => r.meta.id === 'unknown-package-import')!.meta;
    const ws = { pythonPackages: ['requests'], npmPackages: ['lodash'], manifests: ['requirements.txt', 'package.json'] };
    assert.strictEqual(importsMayReport(file('import os\nimport requests\nfrom ._x import y\n', 'pkg/app.py', 'python', ws)), false);
    assert.strictEqual(importsMayReport(file('import reqeusts\n', 'pkg/app.py', 'python', ws)), true);
    assert.strictEqual(importsMayReport(file('import os\nimport some_unknown_thing\n', 'pkg/app.py', 'python', ws)), true);
    assert.strictEqual(importsMayReport(file("import fs from 'node:fs';\nimport _ from 'lodash';\nimport x from './x';\n", 'src/a.ts', 'typescript', ws)), false);
    assert.strictEqual(importsMayReport(file("import x from 'lodahs';\n", 'src/a.ts', 'typescript', ws)), true);
    assert.strictEqual(importsMayReport(file('import reqeusts\n', 'pkg/app.ipynb', 'notebook', ws)), true, 'notebooks are parsed');
    assert.strictEqual(mayReport(rule, file('import reqeusts\n', 'tests/fixtures/app.py', 'python', ws), true), true);
    assert.strictEqual(mayReport(rule, file('import os\n', 'pkg/app.py', 'python', ws), true), false);
    assert.strictEqual(mayReport(rule, file('import os\n', 'pkg/app.py', 'python', ws)), true, 'without the check: the words only');
  });
});
