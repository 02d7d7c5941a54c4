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

/**
 * Verb-first tool names (`get_send_as`, `list_deleted_items`, `untrash_message`): the leading verb is the action
 * and a destructive-looking word after it is part of the noun (`send-as`, `deleted`). Read verbs and restore verbs
 * decide alone; create/add/update verbs only clear the name, so a description that says it sends or deletes still
 * counts. `read_and_delete` starts a new clause at `and` / `then` / `or`.
 */
const READ_VERBS = new Set([
  'get', 'list', 'read', 'search', 'find', 'fetch', 'lookup', 'describe', 'show', 'view', 'count', 'check', 'verify', 'validate',
  'inspect', 'preview', 'explain', 'summarize', 'summarise', 'browse', 'watch', 'monitor', 'peek', 'retrieve',
]);
/** Undo a deletion or an archive: the data comes back, nothing is lost. */
const RESTORE_VERBS = new Set(['restore', 'recover', 'undelete', 'untrash', 'unarchive', 'unhide', 'unmute', 'unsnooze']);
/** Add or edit: not destructive by name; the description still decides (`create_email` "Sends the email"). */
const EDIT_VERBS = new Set(['create', 'add', 'insert', 'update', 'patch', 'edit', 'rename', 'modify']);
const CONJUNCTIONS = new Set(['and', 'then', 'or']);

/**
 * `kill_background`, "Stop a tracked background process": ends a process the server itself started for an earlier
 * call (a background job it keeps a record of), not any process on the host. `kill_process` "Kill a process by PID"
 * or `pg_kill` still count.
 */
const OWN_PROCESS_NAME = new Set(['background', 'bg']);
const OWN_PROCESS_DESCRIPTION = /\b(?:tracked|managed)\s+(?:background\s+)?(?:process(?:es)?|jobs?|tasks?|commands?|sessions?)\b|\bbackground\s+(?:process(?:es)?|jobs?|tasks?|commands?)\s+(?:previously\s+|earlier\s+)?(?:started|launched|spawned|created)\b|\b(?:started|launched|spawned|created)\s+(?:earlier\s+)?by\s+(?:this|the)\s+(?:server|tool)\b/i;
const ANY_PROCESS = /\b(?:any|arbitrary|all|system|other|external)\s+(?:[\w-]+\s+)?process(?:es)?\b|\bkill\s+-9\b/i;

/**
 * "Run a read-only SQL query (SELECT statements)": what an `execute_query` tool runs only reads. The description
 * must be about queries and name no write statement ("read-only; use write_query to UPDATE" is not).
 */
const DECLARES_READ_ONLY = /\b(?:read[- ]?only|select[- ]only|only\s+select)\b/i;
const NOT_READ_ONLY = /\bnon[- ]read[- ]?only\b|\bnot\s+(?:\w+\s+)?read[- ]?only\b|\b(?:insert|update|delete|drop|alter|truncate|writes?|modif(?:y|ies)|mutat(?:e|es|ions?))\b/i;
const QUERY_WORD = /\b(?:sql|quer(?:y|ies)|select|statements?)\b/i;
function descriptionDeclaresReadOnly(description: string): boolean {
  const m = DESTRUCTIVE_DESCRIPTION.exec(description);
  if (m && EXEC_WORDS.has(m[1].toLowerCase()) && READ_ONLY_OBJECT.test(description.slice(m.index + m[0].length))) return true;
  return DECLARES_READ_ONLY.test(description) && QUERY_WORD.test(description) && !NOT_READ_ONLY.test(description);
}

/** The destructive word of one clause of a tool name, or which kind of safe verb leads the clause. */
function clauseWord(words: string[]): { word?: string; lead?: 'read' | 'edit' } {
  const lead = words.findIndex((x) => READ_VERBS.has(x) || RESTORE_VERBS.has(x) || EDIT_VERBS.has(x) || DESTRUCTIVE_WORDS.has(x));
  if (lead >= 0 && !DESTRUCTIVE_WORDS.has(words[lead])) return { lead: EDIT_VERBS.has(words[lead]) ? 'edit' : 'read' };
  const w = words.find((x) => DESTRUCTIVE_WORDS.has(x) && (!EXEC_WORDS.has(x) || words.length === 1 || words.some((y) => EXEC_OBJECTS.has(y))));
  if (!w || (w === 'remove' && MEMBERSHIP_NAME.test(words.join(' ')))) return {};
  return { word: w };
}

/** Why a tool looks destructive (the word found), or undefined. */
function destructiveWord(name: string, description: string): string | undefined {
  const clauses: string[][] = [[]];
  for (const x of identifierWords(name)) {
    if (CONJUNCTIONS.has(x)) clauses.push([]);
    else clauses[clauses.length - 1].push(x);
  }
  const verdicts = clauses.filter((c) => c.length > 0).map(clauseWord);
  const found = verdicts.find((v) => v.word)?.word;
  if (found) {
    if (EXEC_WORDS.has(found) && descriptionDeclaresReadOnly(description)) return undefined;
    if ((found === 'kill' || found === 'terminate') && killsOwnProcess(name, description)) return undefined;
    return found;
  }
  // a name that starts with a read or restore verb says what the tool does; the description only explains it
  if (verdicts.length > 0 && verdicts.every((v) => v.lead === 'read')) return undefined;
  const m = DESTRUCTIVE_DESCRIPTION.exec(description);
  if (!m) return undefined;
  const verb = m[1].toLowerCase();
  const rest = description.slice(m.index + m[0].length);
  if (verb === 'remove' && MEMBERSHIP_REMOVAL.test(rest)) return undefined;
  if (EXEC_WORDS.has(verb) && (!EXEC_DESCRIPTION_OBJECT.test(rest) || READ_ONLY_OBJECT.test(rest))) return undefined;
  if ((verb === 'kill' || verb === 'terminate') && killsOwnProcess(name, description)) return undefined;
  return verb;
}

function killsOwnProcess(name: string, description: string): boolean {
  if (ANY_PROCESS.test(description)) return false;
  return identifierWords(name).some((x) => OWN_PROCESS_NAME.has(x)) || OWN_PROCESS_DESCRIPTION.test(description);
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
