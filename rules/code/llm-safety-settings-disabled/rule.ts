import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode } from '../../../server/src/analyzers/python/tree';
import { jsFlow, jsStringValue, objProp, propName, pyStringContent, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import { jsMemberName, jsParentIn, jsWalk } from '../../../server/src/analyzers/js/calls';
import { defineRule } from '../../../server/src/engine/rule';
import type { Fix } from '../../../server/src/engine/model';

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
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const seen = new Set<number>();
      const report = (n: PyNode, kind: 'enum' | 'string') => {
        if (seen.has(n.startIndex) || pyInAssertion(n)) return;
        seen.add(n.startIndex);
        ctx.report({ data: { value: n.text, safer: SAFER }, start: n.startIndex, end: n.endIndex, fixes: pyFix(n, kind) });
      };
      // HarmBlockThreshold.BLOCK_NONE / types.HarmBlockThreshold.OFF / SafetySetting.HarmBlockThreshold.BLOCK_NONE
      for (const a of ctx.view.root.descendantsOfType('attribute')) {
        const attr = a.childForFieldName('attribute')?.text ?? '';
        const obj = a.childForFieldName('object');
        if (!DISABLED.has(attr) || !obj) continue;
        if (!/(^|\.)HarmBlockThreshold$/.test(flow.qualName(obj))) continue;
        report(a, 'enum');
      }
      // threshold="BLOCK_NONE" (SafetySetting(...) / dict) and {"HARM_CATEGORY_X": "BLOCK_NONE"}
      for (const kw of ctx.view.root.descendantsOfType('keyword_argument')) {
        const value = kw.childForFieldName('value');
        if (THRESHOLD_KEYS.has(kw.childForFieldName('name')?.text ?? '') && value && isDisabledString(pyStringValue(value))) report(value, 'string');
      }
      for (const pair of ctx.view.root.descendantsOfType('pair')) {
        const key = pair.childForFieldName('key');
        const value = pair.childForFieldName('value');
        if (!key || !value || !isDisabledString(pyStringValue(value))) continue;
        const k = pyStringValue(key) ?? key.text;
        if (THRESHOLD_KEYS.has(k) || /HARM_CATEGORY_|HarmCategory\./.test(k) || /^(harassment|hate|hate_speech|sexual|sexually_explicit|dangerous|dangerous_content|civic_integrity)$/i.test(k)) report(value, 'string');
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const seen = new Set<number>();
      const parentOf = (x: TSESTree.Node) => jsParentIn(ctx.view.ast, x);
      const report = (n: TSESTree.Node, text: string, edit: { start: number; end: number }) => {
        if (seen.has(n.range[0]) || jsInAssertion(n, parentOf)) return;
        seen.add(n.range[0]);
        ctx.report({ data: { value: text, safer: SAFER }, start: n.range[0], end: n.range[1], fixes: [{ title: `Use ${SAFER}`, kind: 'suggestion', edits: [{ ...edit, newText: SAFER }] }] });
      };
      jsWalk(ctx.view.ast, (n) => {
        if (n.type === 'MemberExpression') {
          const name = jsMemberName(n);
          if (name && DISABLED.has(name) && /(^|\.)HarmBlockThreshold$/.test(flow.qualName(n.object)) && !n.computed && !choiceEntry(n, parentOf)) {
            report(n, ctx.view.text.slice(n.range[0], n.range[1]), { start: n.property.range[0], end: n.property.range[1] });
          }
          return;
        }
        if (n.type === 'Property' && propName(n) === 'threshold') {
          const v = jsStringValue(n.value);
          if (isDisabledString(v) && (n.value.type === 'Literal' || n.value.type === 'TemplateLiteral')) {
            report(n.value, ctx.view.text.slice(n.value.range[0], n.value.range[1]), { start: n.value.range[0] + 1, end: n.value.range[1] - 1 });
          }
        }
      });
    },
  },
});

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
