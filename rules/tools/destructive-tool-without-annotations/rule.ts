import type { PyNode } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { getProp, getValue } from '../../../server/src/analyzers/data';
import { contentRange, identifierWords, insertPropertyEdit, toolDefinitions } from '../../../server/src/analyzers/data/toolConfig';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';

const DESTRUCTIVE_WORDS = new Set([
  'delete', 'del', 'drop', 'remove', 'rm', 'destroy', 'purge', 'truncate', 'wipe', 'erase', 'write', 'overwrite',
  'exec', 'execute', 'run', 'transfer', 'send', 'pay', 'payment', 'refund', 'kill', 'terminate', 'revoke',
  'shutdown', 'reboot', 'deploy', 'publish', 'push',
]);
const DESTRUCTIVE_DESCRIPTION = /^\s*(?:permanently\s+|irreversibly\s+)?(delete|drop|remove|destroy|purge|truncate|wipe|erase|write|overwrite|execute|run|transfer|send|pay|refund|kill|terminate|revoke|deploy|publish)s?\b/i;

/**
 * `run` / `exec` / `execute` are destructive only alone (`run`, `exec`) or with what they run: a command,
 * script, code or query. `run_assertion`, `run_evaluation`, `run_report` only compute something.
 */
const EXEC_WORDS = new Set(['exec', 'execute', 'run']);
const EXEC_OBJECTS = new Set([
  'command', 'commands', 'cmd', 'shell', 'bash', 'sh', 'zsh', 'powershell', 'terminal', 'script', 'scripts', 'code', 'sql', 'query',
  'queries', 'statement', 'process', 'program', 'binary', 'python', 'py', 'js', 'javascript', 'node', 'ruby', 'subprocess', 'cli',
]);
/** "Execute a SELECT query", "Run a read-only SQL query": what it runs only reads. */
const READ_ONLY_OBJECT = /^\s*(?:the\s+|a\s+|an\s+|one\s+or\s+more\s+)*(?:select|read-only|readonly|read\s+only)\s+(?:sql\s+)?(?:quer(?:y|ies)|statements?)\b/i;
const EXEC_DESCRIPTION_OBJECT = /^\s*(?:the\s+|a\s+|an\s+|any\s+|arbitrary\s+|given\s+|one\s+or\s+more\s+|raw\s+|custom\s+|provided\s+)*(?:[\w-]+\s+)?(commands?|cmd|shell|bash|terminal|scripts?|code|sql|quer(?:y|ies)|statements?|process|programs?|binar(?:y|ies)|python|javascript|node|subprocess)\b/i;

/**
 * "Remove a participant from the hand-raise queue", `remove_from_cart`: taking an entry out of a collection
 * undoes an add (a membership change); the entry itself is not destroyed. "Remove the file" still is.
 */
const MEMBERSHIP_REMOVAL = /^\s+(?:(?:a|an|the|one|this|that|these|those|each|every|all|any|given|selected|specified|current|\w+'s)\s+)?(?:[\w-]+\s+){0,3}?from\s+(?:a|an|the|this|that|their|its|your|my|our|his|her)?\s*(?:[\w-]+\s+){0,3}?(?:queue|list|waitlist|selection|cart|basket|favou?rites|bookmarks|watchlist|playlist|group|set|collection|lineup|spotlight|shortlist)\b/i;

const MEMBERSHIP_NAME = /\bremove(?:\s+\w+){0,3}\s+from(?:\s+\w+){0,2}\s+(?:queue|list|waitlist|selection|cart|basket|favou?rites|bookmarks|watchlist|playlist|group|set|collection|lineup|spotlight|shortlist)\b/;

/** Why a tool looks destructive (the word found), or undefined. */
function destructiveWord(name: string, description: string): string | undefined {
  const words = identifierWords(name);
  const w = words.find((x) => DESTRUCTIVE_WORDS.has(x) && (!EXEC_WORDS.has(x) || words.length === 1 || words.some((y) => EXEC_OBJECTS.has(y))));
  if (w && !(w === 'remove' && MEMBERSHIP_NAME.test(words.join(' ')))) return w;
  const m = DESTRUCTIVE_DESCRIPTION.exec(description);
  if (!m) return undefined;
  const verb = m[1].toLowerCase();
  const rest = description.slice(m.index + m[0].length);
  if (verb === 'remove' && MEMBERSHIP_REMOVAL.test(rest)) return undefined;
  if (EXEC_WORDS.has(verb) && (!EXEC_DESCRIPTION_OBJECT.test(rest) || READ_ONLY_OBJECT.test(rest))) return undefined;
  return verb;
}

/** A parameter that makes the call ask first or do nothing: `confirm`, `confirmed`, `dry_run`. */
function isConfirmationParam(name: string): boolean {
  const w = identifierWords(name);
  return w.some((x) => x === 'confirm' || x === 'confirmed' || x === 'confirmation') || (w.includes('dry') && w.includes('run'));
}

export default defineRule({
  meta: {
    id: 'destructive-tool-without-annotations',
    name: 'DestructiveToolWithoutAnnotations',
    shortDescription: 'An MCP tool that deletes, writes, executes, sends or pays declares no `destructiveHint` / `readOnlyHint` annotation and takes no confirmation parameter.',
    fullDescription: 'MCP clients decide which tool calls to confirm with the user from tool annotations (`readOnlyHint`, `destructiveHint`). A tool named `delete_file`, `run_command`, `send_email` or `transfer_funds` without them looks like any other tool, so an agent steered by a prompt injection can call it without the human noticing. Declare `annotations: { destructiveHint: true }` (or `readOnlyHint: true` when the tool only reads), or require an explicit confirmation argument.',
    views: ['data', 'python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06'],
    cwe: [862],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'GOVERN 3.2'], euAiAct: ['Art. 14'], iso42001: ['A.9.2', 'A.6.2.6'] },
    fix: 'suggestion',
    messages: {
      noAnnotation: 'Tool "{{tool}}" looks destructive ("{{word}}") but declares no `destructiveHint` or `readOnlyHint` annotation and no confirmation parameter: clients cannot tell it needs the user\'s approval.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      for (const t of toolDefinitions(view)) {
        if (t.format !== 'mcp') continue;
        const word = destructiveWord(t.name, String(t.description?.value ?? ''));
        if (!word) continue;
        const annotations = getValue(t.node, 'annotations');
        if (annotations?.type === 'object' && (typeof getValue(annotations, 'destructiveHint')?.value === 'boolean' || getValue(annotations, 'readOnlyHint')?.value === true)) continue;
        if ((getValue(t.schema, 'properties')?.properties ?? []).some((p) => isConfirmationParam(p.key))) continue;
        const edit = annotations?.type === 'object'
          ? insertPropertyEdit(view, annotations, 'destructiveHint', 'true')
          : getProp(t.node, 'annotations') ? undefined : insertPropertyEdit(view, t.node, 'annotations', view.format === 'yaml' ? '{ destructiveHint: true }' : '{ "destructiveHint": true }');
        const fixes: Fix[] = edit ? [{ title: 'Declare destructiveHint: true', kind: 'suggestion', edits: [edit] }] : [];
        const r = contentRange(view, t.nameNode);
        ctx.report({ data: { tool: t.name, word }, start: r.start, end: r.end, fixes });
      }
    },

    python(ctx) {
      const visit = (n: PyNode): void => {
        if (n.type === 'decorated_definition') {
          const fn = n.childForFieldName('definition');
          for (const d of n.namedChildren) {
            const call = d?.type === 'decorator' ? d.namedChildren[0] : undefined;
            const target = call?.type === 'call' ? call.childForFieldName('function') : call;
            if (target?.type !== 'attribute' || target.childForFieldName('attribute')?.text !== 'tool' || fn?.type !== 'function_definition') continue;
            const kwargs = new Map<string, PyNode>();
            for (const a of (call?.type === 'call' ? call.childForFieldName('arguments')?.namedChildren : []) ?? []) {
              const name = a?.type === 'keyword_argument' ? a.childForFieldName('name')?.text : undefined;
              const value = a?.childForFieldName('value');
              if (name && value) kwargs.set(name, value);
            }
            const annotations = kwargs.get('annotations')?.text ?? '';
            if (/destructiveHint|readOnlyHint["']?\s*[=:]\s*True/.test(annotations)) continue;
            const nameNode = fn.childForFieldName('name');
            const explicit = kwargs.get('name');
            const tool = explicit?.type === 'string' ? explicit.text.replace(/^[rbuf]*["']+|["']+$/gi, '') : nameNode?.text ?? '';
            const first = fn.childForFieldName('body')?.namedChildren[0];
            const doc = first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string' ? first.namedChildren[0].text.replace(/^[rbuf]*("""|'''|"|')/i, '') : '';
            const word = destructiveWord(tool, String(kwargs.get('description')?.text.replace(/^[rbuf]*["']+/i, '') ?? doc));
            if (!word || !nameNode) continue;
            const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
            const paramName = (p: PyNode | null): string => (p?.type === 'identifier' ? p.text : p?.childForFieldName('name')?.text ?? p?.namedChildren.find((c) => c?.type === 'identifier')?.text ?? '');
            if (params.some((p) => isConfirmationParam(paramName(p)))) continue;
            ctx.report({ data: { tool, word }, start: nameNode.startIndex, end: nameNode.endIndex });
          }
        }
        for (const c of n.namedChildren) if (c) visit(c);
      };
      visit(ctx.view.root);
    },

    js(ctx) {
      const keyName = (p: TSESTree.Property): string | undefined =>
        p.computed ? undefined : p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;
      const keys = (n: TSESTree.Node | undefined): string[] => (n?.type === 'ObjectExpression' ? n.properties.flatMap((p) => (p.type === 'Property' ? [keyName(p) ?? ''] : [])) : []);
      const propOf = (obj: TSESTree.Node | undefined, key: string): TSESTree.Node | undefined => {
        if (obj?.type !== 'ObjectExpression') return undefined;
        for (const p of obj.properties) if (p.type === 'Property' && keyName(p) === key) return p.value;
        return undefined;
      };
      const literal = (n: TSESTree.Node | undefined): string => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : n?.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked ?? '' : '');
      const annotated = (a: TSESTree.Node | undefined): boolean => {
        const d = propOf(a, 'destructiveHint');
        const r = propOf(a, 'readOnlyHint');
        return (d?.type === 'Literal' && typeof d.value === 'boolean') || (r?.type === 'Literal' && r.value === true);
      };
      const shapeKeys = (n: TSESTree.Node | undefined): string[] =>
        n?.type === 'CallExpression' && n.arguments[0] ? keys(n.arguments[0]) : keys(n);
      const check = (nameArg: TSESTree.Node | undefined, description: string, annotations: TSESTree.Node | undefined, params: string[]): void => {
        const tool = literal(nameArg);
        if (!tool || !nameArg) return;
        const word = destructiveWord(tool, description);
        if (!word || annotated(annotations) || params.some(isConfirmationParam)) return;
        ctx.report({ data: { tool, word }, start: nameArg.range[0] + 1, end: nameArg.range[1] - 1 });
      };
      const HINTS = new Set(['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
      const visit = (n: TSESTree.Node): void => {
        if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier') {
          const method = n.callee.property.name;
          const args = n.arguments;
          if (method === 'registerTool' && args[1]?.type === 'ObjectExpression') {
            check(args[0], literal(propOf(args[1], 'description')), propOf(args[1], 'annotations'), shapeKeys(propOf(args[1], 'inputSchema')));
          } else if (method === 'tool' && args.length >= 2 && (args[0]?.type === 'Literal' || args[0]?.type === 'TemplateLiteral')) {
            // server.tool(name, [description], [shape], [annotations], handler)
            const objects = args.slice(1).filter((a): a is TSESTree.ObjectExpression => a.type === 'ObjectExpression');
            const annotations = objects.find((o) => keys(o).length > 0 && keys(o).every((k) => HINTS.has(k)));
            const shape = objects.find((o) => o !== annotations);
            check(args[0], literal(args[1]), annotations, keys(shape));
          }
        }
        for (const key of Object.keys(n) as (keyof typeof n)[]) {
          if (key === 'parent') continue;
          const v = n[key] as unknown;
          if (Array.isArray(v)) { for (const c of v) if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node); }
          else if (v && typeof v === 'object' && typeof (v as TSESTree.Node).type === 'string') visit(v as TSESTree.Node);
        }
      };
      visit(ctx.view.ast);
    },
  },
});
