/**
 * Pre-filters (RuleMeta.prefilter): a cheap, conservative text condition per rule, checked before any parsing.
 * A rule whose condition fails on a file cannot report there and does not run; a view (a parse) is built only
 * when a rule that reads it remains. The condition must hold on every file the rule can report on: derive it
 * from what the rule matches (a qualified name it compares with, a keyword it requires), never from a source it
 * may receive from another file (cross-file flow brings tool arguments and model output from elsewhere).
 *
 * Words are maximal runs of `[A-Za-z_][A-Za-z0-9_]*` of the raw file text (comments and strings included), so a
 * word a parser sees as an identifier, an import name, a keyword argument or a dictionary key is one here too.
 * Text that a view decodes (string escapes, JSX character references, a backslash-newline inside a string) can
 * spell a word the raw text does not hold: such files run every rule (see `decodes`); an unknown JavaScript
 * escape (`\\o` is `o`) is covered by reading the words of the text without its backslashes as well.
 */
import type { WorkspacePackages } from './config';
import type { FileKind, FileRole, PrefilterFile, RuleMeta } from './model';

/** A letter or underscore, then letters, digits and underscores: an identifier-like word of the raw text. */
const WORD = /[A-Za-z_][A-Za-z0-9_]*/g;
export const PREFILTER_WORD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Escapes that can spell a letter in a view's decoded text (`\u0074orch`, `\x74`, `\N{...}`, octal `\164`, a
 * backslash-newline line continuation inside a string literal) and, in JavaScript/TypeScript (JSX), character
 * references (`&#116;`, `&lt;`). A file holding one runs every rule.
 */
const DECODES = /\\(?:[uUxN0-7]|\r?\n)/;
const JSX_REFERENCE = /&#?[A-Za-z0-9]+;/;

let enabled = process.env.AISEC_NO_PREFILTER !== '1';

/** Turn the pre-filters off (every rule runs on every file, every view is built) or back on: tests compare both. */
export function setPrefilters(on: boolean): void {
  enabled = on;
}

export function prefiltersEnabled(): boolean {
  return enabled;
}

/** One file's text as the pre-filters see it; the words are collected once, on the first rule that asks. */
export class PrefilterText implements PrefilterFile {
  private words?: Set<string>;
  /** The text can spell words it does not hold literally: every rule runs. */
  readonly decodes: boolean;

  /**
   * `asked`: the words the rules' pre-filters name (only those are collected; a word outside it always answers
   * true, as if collected without a filter would be too costly to know).
   */
  constructor(readonly text: string, readonly path: string, readonly kind: FileKind, readonly role: FileRole, readonly workspace?: Readonly<WorkspacePackages>, private readonly asked?: ReadonlySet<string>) {
    this.decodes = DECODES.test(text) || ((kind === 'javascript' || kind === 'typescript') && JSX_REFERENCE.test(text));
  }

  hasWord(w: string): boolean {
    if (this.asked && !this.asked.has(w)) return collectWords(this.text, this.kind).has(w);
    if (!this.words) this.words = collectWords(this.text, this.kind, this.asked);
    return this.words.has(w);
  }
}

/** The words of `text`; a word right after a backslash also without its first letter (`\ntorch` holds `torch`). */
export function collectWords(text: string, kind?: FileKind, only?: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  addWords(text, out, only);
  // JavaScript strings drop the backslash of an unknown escape (`'t\\orch'` is "torch"): the words without backslashes
  // too (Python keeps the backslash of an unknown escape; JSON and YAML reject one)
  if ((kind === undefined || kind === 'javascript' || kind === 'typescript') && JS_IDENTITY_ESCAPE.test(text)) addWords(text.replace(/\\/g, ''), out, only);
  return out;
}

/** A backslash before a character that is no escape of its own in JavaScript (it then stands for itself). */
const JS_IDENTITY_ESCAPE = /\\[^bfnrtv\\'"`\r\n\u2028\u2029]/;

/** All words of the text, or only those in `only`. */
function addWords(text: string, out: Set<string>, only?: ReadonlySet<string>): void {
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const w = m[0];
    if (!only || only.has(w)) out.add(w);
    if (m.index > 0 && text.charCodeAt(m.index - 1) === 92 && w.length > 1) {
      const rest = w.slice(1);
      // `\n3x`: the escape took the letter, digits follow; the word starts after them
      const r = /[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
      if (r && (!only || only.has(r[0]))) out.add(r[0]);
    }
  }
}

const askedByRules = new WeakMap<readonly { meta: RuleMeta }[], Set<string>>();

/** Every word the pre-filters of these rules name (collected once per rule list). */
export function prefilterWords(rules: readonly { meta: RuleMeta }[]): Set<string> {
  let s = askedByRules.get(rules);
  if (!s) {
    s = new Set<string>();
    for (const r of rules) for (const w of r.meta.prefilter?.words ?? []) s.add(w);
    askedByRules.set(rules, s);
  }
  return s;
}

/** Can the rule report on this file, by its pre-filter? True when it has none, or when pre-filters are off. */
export function mayReport(meta: RuleMeta, file: PrefilterText, withCheck = false): boolean {
  const p = meta.prefilter;
  if (!p || !enabled || file.decodes) return true;
  if (p.words || p.regex) {
    let any = false;
    if (p.words) for (const w of p.words) if (file.hasWord(w)) { any = true; break; }
    if (!any && p.regex && p.regex.test(file.text)) any = true;
    if (!any) return false;
  }
  // `check` (the engine asks it only when it can spare a parse)
  return withCheck && p.check ? p.check(file) : true;
}
