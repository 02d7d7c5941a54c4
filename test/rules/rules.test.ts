/**
 * The one data-driven runner over rules/<pack>/<id>/ (semgrep-rules style):
 * - every file in a rule folder other than rule.ts, <id>.md, *.fixed.* and *.expect.yaml is a fixture;
 * - an annotation line `ruleid: <id>` (in any comment syntax) means the next code line must report <id>;
 *   `ok: <id>` means it must not; `todoruleid:` / `todook:` are documented known gaps (not failures);
 * - JSON fixtures keep their expectations in a sidecar `<fixture>.expect.yaml`
 *   (`ruleid: [lines]`, `ok: [lines]`, 1-based);
 * - `<stem>.fixed.<ext>` is the golden output of applying the rule's first fix at every finding;
 *   the fixed text must re-parse and yield no finding of that rule;
 * - every rule has docs with the fixed headings, unique id, valid metadata and two-sided fixtures.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { builtinRules } from '../../server/src/engine/registry';
import { lessonOf } from '../../server/src/learning/lessons';
import { expectations as fixtureExpectations, fixtureFiles, fixtureProblems, goldenName } from '../../server/src/packs/fixtures';
import type { RegisteredRule } from '../../server/src/engine/rule';
import { allRulesConfig, applyEdits, ready, run } from '../helpers/engine';
import { WorkspaceIndex } from '../../server/src/workspace/manifests';
import type { AnalysisResult } from '../../server/src/engine/model';

/**
 * Fixtures under a rule folder's `workspace/` are scanned as a workspace rooted there: with the manifests
 * (package.json, requirements, ...) of their folders, at their path relative to that root.
 */
function runFixture(ruleDir: string, f: string, text: string): AnalysisResult {
  if (!f.startsWith('workspace/')) return run(f, text);
  const root = path.join(ruleDir, 'workspace');
  return run(f.slice('workspace/'.length), text, { ...allRulesConfig(), workspace: new WorkspaceIndex(root).forFile(path.join(ruleDir, f)) });
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RULES_DIR = path.join(ROOT, 'rules');
const DOC_HEADINGS = ['Summary', 'Why it matters', 'Examples', 'How to fix', 'When it is a false positive', 'References'];
describe('rules', function () {
  before(ready);

  it('every rule folder is registered and ids are unique', () => {
    const ids = builtinRules.map((r) => r.meta.id);
    assert.strictEqual(new Set(ids).size, ids.length, 'duplicate rule ids');
    for (const pack of fs.readdirSync(RULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const dir of fs.readdirSync(path.join(RULES_DIR, pack.name), { withFileTypes: true }).filter((d) => d.isDirectory())) {
        assert.ok(ids.includes(dir.name), `rules/${pack.name}/${dir.name} has no registered rule with that id`);
      }
    }
  });

  for (const rule of builtinRules) describeRule(rule);
});

function describeRule(rule: RegisteredRule): void {
  const id = rule.meta.id;
  const ruleDir = path.join(RULES_DIR, rule.pack, id);
  describe(id, () => {
    it('has valid metadata', () => {
      const m = rule.meta;
      assert.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(m.name, /^[A-Z][A-Za-z0-9]+$/);
      assert.ok(m.shortDescription.length > 10 && m.fullDescription.length > 40, 'descriptions');
      assert.ok(m.owasp.length > 0 && m.owasp.every((o) => /^LLM(0[1-9]|10)$/.test(o)), 'OWASP LLM ids');
      assert.ok(m.cwe.length > 0 && m.cwe.every((c) => Number.isInteger(c) && c > 0), 'CWE ids');
      assert.ok(m.views.length > 0, 'views');
      assert.ok(Object.keys(m.messages).length > 0, 'messages');
      const fw = m.frameworks;
      assert.ok((fw.nistAiRmf?.length ?? 0) + (fw.euAiAct?.length ?? 0) + (fw.iso42001?.length ?? 0) > 0, 'framework references');
      for (const v of m.views) assert.ok(typeof (rule.check as Record<string, unknown>)[v] === 'function' || id === 'invalid-suppression', `check for view ${v}`);
    });

    it('has docs with the fixed headings', () => {
      assert.ok(rule.docs.startsWith(`# ${id}`), 'docs start with "# <id>"');
      let last = -1;
      for (const h of DOC_HEADINGS) {
        const at = rule.docs.indexOf(`\n## ${h}\n`);
        assert.ok(at > last, `docs heading "## ${h}" missing or out of order`);
        last = at;
      }
    });

    it('lesson examples: the vulnerable one fires, the fixed one does not', () => {
      // the lesson view, the hover and `aisec explain` show these two blocks: they must stay true
      const lesson = lessonOf(rule);
      const { vulnerable, fixed } = lesson.examples;
      assert.ok(vulnerable, 'the lesson has no vulnerable example (Examples: "Vulnerable:" code block)');
      assert.ok(fixed, 'the lesson has no fixed example (Examples: "Fixed:" code block)');
      assert.ok(vulnerable.language && fixed.language, 'both examples name their language');
      assert.ok(lesson.whyItMatters && lesson.howToFix && lesson.oneLineFix && lesson.falsePositives, 'the lesson has why, how to fix and false positives');
      const bad = run(vulnerable.path, vulnerable.code).findings.filter((x) => x.ruleId === id && !x.suppression);
      assert.ok(bad.length > 0, `the vulnerable example (${vulnerable.path}) yields no ${id}`);
      const good = run(fixed.path, fixed.code).findings.filter((x) => x.ruleId === id && !x.suppression);
      assert.deepStrictEqual(good.map((x) => x.message), [], `the fixed example (${fixed.path}) still yields ${id}`);
    });

    const fixtures = fs.existsSync(ruleDir) ? fixtureFiles(ruleDir, id) : [];
    it('has fixtures that must and must not fire', () => {
      let positives = 0, negatives = 0;
      for (const f of fixtures) {
        const text = fs.readFileSync(path.join(ruleDir, f), 'utf8');
        for (const e of fixtureExpectations(ruleDir, f, text, id)) {
          if (!e.ids.includes(id)) continue;
          if (e.kind === 'ruleid') positives++;
          if (e.kind === 'ok') negatives++;
        }
      }
      assert.ok(positives > 0, 'no "ruleid:" case');
      assert.ok(negatives > 0, 'no "ok:" case');
    });

    for (const f of fixtures) {
      it(`fixture ${f}`, () => {
        const text = fs.readFileSync(path.join(ruleDir, f), 'utf8');
        const result = runFixture(ruleDir, f, text);
        // every rule's annotations in the fixture are checked; noise is checked for this folder's rule
        const exps = fixtureExpectations(ruleDir, f, text, id);
        const annotatedIds = new Set([id, ...exps.flatMap((e) => e.ids)]);
        const problems = fixtureProblems(result.findings, exps, annotatedIds, new Set([id]));
        assert.deepStrictEqual(problems, []);
      });

      const golden = goldenName(f);
      if (fs.existsSync(path.join(ruleDir, golden))) {
        it(`fix of ${f} matches ${golden} and no longer fires`, () => {
          const text = fs.readFileSync(path.join(ruleDir, f), 'utf8');
          const result = run(f, text);
          const edits = result.findings.filter((x) => x.ruleId === id && x.fixes.length > 0).flatMap((x) => x.fixes[0].edits);
          assert.ok(edits.length > 0, 'the rule offered no fix');
          const fixed = applyEdits(text, edits);
          assert.strictEqual(fixed, fs.readFileSync(path.join(ruleDir, golden), 'utf8'));
          const again = run(f, fixed);
          assert.deepStrictEqual(again.errors.filter((e) => e.kind === 'parse').map((e) => e.message), [], 'fixed text re-parses');
          const todo = new Set(fixtureExpectations(ruleDir, f, fixed, id).filter((e) => e.kind === 'todook' || e.kind === 'todoruleid').map((e) => e.line));
          assert.deepStrictEqual(again.findings.filter((x) => x.ruleId === id && !x.suppression && !todo.has(x.range.start.line)).map((x) => `${x.range.start.line + 1}: ${x.message}`), []);
        });
      }
    }

    if (rule.meta.fix !== 'none' && id !== 'invalid-suppression') {
      it('has a golden .fixed output', () => {
        assert.ok(fixtures.some((f) => fs.existsSync(path.join(ruleDir, goldenName(f)))), `meta.fix is ${rule.meta.fix} but no <stem>.fixed.<ext> exists`);
      });
    }
  });
}
