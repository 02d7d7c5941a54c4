import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { JsFlow, PyFlow, Taint } from '../../../server/src/analyzers/flow';
import { jsFlow, jsStringValue, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsWalk } from '../../../server/src/analyzers/js/calls';
import { defineRule } from '../../../server/src/engine/rule';

type N = TSESTree.Node;

/** Vector store methods that embed and store whatever they are given. */
const PY_STORE_METHODS = new Set(['add_texts', 'aadd_texts', 'add_documents', 'aadd_documents', 'from_texts', 'afrom_texts', 'from_documents', 'afrom_documents', 'insert_nodes', 'upsert_documents']);
const JS_STORE_METHODS = new Set(['addDocuments', 'fromDocuments', 'fromTexts', 'upsertDocuments']);
/** Generic method names (`add`, `upsert`, `insert`) count only on receivers that look like a vector index. */
const GENERIC_METHODS = new Set(['add', 'upsert', 'insert', 'upsert_points', 'add_points']);
const VECTOR_RECEIVER = /index|pinecone|qdrant|vector|collection|chroma|weaviate|milvus|namespace|store|memory|knowledge/i;
/** Calls that check content before it is stored: moderation, validation, classification, allow-lists. */
const CHECKER = /moderat|validat|sanitiz|classif|allow|screen|review|is_safe|isSafe|toxic|approve/i;
/** Untrusted sources for this rule: a user's request or a tool argument the model chose (not plain model output). */
const SOURCES: ('input' | 'tool')[] = ['input', 'tool'];

/**
 * Fine-tuning sets built from stored user feedback: a SELECT from a feedback / correction / rating /
 * chat-log table with no review condition, in a file that starts a fine-tuning job (OpenAI files with
 * purpose fine-tune, fine_tuning.jobs.create, TRL SFTTrainer / DPOTrainer). The rows were written by
 * users, so one user's "correction" becomes the model's behaviour.
 */
const FEEDBACK_SELECT = /\bselect\b[\s\S]{1,400}?\bfrom\s+["`\[]?(\w*(?:feedback|correction|rating|thumbs|user_edit|chat_log|conversation|user_message|user_submission)\w*)/i;
const REVIEW_CONDITION = /\b(?:where|and|join)\b[\s\S]{0,400}\b\w*(?:review|approv|flag|moderat|verif|vetted|accepted|curated|status|label)\w*/i;
const PY_FINE_TUNE = /\bfine_tuning\.jobs\.create\b|purpose\s*=\s*["']fine-tune["']|\b(?:SFTTrainer|DPOTrainer|ORPOTrainer|RewardTrainer)\s*\(/;
const JS_FINE_TUNE = /\bfineTuning\.jobs\.create\b|purpose\s*:\s*["'`]fine-tune["'`]/;

function feedbackSelect(sql: string): string | undefined {
  const m = FEEDBACK_SELECT.exec(sql);
  if (!m || REVIEW_CONDITION.test(sql.slice(m.index + m[0].length))) return undefined;
  return m[1];
}

export default defineRule({
  meta: {
    id: 'untrusted-data-ingestion',
    name: 'UntrustedDataIngestion',
    shortDescription: 'Untrusted request data or web content is written into a vector store or fine-tuning set without validation.',
    fullDescription: 'Whatever is added to a retrieval index is later retrieved as trusted context for every user, and whatever enters a fine-tuning file shapes the model itself. Storing request bodies, uploads, tool arguments or pages fetched from a user-supplied URL without checking them lets one user plant instructions, false facts or backdoor triggers that reach everyone (RAG and memory poisoning, training data poisoning). Validate or moderate the content, record its provenance, and only ingest from allow-listed sources.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM04', 'LLM08'],
    cwe: [1039, 20],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.2', 'MAP 4.1'], euAiAct: ['Art. 10', 'Art. 15'], iso42001: ['A.7.2', 'A.7.4', 'A.7.5'] },
    fix: 'none',
    messages: {
      store: 'Untrusted {{source}} is written into the index by `{{sink}}` without validation: anyone who can send it can plant instructions or false facts that later reach every user. Moderate or validate the content and allow-list its sources first.',
      feedback: 'Rows of the `{{table}}` table (written by users) are read here without a review condition, and this file builds a fine-tuning job from them: one user\'s "correction" becomes the model\'s behaviour. Train only on reviewed rows (e.g. `WHERE reviewed_by IS NOT NULL`) and screen them first.',
      fineTune: 'Untrusted {{source}} becomes fine-tuning data through `{{sink}}`: a poisoned example or a backdoor trigger ends up in the model. Validate, deduplicate and review uploaded training data first.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'attribute') continue;
        const method = fn.childForFieldName('attribute')?.text ?? '';
        const recv = fn.childForFieldName('object');
        const q = flow.qualName(fn);
        const { positional, keywords } = pyArgs(call);
        let candidates: Node[] = [];
        let messageId = 'store';
        if (PY_STORE_METHODS.has(method)) {
          candidates = [positional[0], keywords.get('texts'), keywords.get('documents'), keywords.get('nodes'), keywords.get('metadatas')].filter((x): x is Node => !!x);
        } else if (GENERIC_METHODS.has(method) && recv && VECTOR_RECEIVER.test(flow.qualName(recv))) {
          // chroma collection.add(documents=..., ids=...), pinecone index.upsert(vectors=[...]), llama_index index.insert(doc)
          candidates = [keywords.get('documents'), keywords.get('vectors'), keywords.get('points'), keywords.get('metadatas'), positional[0]].filter((x): x is Node => !!x);
          if (method === 'add' && !keywords.has('documents') && !keywords.has('metadatas')) candidates = [];
        } else if (/(^|\.)files\.create$/.test(q) && pyStringValue(keywords.get('purpose')) === 'fine-tune') {
          candidates = [keywords.get('file')].filter((x): x is Node => !!x);
          messageId = 'fineTune';
        } else if (/(^|\.)fine_tuning\.jobs\.create$/.test(q)) {
          candidates = [keywords.get('training_file')].filter((x): x is Node => !!x);
          messageId = 'fineTune';
        }
        for (const arg of candidates) {
          const t = flow.reaches(arg, SOURCES, 'dispatch');
          if (!t || pyChecked(call, flow)) continue;
          ctx.report({ messageId, data: { source: t.origin, sink: shortSink(q) }, start: arg.startIndex, end: arg.endIndex });
          break;
        }
      }
      if (PY_FINE_TUNE.test(ctx.view.text)) {
        for (const str of ctx.view.root.descendantsOfType(['string', 'concatenated_string'])) {
          if (str.parent?.type === 'concatenated_string') continue;
          const table = feedbackSelect(str.text);
          if (table) ctx.report({ messageId: 'feedback', data: { table }, start: str.startIndex, end: str.endIndex });
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const callee = unwrap(call.callee);
        if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') continue;
        const method = callee.property.name;
        const q = flow.qualName(callee);
        let candidates: N[] = [];
        let messageId = 'store';
        if (JS_STORE_METHODS.has(method)) candidates = call.arguments.slice(0, 2);
        else if (GENERIC_METHODS.has(method) && VECTOR_RECEIVER.test(flow.qualName(callee.object))) {
          const opts = call.arguments[0];
          candidates = opts && unwrap(opts).type === 'ObjectExpression'
            ? ['documents', 'metadatas', 'records', 'vectors'].map((k) => objProp(opts, k)?.value).filter((x): x is NonNullable<typeof x> => !!x)
            : call.arguments.slice(0, 1);
        } else if (/(^|\.)files\.create$/.test(q) && jsStringValue(objProp(call.arguments[0], 'purpose')?.value) === 'fine-tune') {
          candidates = [objProp(call.arguments[0], 'file')?.value].filter((x): x is NonNullable<typeof x> => !!x);
          messageId = 'fineTune';
        } else if (/(^|\.)fineTuning\.jobs\.create$/.test(q)) {
          candidates = [objProp(call.arguments[0], 'training_file')?.value].filter((x): x is NonNullable<typeof x> => !!x);
          messageId = 'fineTune';
        }
        for (const arg of candidates) {
          const t = flow.reaches(arg, SOURCES, 'dispatch');
          if (!t || jsChecked(call, flow)) continue;
          ctx.report({ messageId, data: { source: t.origin, sink: shortSink(q) }, start: arg.range[0], end: arg.range[1] });
          break;
        }
      }
      if (JS_FINE_TUNE.test(ctx.view.text)) {
        jsWalk(ctx.view.ast, (n, parent) => {
          if (n.type !== 'TemplateLiteral' && !(n.type === 'Literal' && typeof n.value === 'string')) return;
          if (parent?.type === 'TemplateLiteral') return;
          const table = feedbackSelect(ctx.view.text.slice(n.range[0], n.range[1]));
          if (table) ctx.report({ messageId: 'feedback', data: { table }, start: n.range[0], end: n.range[1] });
        });
      }
    },
  },
});

function shortSink(q: string): string {
  const parts = q.replace(/\(\)/g, '').split('.');
  return parts.slice(-2).join('.');
}

/** Does the function holding `call` pass untrusted data through a checker (moderation, validation) before storing it? */
function pyChecked(call: Node, flow: PyFlow): boolean {
  let scope: Node | null = call.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  if (!scope) return false;
  for (const c of scope.descendantsOfType('call')) {
    if (c.startIndex >= call.startIndex) continue;
    const fn = c.childForFieldName('function');
    if (!fn || !CHECKER.test(flow.qualName(fn))) continue;
    if (pyArgs(c).all.some((a) => isUntrusted(flow.taintOf(a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a)))) return true;
  }
  return false;
}

function jsChecked(call: TSESTree.CallExpression, flow: JsFlow): boolean {
  let scope: N | undefined = flow.parentOf(call);
  while (scope && !/Function/.test(scope.type) && scope.type !== 'Program') scope = flow.parentOf(scope);
  if (!scope) return false;
  let checked = false;
  jsWalk(scope, (n) => {
    if (checked || n.type !== 'CallExpression' || n.range[0] >= call.range[0]) return;
    if (!CHECKER.test(flow.qualName(n.callee))) return;
    if (n.arguments.some((a) => isUntrusted(flow.taintOf(a)))) checked = true;
  });
  return checked;
}

/** Carries request input (2) or a tool argument (4), the source bits of flow/taint.ts. */
function isUntrusted(t: Taint | undefined): boolean {
  return !!t && (t.kinds & (2 | 4)) !== 0;
}
