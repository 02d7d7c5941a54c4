/**
 * The built-in rules' own regexes, audited with the check that guards team packs. No built-in regex may
 * take exponential time (nested or overlapping repetitions): that check has no exceptions. Polynomial
 * shapes (two repetitions that can match the same text, or a leading repetition retried at every
 * offset) are documented exceptions: built-in regexes run on text the analyzers have already cut to a
 * line, a name, a string literal or a capped window, and each one is run here on hostile long lines.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { regexDanger } from '../../server/src/packs/safeRegex';
import { ROOT } from '../helpers/cli';

interface Literal {
  where: string;
  source: string;
  flags: string;
}

function* tsFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* tsFiles(p);
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) yield p;
  }
}

function builtinRegexLiterals(): Literal[] {
  const out: Literal[] = [];
  for (const root of ['server/src', 'rules'])
    for (const f of tsFiles(path.join(ROOT, root))) {
      const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const text = node.getText(sf);
          const slash = text.lastIndexOf('/');
          out.push({ where: `${path.relative(ROOT, f)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  return out;
}

/** Hostile lines: long runs of the characters that repetitions in real patterns share, then a mismatch. */
const HOSTILE = [' ', 'a', '\t', 'a ', 'a-', 'a.', '1', 'ab1', '=', '\\n', ':'].flatMap((u) => {
  const run = u.repeat(Math.ceil(3000 / u.length));
  return [run + '\u0001', 'x' + run + '\n\u0001'];
});

describe('unit: built-in regexes audited with the pack regex check', () => {
  const literals = builtinRegexLiterals();
  const checked = literals.map((l) => ({ ...l, danger: regexDanger(l.source, l.flags) }));

  it('finds the built-in regex literals', () => {
    assert.ok(literals.length > 1000, `${literals.length}`);
  });

  it('no built-in regex can take exponential time (no exceptions)', () => {
    const exponential = checked.filter((c) => c.danger && /exponential/.test(c.danger)).map((c) => `${c.where}: /${c.source}/ ${c.danger}`);
    assert.deepStrictEqual(exponential, []);
  });

  it('the PEM armor-header regex of secret-in-prompt-template finishes fast on repeated headers (was exponential)', () => {
    const c = checked.find((x) => x.where.startsWith('rules/prompt/secret-in-prompt-template/rule.ts') && x.source.includes('Proc-Type'));
    assert.ok(c && !c.danger, JSON.stringify(c));
    const re = new RegExp(c.source, c.flags);
    const t = Date.now();
    assert.strictEqual(re.test('Hash:   '.repeat(50).slice(0, 400) + '!'), false);
    assert.ok(Date.now() - t < 100);
  });

  it('documented polynomial exceptions run fast on hostile 3,000-character lines', function () {
    this.timeout(180_000);
    const slow: string[] = [];
    let n = 0;
    for (const c of checked) {
      if (!c.danger || /cannot check/.test(c.danger)) continue;
      n++;
      const re = new RegExp(c.source, c.flags.replace(/[gy]/g, ''));
      for (const h of HOSTILE) {
        const t = process.hrtime.bigint();
        re.test(h);
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (ms > 400) slow.push(`${c.where}: /${c.source.slice(0, 80)}/ on ${JSON.stringify(h.slice(0, 4))}...: ${ms.toFixed(0)} ms`);
      }
    }
    assert.ok(n > 0);
    assert.deepStrictEqual(slow, []);
  });
});
