import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { jsFlow, jsStringValue, objProp, propName, pyStringContent, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import { jsMemberName, jsParentIn, jsWalk } from '../../../server/src/analyzers/js/calls';
import { defineRule } from '../../../server/src/engine/rule';
import type { Fix, TextEdit } from '../../../server/src/engine/model';

/** Thresholds that disable Gemini / Vertex AI safety filtering for a harm category. */
const DISABLED = new Set(['BLOCK_NONE', 'OFF']);
const SAFER = 'BLOCK_MEDIUM_AND_ABOVE';
const THRESHOLD_KEYS = new Set(['threshold']);

function isDisabledString(v: string | undefined): boolean {
  if (v === undefined) return false;
  const u = v.toUpperCase();
  return DISABLED.has(u) || u === 'HARM_BLOCK_THRESHOLD_OFF';
}

function pyFix(n: PyNode, kind: 'enum' | 'string'): Fix[] {
  if (kind === 'enum') {
    const attr = n.childForFieldName('attribute');
    return attr ? [{ title: `Use ${SAFER}`, kind: 'suggestion', edits: [{ start: attr.startIndex, end: attr.endIndex, newText: SAFER }] }] : [];
  }
  const c = pyStringContent(n);
  return c ? [{ title: `Use ${SAFER}`, kind: 'suggestion', edits: [{ start: c.start, end: c.end, newText: SAFER }] }] : [];
}

/** Assertion calls: the value inside is what a test expects, not a setting anyone sends. */
const PY_ASSERT_CALL = /^(assert\w*|assert_called\w*|assert_any_call|assert_has_calls|snapshot)$/i;
const EXPECTED_NAME = /^(expected|EXPECTED|want|wanted|WANT|snapshot|golden|GOLDEN)([A-Z_]\w*)?$|(_expected|_EXPECTED|Expected)$/;
const JS_MATCHERS = /^(toEqual|toStrictEqual|toMatchObject|toMatchInlineSnapshot|toMatchSnapshot|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveBeenNthCalledWith|toBe|toContainEqual|toHaveProperty|deepEqual|deepStrictEqual|strictEqual|equal|equals|eql|partialDeepStrictEqual)$/;

/** Is the Python node part of an expected value: an `assert`, a `==` comparison, an assertion call or an `expected = ...`? */
function pyInAssertion(n: PyNode): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'assert_statement') return true;
    if (p.type === 'comparison_operator') return true;
    if (p.type === 'call') {
      const fn = p.childForFieldName('function');
      const name = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.type === 'identifier' ? fn.text : undefined;
      if (name && PY_ASSERT_CALL.test(name)) return true;
    }
    if (p.type === 'assignment') {
      const left = p.childForFieldName('left');
      if (left && EXPECTED_NAME.test(left.text.replace(/^self\./, ''))) return true;
      return false;
    }
    if (p.type === 'function_definition' || p.type === 'class_definition') return false;
  }
  return false;
}

/** Is the JS node inside `expect(...)`, a matcher's argument, an `assert.*(...)` call or `const expected = ...`? */
function jsInAssertion(n: TSESTree.Node, parentOf: (n: TSESTree.Node) => TSESTree.Node | undefined): boolean {
  for (let p = parentOf(n); p; p = parentOf(p)) {
    if (p.type === 'CallExpression') {
      const c = p.callee;
      if (c.type === 'Identifier' && (c.name === 'expect' || c.name === 'assert')) return true;
      if (c.type === 'MemberExpression' && !c.computed && c.property.type === 'Identifier') {
        if (JS_MATCHERS.test(c.property.name)) return true;
        if (c.object.type === 'Identifier' && (c.object.name === 'assert' || c.object.name === 't')) return true;
      }
    }
    if (p.type === 'VariableDeclarator') return p.id.type === 'Identifier' && EXPECTED_NAME.test(p.id.name);
    if (p.type === 'FunctionDeclaration' || p.type === 'Program') return false;
  }
  return false;
}

export default defineRule({
  meta: {
    id: 'llm-safety-settings-disabled',
    name: 'LlmSafetySettingsDisabled',
    shortDescription: 'Gemini / Vertex AI safety filters are switched off (BLOCK_NONE / OFF).',
    fullDescription: 'Gemini and Vertex AI screen prompts and responses for harassment, hate speech, sexually explicit and dangerous content. A safety setting with threshold BLOCK_NONE or OFF removes that screen for the category, so jailbreaks and prompt injections that ask for harmful content are answered and passed to users or downstream code. Keep a blocking threshold, or document the compensating moderation you run yourself.',
    views: ['python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM05', 'LLM01'],
    cwe: [693],
    frameworks: { nistAiRmf: ['MANAGE 2.2', 'MEASURE 2.6'], euAiAct: ['Art. 15', 'Art. 9'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      disabled: '`{{value}}` disables the provider\'s safety filter for this category: harmful or injected requests are answered unscreened. Use a blocking threshold (e.g. {{safer}}) or moderate outputs yourself.',
      disabledList: 'These safety settings disable the provider\'s filter for {{count}} categories ({{categories}}) with `{{value}}`: harmful or injected requests are answered unscreened. Use a blocking threshold (e.g. {{safer}}) or moderate outputs yourself.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const found: Disabled[] = [];
      const seen = new Set<number>();
      const add = (n: PyNode, kind: 'enum' | 'string') => {
        if (seen.has(n.startIndex) || pyInAssertion(n)) return;
        seen.add(n.startIndex);
        const g = pyGroup(n);
        found.push({ start: n.startIndex, end: n.endIndex, value: n.text, edits: pyFix(n, kind)[0]?.edits ?? [], group: g.group, category: g.category });
      };
      // HarmBlockThreshold.BLOCK_NONE / types.HarmBlockThreshold.OFF / SafetySetting.HarmBlockThreshold.BLOCK_NONE
      for (const a of ctx.view.root.descendantsOfType('attribute')) {
        const attr = a.childForFieldName('attribute')?.text ?? '';
        const obj = a.childForFieldName('object');
        if (!DISABLED.has(attr) || !obj) continue;
        if (!/(^|\.)HarmBlockThreshold$/.test(flow.qualName(obj))) continue;
        add(a, 'enum');
      }
      // threshold="BLOCK_NONE" (SafetySetting(...) / dict) and {"HARM_CATEGORY_X": "BLOCK_NONE"}
      for (const kw of ctx.view.root.descendantsOfType('keyword_argument')) {
        const value = kw.childForFieldName('value');
        if (THRESHOLD_KEYS.has(kw.childForFieldName('name')?.text ?? '') && value && isDisabledString(pyStringValue(value))) add(value, 'string');
      }
      for (const pair of ctx.view.root.descendantsOfType('pair')) {
        const key = pair.childForFieldName('key');
        const value = pair.childForFieldName('value');
        if (!key || !value || !isDisabledString(pyStringValue(value))) continue;
        const k = pyStringValue(key) ?? key.text;
        if (THRESHOLD_KEYS.has(k) || /HARM_CATEGORY_|HarmCategory\./.test(k) || /^(harassment|hate|hate_speech|sexual|sexually_explicit|dangerous|dangerous_content|civic_integrity)$/i.test(k)) add(value, 'string');
      }
      reportGroups(ctx, found);
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const found: Disabled[] = [];
      const seen = new Set<number>();
      const parentOf = (x: TSESTree.Node) => jsParentIn(ctx.view.ast, x);
      const add = (n: TSESTree.Node, text: string, edit: { start: number; end: number }) => {
        if (seen.has(n.range[0]) || jsInAssertion(n, parentOf)) return;
        seen.add(n.range[0]);
        const g = jsGroup(n, parentOf, ctx.view.text);
        found.push({ start: n.range[0], end: n.range[1], value: text, edits: [{ ...edit, newText: SAFER }], group: g.group, category: g.category });
      };
      jsWalk(ctx.view.ast, (n) => {
        if (n.type === 'MemberExpression') {
          const name = jsMemberName(n);
          if (name && DISABLED.has(name) && /(^|\.)HarmBlockThreshold$/.test(flow.qualName(n.object)) && !n.computed && !choiceEntry(n, parentOf)) {
            add(n, ctx.view.text.slice(n.range[0], n.range[1]), { start: n.property.range[0], end: n.property.range[1] });
          }
          return;
        }
        if (n.type === 'Property' && propName(n) === 'threshold') {
          const v = jsStringValue(n.value);
          if (isDisabledString(v) && (n.value.type === 'Literal' || n.value.type === 'TemplateLiteral')) {
            add(n.value, ctx.view.text.slice(n.value.range[0], n.value.range[1]), { start: n.value.range[0] + 1, end: n.value.range[1] - 1 });
          }
        }
      });
      reportGroups(ctx, found);
    },
  },
});

/** One disabled threshold: where it is, the edit that raises it, the settings list it belongs to and its category. */
interface Disabled {
  start: number;
  end: number;
  value: string;
  edits: TextEdit[];
  /** Start offset of the safety-settings list (array of settings, or category -> threshold map); the value's own start when alone. */
  group: number;
  category?: string;
}

/**
 * One finding per safety-settings list, at its first disabled entry: a list that switches off four categories is
 * one decision, not four. The message names the categories; the fix raises every disabled threshold of the list.
 */
function reportGroups(ctx: { report(f: { messageId?: string; data: Record<string, string>; start: number; end: number; fixes: Fix[] }): void }, found: Disabled[]): void {
  const groups = new Map<number, Disabled[]>();
  for (const d of [...found].sort((a, b) => a.start - b.start)) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  for (const list of groups.values()) {
    const first = list[0];
    const edits = list.flatMap((d) => d.edits);
    const fixes: Fix[] = edits.length ? [{ title: `Use ${SAFER}`, kind: 'suggestion', edits }] : [];
    const categories = [...new Set(list.map((d) => d.category).filter((c): c is string => !!c))];
    if (list.length === 1) ctx.report({ data: { value: first.value, safer: SAFER }, start: first.start, end: first.end, fixes });
    else ctx.report({ messageId: 'disabledList', data: { value: first.value, safer: SAFER, count: String(list.length), categories: categories.length ? categories.join(', ') : `${list.length} categories` }, start: first.start, end: first.end, fixes });
  }
}

/** `HarmCategory.HARM_CATEGORY_HATE_SPEECH` / `"HARM_CATEGORY_HATE_SPEECH"` / `"HATE"` -> `HATE_SPEECH` / `HATE`. */
function categoryName(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const last = text.replace(/^["'`\[]+|["'`\]]+$/g, '').split('.').pop() ?? '';
  const name = last.replace(/^HARM_CATEGORY_/i, '').toUpperCase();
  return /^[A-Z_]+$/.test(name) ? name : undefined;
}

/** The safety-settings list a Python threshold belongs to: the `[...]` of settings, or the `{category: threshold}` map. */
function pyGroup(n: PyNode): { group: number; category?: string } {
  const p = n.parent;
  let entry: PyNode | undefined;
  let category: string | undefined;
  if (p?.type === 'pair') {
    const dict = p.parent;
    const key = p.childForFieldName('key');
    const k = pyStringValue(key) ?? key?.text;
    if (dict?.type === 'dictionary' && k !== undefined && THRESHOLD_KEYS.has(k)) {
      // {"category": ..., "threshold": "OFF"}: one setting of a list
      entry = dict;
      const c = dict.namedChildren.find((x) => x.type === 'pair' && (pyStringValue(x.childForFieldName('key')) ?? x.childForFieldName('key')?.text) === 'category');
      const cv = c?.childForFieldName('value');
      category = categoryName(cv ? pyStringValue(cv) ?? cv.text : undefined);
    } else if (dict?.type === 'dictionary') {
      // {HarmCategory.X: HarmBlockThreshold.BLOCK_NONE, ...}: the map is the list
      return { group: dict.startIndex, category: categoryName(k) };
    }
  } else if (p?.type === 'keyword_argument' && p.parent?.type === 'argument_list' && p.parent.parent?.type === 'call') {
    // SafetySetting(category=..., threshold=...)
    entry = p.parent.parent;
    const c = p.parent.namedChildren.find((x) => x.type === 'keyword_argument' && x.childForFieldName('name')?.text === 'category');
    const cv = c?.childForFieldName('value');
    category = categoryName(cv ? pyStringValue(cv) ?? cv.text : undefined);
  }
  if (!entry) return { group: n.startIndex };
  const container = entry.parent;
  return { group: container && (container.type === 'list' || container.type === 'tuple') ? container.startIndex : entry.startIndex, category };
}

/** The safety-settings list a JS threshold belongs to: the array of `{ category, threshold }` settings, or a category map. */
function jsGroup(n: TSESTree.Node, parentOf: (x: TSESTree.Node) => TSESTree.Node | undefined, text: string): { group: number; category?: string } {
  const prop = parentOf(n);
  if (prop?.type !== 'Property' || prop.value !== n) return { group: n.range[0] };
  const obj = parentOf(prop);
  if (obj?.type !== 'ObjectExpression') return { group: n.range[0] };
  if (propName(prop) === 'threshold') {
    const c = objProp(obj, 'category');
    const category = categoryName(c ? jsStringValue(c.value) ?? text.slice(c.value.range[0], c.value.range[1]) : undefined);
    const list = parentOf(obj);
    return { group: list?.type === 'ArrayExpression' ? list.range[0] : obj.range[0], category };
  }
  // { [HarmCategory.HARM_CATEGORY_HARASSMENT]: HarmBlockThreshold.BLOCK_NONE, ... }
  return { group: obj.range[0], category: categoryName(jsStringValue(prop.key) ?? text.slice(prop.key.range[0], prop.key.range[1])) };
}

/**
 * `{ label: 'None', name: HarmBlockThreshold.BLOCK_NONE, description: '...' }`: one entry of a settings form's
 * choice list (a dropdown the operator picks from), not a configured threshold.
 */
function choiceEntry(n: TSESTree.Node, parentOf: (x: TSESTree.Node) => TSESTree.Node | undefined): boolean {
  const prop = parentOf(n);
  if (prop?.type !== 'Property' || prop.value !== n || !/^(name|value|id|key)$/.test(propName(prop) ?? '')) return false;
  const obj = parentOf(prop);
  if (obj?.type !== 'ObjectExpression' || !objProp(obj, 'label')) return false;
  return parentOf(obj)?.type === 'ArrayExpression';
}
