import type { PyNode } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { getProp, getValue } from '../../../server/src/analyzers/data';
import { jsBool, jsImportedModules, jsMemberName, jsWalk, jsWalkKeys } from '../../../server/src/analyzers/js/calls';
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
const MEMBERSHIP_REMOVAL = /^\s+(?:(?:a|an|the|one|this|that|these|those|each|every|all|any|given|selected|specified|current|\w+'s)\s+)?(?:[\w-]+\s+){0,3}?from\s+(?:a|an|the|this|that|their|its|your|my|our|his|her)?\s*(?:[\w-]+\s+){0,3}?(?:queue|list|waitlist|selection|cart|basket|favou?rites|bookmarks|watchlist|playlist|group|set|collection|lineup|spotlight|shortlist|segment|audience)\b/i;

const MEMBERSHIP_NAME = /\bremove(?:\s+\w+){0,3}\s+from(?:\s+\w+){0,2}\s+(?:queue|list|waitlist|selection|cart|basket|favou?rites|bookmarks|watchlist|playlist|group|set|collection|lineup|spotlight|shortlist|segment|audience)\b/;

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
const RESTORE_VERBS = new Set([
  'restore', 'recover', 'undelete', 'untrash', 'unarchive', 'unhide', 'unmute', 'unsnooze', 'unblock', 'unban', 'unpause', 'unsuspend',
]);
/** Leave a connection or session: connecting again undoes it (`disconnect_from_editor` "Remove agent presence..."). */
const SESSION_VERBS = new Set(['disconnect', 'detach', 'logout', 'leave']);
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

/**
 * `send_keys`, `send_keystrokes`, "Sends keys to an element": typing into a page or terminal is an input event, like
 * `click` or `press_key`, not a message sent to someone.
 */
const INPUT_EVENT_OBJECTS = new Set(['key', 'keys', 'keystroke', 'keystrokes', 'keypress', 'keypresses']);
const INPUT_EVENT_DESCRIPTION = /^\s+(?:the\s+|a\s+)?(?:keys?|keystrokes?|key\s*(?:presses|events|strokes))\b/i;

/**
 * `delete_cookie`, `delete_cache`, "Deletes cookies from the current browser session": cookies and caches are
 * ephemeral state that is rebuilt on the next use; nothing of value is lost. A cache that is a service
 * (`delete_redis_cache`, "Delete the cache cluster") is still reported, and so is purging a whole CDN cache
 * (`purgeCache`: every request then hits the origin).
 */
const EPHEMERAL_OBJECTS = new Set(['cookie', 'cookies', 'cache', 'caches']);
const CACHE_SERVICES = new Set(['redis', 'memcache', 'memcached', 'elasticache', 'valkey']);
const EPHEMERAL_VERBS = new Set(['delete', 'del', 'remove', 'rm']);
const EPHEMERAL_DESCRIPTION = /^\s+(?:(?:the|a|an|all|one|any|specific|named|given|selected|existing|its|this|that|these|those)\s+)*(?:(?!redis\b|memcached?\b|elasticache\b|valkey\b)[\w-]+\s+){0,2}?(?:cookies?|caches?|cached\s+[\w-]+)\b(?!\s+(?:clusters?|instances?|servers?|nodes?|groups?|databases?|resources?|services?)\b)/i;

/**
 * "Write operations for the knowledge graph", "Write access to ...": `write` names a kind of operation here, the
 * sentence has no verb.
 */
const WRITE_AS_NOUN = /^\s+(?:operations?|access|mode|permissions?|support|capabilit(?:y|ies))\b/i;

/**
 * "Execute an INSERT statement": what it runs only adds rows (MCP's `destructiveHint: false`, additive updates),
 * unless the description lists other statements too ("INSERT, UPDATE or DELETE").
 */
const ADDITIVE_OBJECT = /^\s*(?:the\s+|a\s+|an\s+|one\s+or\s+more\s+)*insert\s+(?:sql\s+)?(?:quer(?:y|ies)|statements?)\b/i;

/**
 * "Terminate a task by setting it to WILL_NOT_IMPLEMENT", "Delete a user by marking it as deleted": a status change
 * that setting the status again undoes; nothing is killed or destroyed.
 */
const STATUS_CHANGE = /\bby\s+(?:setting|marking|changing|moving|updating|flagging)\s+(?:it|them|its|their|the)\b(?:\s+[\w-]+){0,2}?\s+(?:to|as)\b|\b(?:sets?|marks?|changes?)\s+(?:its|the|their)\s+(?:\w+\s+)?status\s+(?:to|as)\b/i;
const STATUS_CHANGE_WORDS = new Set(['delete', 'del', 'remove', 'rm', 'destroy', 'terminate', 'kill']);

/** The destructive word of one clause of a tool name, or which kind of safe verb leads the clause. */
function clauseWord(words: string[]): { word?: string; lead?: 'read' | 'edit' } {
  const lead = words.findIndex((x) => READ_VERBS.has(x) || RESTORE_VERBS.has(x) || SESSION_VERBS.has(x) || EDIT_VERBS.has(x) || DESTRUCTIVE_WORDS.has(x));
  if (lead >= 0 && !DESTRUCTIVE_WORDS.has(words[lead])) return { lead: EDIT_VERBS.has(words[lead]) ? 'edit' : 'read' };
  const w = words.find((x, i) => DESTRUCTIVE_WORDS.has(x) && (!EXEC_WORDS.has(x) || words.length === 1 || words.some((y) => EXEC_OBJECTS.has(y))) && !neutralObject(x, words.slice(i + 1), words));
  if (!w || (w === 'remove' && MEMBERSHIP_NAME.test(words.join(' ')))) return {};
  return { word: w };
}

/** `send` + keys, `delete` + cookie / cache (the clause's last word): the object makes the verb harmless. */
function neutralObject(verb: string, after: string[], clause: string[]): boolean {
  if (verb === 'send') return INPUT_EVENT_OBJECTS.has(after[0] ?? '');
  if (EPHEMERAL_VERBS.has(verb)) return after.length > 0 && EPHEMERAL_OBJECTS.has(clause[clause.length - 1]) && !clause.some((x) => CACHE_SERVICES.has(x));
  return false;
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
    if (STATUS_CHANGE_WORDS.has(found) && STATUS_CHANGE.test(description)) return undefined;
    return found;
  }
  // a name that starts with a read, restore or disconnect verb says what the tool does; the description only explains it
  if (verdicts.length > 0 && verdicts.every((v) => v.lead === 'read')) return undefined;
  const m = DESTRUCTIVE_DESCRIPTION.exec(description);
  if (!m) return undefined;
  const verb = m[1].toLowerCase();
  const rest = description.slice(m.index + m[0].length);
  if (verb === 'remove' && MEMBERSHIP_REMOVAL.test(rest)) return undefined;
  if (EXEC_WORDS.has(verb) && (!EXEC_DESCRIPTION_OBJECT.test(rest) || READ_ONLY_OBJECT.test(rest) || ADDITIVE_OBJECT.test(rest))) return undefined;
  if ((verb === 'kill' || verb === 'terminate') && killsOwnProcess(name, description)) return undefined;
  if (verb === 'send' && INPUT_EVENT_DESCRIPTION.test(rest)) return undefined;
  if (EPHEMERAL_VERBS.has(verb) && EPHEMERAL_DESCRIPTION.test(rest)) return undefined;
  if (verb === 'write' && WRITE_AS_NOUN.test(rest)) return undefined;
  if (STATUS_CHANGE_WORDS.has(verb) && STATUS_CHANGE.test(description)) return undefined;
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
        // an explicit destructiveHint or readOnlyHint (false too: MCP then defaults destructiveHint to true) is a declaration
        if (annotations?.type === 'object' && (typeof getValue(annotations, 'destructiveHint')?.value === 'boolean' || typeof getValue(annotations, 'readOnlyHint')?.value === 'boolean')) continue;
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
      // `annotations=ANNO_WRITE` where `ANNO_WRITE = ToolAnnotations(...)` at module level
      const moduleValues = new Map<string, string[]>();
      for (const st of ctx.view.root.namedChildren) {
        const a = st?.type === 'expression_statement' ? st.namedChildren[0] : undefined;
        const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
        const right = a?.childForFieldName('right');
        if (left?.type === 'identifier' && right) moduleValues.set(left.text, [...(moduleValues.get(left.text) ?? []), right.text]);
      }
      const annotationsText = (n: PyNode | undefined): string => {
        const known = n?.type === 'identifier' ? moduleValues.get(n.text) : undefined;
        return known?.length === 1 ? known[0] : n?.text ?? '';
      };
      const defs = new Map<string, PyNode[]>();
      for (const f of ctx.view.root.descendantsOfType('function_definition')) {
        const name = f.childForFieldName('name')?.text;
        if (name) defs.set(name, [...(defs.get(name) ?? []), f]);
      }
      const pyCallee = (c: PyNode): string | undefined => {
        const f = c.childForFieldName('function');
        return f?.type === 'identifier' ? f.text : f?.type === 'attribute' ? f.childForFieldName('attribute')?.text : undefined;
      };
      const stringText = (n: PyNode | undefined | null): string =>
        n?.type === 'string' ? n.text.replace(/^[rbuf]*("""|'''|"|')/i, '').replace(/("""|'''|"|')$/, '') : '';
      /** refusesNonSelect (js) over a Python function: a read-only validator, `if not sql.lower().startswith("select"): raise`. */
      const pyRefusesNonSelect = (fn: PyNode, depth: number): boolean => {
        for (const c of fn.descendantsOfType('call')) {
          const name = pyCallee(c);
          if (!name) continue;
          if (READ_ONLY_VALIDATOR.test(name)) return true;
          const others = depth > 0 && VALIDATOR_NAME.test(name) ? defs.get(name) : undefined;
          if (others?.length && others.every((d) => d !== fn && pyRefusesNonSelect(d, depth - 1))) return true;
        }
        for (const st of fn.descendantsOfType('if_statement')) {
          const body = st.childForFieldName('consequence')?.namedChildren ?? [];
          const last = body[body.length - 1];
          if (last?.type !== 'return_statement' && last?.type !== 'raise_statement') continue;
          const cond = st.childForFieldName('condition');
          for (const neg of cond ? [cond, ...cond.descendantsOfType('not_operator')] : []) {
            if (neg.type !== 'not_operator') continue;
            const call = neg.childForFieldName('argument');
            if (call?.type !== 'call') continue;
            const name = pyCallee(call) ?? '';
            const first = call.childForFieldName('arguments')?.namedChildren[0];
            if ((name === 'startswith' && SELECT_PREFIX.test(stringText(first))) || (/^(?:match|search|fullmatch)$/.test(name) && SELECT_PATTERN.test(stringText(first))) || /^is_?(?:select|read_?only)/i.test(name)) return true;
          }
        }
        return false;
      };
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
            const annotations = annotationsText(kwargs.get('annotations'));
            if (/(?:destructiveHint|readOnlyHint|destructive_hint|read_only_hint)["']?\s*[=:]\s*(?:True|False)\b/.test(annotations)) continue;
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
            if (EXEC_WORDS.has(word) && (pyRefusesNonSelect(fn, 2) || pyRunsInHostedSandbox(fn))) continue;
            ctx.report({ data: { tool, word }, start: nameNode.startIndex, end: nameNode.endIndex });
          }
        }
        for (const c of n.namedChildren) if (c) visit(c);
      };
      visit(ctx.view.root);
    },

    js(ctx) {
      const program = ctx.view.ast;
      const keyName = (p: TSESTree.Property | TSESTree.MethodDefinition): string | undefined =>
        p.computed ? undefined : p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;

      // same-file names: a variable assigned once (`const ANNO_WRITE = {...}`, a bundle's `var schema = {...}`), and
      // the functions and methods of each name (a handler, `validateQuery` methods)
      const inits = new Map<string, TSESTree.Node[]>();
      const assigned = new Set<string>();
      const functions = new Map<string, TSESTree.Node[]>();
      const addFn = (name: string | undefined, fn: TSESTree.Node): void => {
        if (name) functions.set(name, [...(functions.get(name) ?? []), fn]);
      };
      jsWalk(program, (n) => {
        if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') {
          if (n.init) inits.set(n.id.name, [...(inits.get(n.id.name) ?? []), n.init]);
          else assigned.add(n.id.name);
          if (n.init?.type === 'ArrowFunctionExpression' || n.init?.type === 'FunctionExpression') addFn(n.id.name, n.init);
        } else if (n.type === 'AssignmentExpression' && n.left.type === 'Identifier') assigned.add(n.left.name);
        else if (n.type === 'FunctionDeclaration') addFn(n.id?.name, n);
        else if ((n.type === 'MethodDefinition' || (n.type === 'Property' && (n.value.type === 'FunctionExpression' || n.value.type === 'ArrowFunctionExpression'))) && n.value.type !== 'AssignmentPattern') addFn(keyName(n), n.value);
      });
      const resolve = (n: TSESTree.Node | undefined, depth = 0): TSESTree.Node | undefined => {
        if (!n || depth > 4) return n;
        if (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSTypeAssertion') return resolve(n.expression, depth + 1);
        if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && jsMemberName(n.callee) === 'freeze' && n.arguments[0]) return resolve(n.arguments[0], depth + 1);
        if (n.type === 'Identifier') {
          const found = inits.get(n.name);
          return found?.length === 1 && !assigned.has(n.name) ? resolve(found[0], depth + 1) : n;
        }
        return n;
      };
      /** The value of `key` in an object literal (spreads of same-file objects included; the last one wins). */
      const propOf = (obj: TSESTree.Node | undefined, key: string, depth = 0): TSESTree.Node | undefined => {
        const o = resolve(obj);
        if (o?.type !== 'ObjectExpression' || depth > 3) return undefined;
        for (let i = o.properties.length - 1; i >= 0; i--) {
          const p = o.properties[i];
          if (p.type === 'Property' && keyName(p) === key) return resolve(p.value);
          if (p.type === 'SpreadElement') {
            const v = propOf(p.argument, key, depth + 1);
            if (v) return v;
          }
        }
        return undefined;
      };
      const keys = (obj: TSESTree.Node | undefined, depth = 0): string[] => {
        const o = resolve(obj);
        if (o?.type !== 'ObjectExpression' || depth > 3) return [];
        return o.properties.flatMap((p) => (p.type === 'Property' ? [keyName(p) ?? ''] : keys(p.argument, depth + 1)));
      };
      /** Parameter names of an input schema: a zod shape, `z.object(shape)` (and its chained calls), `schema.shape`, a JSON schema. */
      const shapeKeys = (node: TSESTree.Node | undefined, depth = 0): string[] => {
        const n = resolve(node);
        if (!n || depth > 6) return [];
        if (n.type === 'ObjectExpression') {
          const ks = keys(n);
          return ks.includes('properties') && ks.includes('type') ? keys(propOf(n, 'properties')) : ks;
        }
        if (n.type === 'MemberExpression' && jsMemberName(n) === 'shape') return shapeKeys(n.object, depth + 1);
        if (n.type === 'CallExpression') {
          const method = n.callee.type === 'MemberExpression' ? jsMemberName(n.callee) : n.callee.type === 'Identifier' ? n.callee.name : undefined;
          const own = n.arguments[0] && /^(?:object|strictObject|looseObject|extend|merge|safeExtend)$/.test(method ?? '') ? shapeKeys(n.arguments[0], depth + 1) : [];
          const base = n.callee.type === 'MemberExpression' && n.callee.object.type !== 'Identifier' ? shapeKeys(n.callee.object, depth + 1) : [];
          return [...base, ...own];
        }
        return [];
      };
      /** A string literal, a template without expressions, a same-file constant or a concatenation of them. */
      const literal = (node: TSESTree.Node | undefined, depth = 0): string => {
        const n = depth === 0 ? node : resolve(node);
        if (!n || depth > 6) return '';
        if (n.type === 'Literal') return typeof n.value === 'string' ? n.value : '';
        if (n.type === 'TemplateLiteral') return n.expressions.length === 0 ? n.quasis[0].value.cooked ?? '' : '';
        if (n.type === 'BinaryExpression' && n.operator === '+') return literal(n.left, depth + 1) + literal(n.right, depth + 1);
        if (n.type === 'Identifier') return literal(resolve(n), depth + 1);
        return '';
      };
      /** `destructiveHint` or `readOnlyHint` declared (true or false): MCP's defaults then say what the tool does. */
      const annotated = (a: TSESTree.Node | undefined): boolean =>
        jsBool(propOf(a, 'destructiveHint')) !== undefined || jsBool(propOf(a, 'readOnlyHint')) !== undefined;

      const functionOf = (n: TSESTree.Node | undefined): TSESTree.Node | undefined => {
        if (n?.type === 'ArrowFunctionExpression' || n?.type === 'FunctionExpression') return n;
        if (n?.type === 'Identifier') {
          const fns = functions.get(n.name);
          return fns?.length === 1 ? fns[0] : undefined;
        }
        return undefined;
      };

      /** A handler that refuses every statement but a SELECT: a read-only validator, a `startsWith('select')` check that exits. */
      const refusesNonSelect = (fn: TSESTree.Node, depth: number): boolean => {
        let found = false;
        jsWalk(fn, (n) => {
          if (found) return;
          if (n.type === 'CallExpression') {
            const name = calleeName(n);
            if (name && READ_ONLY_VALIDATOR.test(name)) found = true;
            else if (name && depth > 0 && VALIDATOR_NAME.test(name)) {
              const defs = functions.get(name);
              if (defs?.length && defs.every((d) => d !== fn && refusesNonSelect(d, depth - 1))) found = true;
            }
          } else if (n.type === 'IfStatement' && exits(n.consequent) && negatedSelectCheck(n.test)) found = true;
        });
        return found;
      };

      // sandboxed: the file works on an emulated shell / in-memory filesystem of a known library and reaches nothing on the host
      const modules = jsImportedModules(program);
      const bare = (m: string): string => m.replace(/^node:/, '').split('/').slice(0, m.startsWith('@') ? 2 : 1).join('/');
      const sandboxLibrary = modules.some((m) => SANDBOX_LIBRARIES.has(bare(m)))
        || ((ctx.workspace?.npmPackages ?? []).some((p) => SANDBOX_LIBRARIES.has(p)) && modules.some((m) => m.startsWith('.')));
      const sandboxedFile = sandboxLibrary && !modules.some((m) => HOST_MODULES.has(bare(m)));

      const check = (nameArg: TSESTree.Node | undefined, description: string, annotations: TSESTree.Node | undefined, params: string[], handler: TSESTree.Node | undefined): void => {
        const tool = literal(nameArg);
        if (!tool || !nameArg || (nameArg.type !== 'Literal' && nameArg.type !== 'TemplateLiteral')) return;
        const word = destructiveWord(tool, description);
        if (!word || annotated(annotations) || params.some(isConfirmationParam)) return;
        if (SANDBOXED_WORDS.has(word) && sandboxedFile) return;
        const fn = functionOf(handler);
        if (fn && EXEC_WORDS.has(word) && (refusesNonSelect(fn, 2) || runsInHostedSandbox(fn))) return;
        ctx.report({ data: { tool, word }, start: nameArg.range[0] + 1, end: nameArg.range[1] - 1 });
      };
      const HINTS = new Set(['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint']);
      jsWalkKeys(program, (n) => {
        if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.property.type !== 'Identifier') return;
        const method = n.callee.property.name;
        const args = n.arguments;
        const config = resolve(args[1]);
        if (method === 'registerTool' && config?.type === 'ObjectExpression') {
          check(args[0], literal(propOf(config, 'description')), propOf(config, 'annotations'), shapeKeys(propOf(config, 'inputSchema')), args[2]);
        } else if (method === 'tool' && args.length >= 2 && (args[0]?.type === 'Literal' || args[0]?.type === 'TemplateLiteral')) {
          // server.tool(name, [description], [shape], [annotations], handler)
          const last = args[args.length - 1];
          const middle = args.slice(1, functionOf(last) || last.type === 'Identifier' ? -1 : undefined);
          const objects = middle.filter((a) => resolve(a)?.type === 'ObjectExpression' || resolve(a)?.type === 'CallExpression' || resolve(a)?.type === 'MemberExpression');
          const annotations = objects.find((o) => keys(o).length > 0 && keys(o).every((k) => HINTS.has(k)));
          const shape = objects.find((o) => o !== annotations);
          check(args[0], literal(args[1]), annotations, shapeKeys(shape), last);
        }
      });
    },
  },
});

/** The name a call calls: `f(...)`, `obj.f(...)`. */
function calleeName(n: TSESTree.CallExpression): string | undefined {
  const c = n.callee;
  return c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' ? jsMemberName(c) : undefined;
}

/** `validateSelectQuery`, `assertReadOnly`, `ensureSelectOnly`, `isReadOnlyQuery`... */
const READ_ONLY_VALIDATOR = /^(?:validate|assert|ensure|require|enforce|check|verify|guard)_?(?:select|read_?only)/i;
/** A helper that may refuse its argument: its body decides (`connector.validateQuery(sql)`). */
const VALIDATOR_NAME = /^(?:validate|assert|ensure|require|enforce|check|verify|guard)/i;
const SELECT_PREFIX = /^\s*\(?\s*select\b/i;
const SELECT_PATTERN = /^\^(?:\\s\*|\\s\+|\s)*(?:\(\?:)?\(?select/i;

/** A statement that leaves the handler: `return ...`, `throw ...`, or a block that ends with one. */
function exits(s: TSESTree.Statement): boolean {
  if (s.type === 'ReturnStatement' || s.type === 'ThrowStatement') return true;
  return s.type === 'BlockStatement' && s.body.length > 0 && exits(s.body[s.body.length - 1]);
}

/** `!sql.trim().toLowerCase().startsWith('select')`, `!/^\s*select/i.test(sql)`, `!isSelectQuery(sql)` in a condition. */
function negatedSelectCheck(test: TSESTree.Expression): boolean {
  let found = false;
  jsWalk(test, (n) => {
    if (found || n.type !== 'UnaryExpression' || n.operator !== '!') return;
    let a: TSESTree.Node = n.argument;
    while (a.type === 'ChainExpression' || a.type === 'AwaitExpression') a = a.type === 'ChainExpression' ? a.expression : a.argument;
    if (a.type !== 'CallExpression') return;
    const name = calleeName(a);
    const arg = a.arguments[0];
    if (name === 'startsWith' && arg?.type === 'Literal' && typeof arg.value === 'string' && SELECT_PREFIX.test(arg.value)) found = true;
    else if ((name === 'test' || name === 'exec') && a.callee.type === 'MemberExpression' && a.callee.object.type === 'Literal' && 'regex' in a.callee.object && SELECT_PATTERN.test(a.callee.object.regex.pattern)) found = true;
    else if (name === 'match' && arg?.type === 'Literal' && 'regex' in arg && SELECT_PATTERN.test(arg.regex.pattern)) found = true;
    else if (name && /^is_?(?:select|read_?only)/i.test(name)) found = true;
  });
  return found;
}

/**
 * The handler gives the code to a model provider's hosted code-execution tool (Gemini `codeExecution`, OpenAI
 * `code_interpreter`, Anthropic `code_execution_*`): it runs in the provider's sandbox, not on this host. The
 * handler itself runs nothing (no exec / spawn / eval / vm).
 */
function runsInHostedSandbox(fn: TSESTree.Node): boolean {
  let hosted = false;
  let local = false;
  jsWalk(fn, (n) => {
    if (n.type === 'Property' && !n.computed) {
      const k = n.key.type === 'Identifier' ? n.key.name : n.key.type === 'Literal' ? String(n.key.value) : '';
      if (k === 'codeExecution' || k === 'code_execution') hosted = true;
      else if (k === 'type' && n.value.type === 'Literal' && typeof n.value.value === 'string' && /^(?:code_interpreter|code_execution(?:_\d+)?)$/.test(n.value.value)) hosted = true;
    } else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      const name = n.type === 'NewExpression' ? (n.callee.type === 'Identifier' ? n.callee.name : undefined) : calleeName(n);
      if (name && LOCAL_EXEC.has(name)) local = true;
    }
  });
  return hosted && !local;
}
/** runsInHostedSandbox over a Python function: `types.Tool(code_execution=...)`, `{"type": "code_interpreter"}`, and no subprocess / exec / eval. */
function pyRunsInHostedSandbox(fn: PyNode): boolean {
  const text = fn.text;
  return /\bcode_execution\s*=|\bToolCodeExecution\b|["']type["']\s*:\s*["'](?:code_interpreter|code_execution(?:_\d+)?)["']/.test(text)
    && !/\bsubprocess\.|\bos\.(?:system|popen|exec\w*|spawn\w*)\s*\(|(?<![\w.])(?:exec|eval)\s*\(/.test(text);
}
const LOCAL_EXEC = new Set(['exec', 'execSync', 'execFile', 'execFileSync', 'spawn', 'spawnSync', 'fork', 'eval', 'Function', 'runInNewContext', 'runInThisContext', 'runInContext', 'execa', 'execaSync', 'execaCommand', '$']);

/**
 * In-process sandboxes: an emulated bash over an in-memory filesystem (`just-bash`), an in-memory filesystem
 * (`memfs`). Commands and writes through them change only process memory.
 */
const SANDBOX_LIBRARIES = new Set(['just-bash', 'memfs']);
/** Modules that reach the host: a file that imports one of them may run or write for real. */
const HOST_MODULES = new Set([
  'fs', 'fs-extra', 'graceful-fs', 'child_process', 'execa', 'shelljs', 'zx', 'cross-spawn', 'node-pty', '@lydell/node-pty', 'ssh2', 'dockerode', 'vm', 'worker_threads', 'better-sqlite3', 'sqlite3', 'pg', 'mysql2',
]);
/** What a sandbox contains: running commands and code, writing and deleting files. */
const SANDBOXED_WORDS = new Set(['exec', 'execute', 'run', 'write', 'overwrite', 'delete', 'del', 'remove', 'rm', 'erase', 'wipe', 'truncate', 'purge']);
