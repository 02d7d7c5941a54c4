import type { PyNode } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { getProp, getValue } from '../../../server/src/analyzers/data';
import { identifierWords, toolDefinitions } from '../../../server/src/analyzers/data/toolConfig';
import type { DataNode, DataProperty, DataView } from '../../../server/src/engine/views';
import { jsToolCallApproved, pyToolCallApproved } from '../../../server/src/analyzers/approval';
import { defineRule } from '../../../server/src/engine/rule';
import { jsWalkKeys } from '../../../server/src/analyzers/js/calls';
import { pyNodesInOrder } from '../../../server/src/analyzers/python/calls';
import { jsFlow, pythonFlow } from '../../../server/src/analyzers/flow';
import type { SinkContext } from '../../../server/src/analyzers/flow';
import { jsWalk } from '../../../server/src/analyzers/js/calls';

type Kind = 'command' | 'code' | 'sql' | 'url' | 'path';

const WHAT: Record<Kind, string> = {
  command: 'a shell command',
  code: 'code to execute',
  sql: 'an SQL statement',
  url: 'a URL the server fetches',
  path: 'a file path',
};

const COMMAND_WORDS = new Set(['command', 'cmd', 'cmdline', 'commandline', 'shell', 'script']);
const CODE_LANGS = new Set(['python', 'py', 'js', 'javascript', 'typescript', 'ts', 'source', 'shell', 'bash', 'ruby', 'r', 'program', 'exec', 'executable']);
const URL_WORDS = new Set(['url', 'uri', 'endpoint', 'webhook', 'href']);
const PATH_WORDS = new Set(['path', 'file', 'filename', 'filepath', 'dir', 'directory', 'folder']);
const SQLISH = /\bsql\b|\bselect\b|\bdatabase\b|\bpostgres|\bmysql\b|\bsqlite\b|\btables?\b|\bdb\b/i;
const EXECISH = /\b(?:run|runs|exec|execute|executes|eval|evaluate|evaluates|interpret|interpreter|sandbox|notebook|repl|python|javascript|jupyter)\b/i;
/** Wording that says the server restricts where a URL or path may point. */
const ALLOW_LIST = /\b(?:allow-?list(?:ed)?|whitelist(?:ed)?|allowed\s+(?:domains?|hosts?|origins?|directories|dirs?|folders?|paths?|roots?|urls?|sites?)|(?:must|should)\s+(?:be|stay|start|resolve)\s+(?:with(?:in)?|under|inside|relative\s+to|on)\b|relative\s+to\s+the\s+(?:workspace|project|repo(?:sitory)?|sandbox|root|allowed)|restricted\s+to|limited\s+to|only\s+(?:urls?|paths?|files?|hosts?|domains?)\s+(?:on|from|under|in|within))/i;

/**
 * In code, a name is not enough: the parameter must reach a sink of its kind in the tool's handler, with no
 * guard the flow engine recognises (allow-list check, `shlex.quote`, parameters), so `command` echoed back
 * or `code` used as a promo code is not reported. Sinks by callee (qualified name or last segment).
 */
const SINK_CONTEXTS: Record<'command' | 'code' | 'sql', SinkContext[]> = { command: ['shell', 'code'], code: ['code', 'shell'], sql: ['sql'] };
const PY_SHELL = /^(subprocess\.(run|call|check_call|check_output|Popen|getoutput|getstatusoutput)|os\.(system|popen|exec\w*|spawn\w*)|asyncio\.(create_subprocess_shell|create_subprocess_exec)|pexpect\.(spawn|run)|commands\.getoutput)$/;
const PY_CODE = /^(eval|exec|compile|builtins\.(eval|exec|compile)|runpy\.\w+)$/;
const PY_SQL_METHODS = /^(execute|executemany|executescript|raw|read_sql|read_sql_query|sql|query|run_sql|exec_driver_sql|text)$/;
const JS_SHELL = /^(child_process|node:child_process)\.(exec|execSync|spawn|spawnSync|execFile|execFileSync|fork)$|^(execa|execa\.\w+|shelljs\.exec|zx\.\$)$/;
const JS_CODE = /^(eval|Function|new Function\(\)|vm\.\w+|node:vm\.\w+)$/;
const JS_SQL_METHODS = /^(query|execute|raw|unsafe|\$queryRawUnsafe|\$executeRawUnsafe|exec|run|all|get|prepare)$/;

/** Context used to decide ambiguous names (`query`, `code`): tool name and descriptions. */
interface NameContext { tool: string; toolText: string; paramText: string }

/** What a parameter name says it carries; `plural` for array parameters (`paths`, `urls`). */
function kindOf(name: string, ctx: NameContext, plural = false): Kind | undefined {
  const words = identifierWords(name);
  if (words.length === 0) return undefined;
  let last = words[words.length - 1];
  if (plural && last.length > 3 && last.endsWith('s')) last = last.slice(0, -1);
  const prev = words[words.length - 2];
  const toolContext = `${identifierWords(ctx.tool).join(' ')} ${ctx.toolText}`;
  // the parameter's own description decides when there is one: `query` "free-text search" in a DB tool
  const sqlContext = ctx.paramText.trim() ? ctx.paramText : toolContext;
  if (COMMAND_WORDS.has(last) || (prev === 'command' && last === 'line')) return 'command';
  if (last === 'code' && ((prev && CODE_LANGS.has(prev)) || (words.length === 1 && EXECISH.test(`${toolContext} ${ctx.paramText}`)))) return 'code';
  if (last === 'sql' || (words.includes('sql') && ['query', 'statement', 'text'].includes(last))) return 'sql';
  if (words.length === 1 && (last === 'query' || last === 'statement') && SQLISH.test(sqlContext)) return 'sql';
  if (URL_WORDS.has(last)) return 'url';
  if (PATH_WORDS.has(last) || (prev === 'file' && last === 'name')) return 'path';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// JSON / YAML schemas

/** Is a JSON-schema property an unconstrained string (or array of them)? Returns the string schema. */
function freeString(schema: DataNode): { node: DataNode; array: boolean } | undefined {
  if (schema.type !== 'object') return undefined;
  for (const k of ['enum', 'const', 'pattern', '$ref', 'anyOf', 'oneOf', 'allOf', 'not', 'contentSchema']) if (getProp(schema, k)) return undefined;
  const type = getValue(schema, 'type');
  const types = type?.type === 'string' ? [String(type.value)] : type?.type === 'array' ? (type.items ?? []).map((i) => String(i.value)) : [];
  if (types.includes('array')) {
    const items = getValue(schema, 'items');
    const inner = items ? freeString(items) : undefined;
    return inner && !inner.array ? { node: inner.node, array: true } : undefined;
  }
  if (types.length > 0 && !types.includes('string')) return undefined;
  if (types.length === 0 && (getProp(schema, 'properties') || getProp(schema, 'items'))) return undefined;
  return { node: schema, array: false };
}

/**
 * A package manifest's tool catalogue: a top-level document naming the package (`name` and `version`, or an MCP
 * bundle's `manifest_version`) with a `tools` list. It describes tools the server registers in its own code,
 * where their real schemas and handlers are (and are checked); the model never receives the catalogue's copy.
 */
function isPackageToolCatalogue(view: DataView, path: string): boolean {
  if (!/(?:^|[\\/])manifest\.json$/i.test(path)) return false;
  const root = view.roots[0];
  if (view.roots.length !== 1 || root?.type !== 'object' || getValue(root, 'tools')?.type !== 'array') return false;
  const str = (k: string): boolean => getValue(root, k)?.type === 'string';
  return (str('name') && str('version')) || getProp(root, 'manifest_version') !== undefined || getProp(root, 'dxt_version') !== undefined;
}

/**
 * MCP annotations that declare what a tool does to its environment (`readOnlyHint`, `destructiveHint`): a tool
 * built to run SQL, commands or code that declares them lets the host gate each call (approval for a
 * destructive one); its statement parameter cannot be narrowed to an enum or a pattern without removing the
 * tool's purpose.
 */
const EFFECT_HINT = /\b(?:readOnlyHint|destructiveHint|read_only_hint|destructive_hint)\b/;

function describedText(...nodes: (DataNode | undefined)[]): string {
  return nodes.filter((n) => n?.type === 'string').map((n) => String(n!.value)).join(' ');
}

export default defineRule({
  meta: {
    id: 'tool-schema-free-form-dangerous-parameter',
    name: 'ToolSchemaFreeFormDangerousParameter',
    shortDescription: 'A tool parameter that carries a shell command, code, SQL, a URL or a file path is an unconstrained string (no enum, pattern or allow-list).',
    fullDescription: 'Whatever the model puts in a tool argument is attacker-influenced as soon as the agent reads untrusted text. A `command`, `code` or `sql` parameter typed as a free string invites the model to run anything; a free `url` enables server-side request forgery and data exfiltration; a free `path` enables traversal to secrets. Narrow the parameter: an `enum` of allowed commands, a `pattern`, a structured object instead of raw text, or a documented allow-list the server enforces.',
    views: ['data', 'python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06', 'LLM05'],
    cwe: [20, 78, 89, 22, 918],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.9.2'] },
    fix: 'none',
    messages: {
      freeForm: 'Parameter "{{param}}" of tool "{{tool}}" takes {{what}} as a free-form string: constrain it with an enum, a pattern or a structured schema, so an injected instruction cannot pass arbitrary input.',
      freeFormAllowList: 'Parameter "{{param}}" of tool "{{tool}}" takes {{what}} as a free-form string: constrain it with an enum or a pattern, or document the allow-list the server enforces.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      if (isPackageToolCatalogue(view, ctx.path)) return;
      for (const t of toolDefinitions(view)) {
        const schema = t.schema;
        if (schema?.type !== 'object') continue;
        const annotations = getValue(t.node, 'annotations');
        const declared = annotations?.type === 'object' && (annotations.properties ?? []).some((p) => EFFECT_HINT.test(p.key));
        const visit = (obj: DataNode, depth: number): void => {
          const props = getValue(obj, 'properties');
          for (const p of props?.properties ?? []) {
            if (p.value.type !== 'object') continue;
            if (getValue(p.value, 'type')?.value === 'object' && depth < 3) { visit(p.value, depth + 1); continue; }
            report(p, t.name, t.description);
          }
        };
        const report = (p: DataProperty, tool: string, toolDesc: DataNode | undefined): void => {
          const free = freeString(p.value);
          if (!free) return;
          const paramDesc = describedText(getValue(p.value, 'description'), free.array ? getValue(free.node, 'description') : undefined);
          const kind = kindOf(p.key, { tool, toolText: describedText(toolDesc), paramText: paramDesc }, free.array);
          if (!kind) return;
          if ((kind === 'command' || kind === 'code' || kind === 'sql') && declared) return;
          if ((kind === 'url' || kind === 'path') && ALLOW_LIST.test(`${paramDesc} ${describedText(toolDesc)}`)) return;
          ctx.report({ messageId: kind === 'url' || kind === 'path' ? 'freeFormAllowList' : 'freeForm', data: { param: p.key, tool, what: WHAT[kind] }, start: p.keyStart, end: p.keyEnd });
        };
        visit(schema, 0);
      }
    },

    python(ctx) {
      const isToolDecorator = (d: PyNode): boolean => {
        const expr = d.namedChildren[0];
        const target = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
        const name = target?.type === 'attribute' ? target.childForFieldName('attribute')?.text : target?.type === 'identifier' ? target.text : undefined;
        return name === 'tool';
      };
      const freeStrType = (type: string): boolean => {
        const t = type.replace(/\s+/g, '');
        if (/Literal|pattern=|regex=|constr\(/.test(t)) return false;
        return /^(?:str|Optional\[str\]|typing\.Optional\[str\]|str\|None|None\|str|(?:typing\.)?Annotated\[str,.*\])$/.test(t);
      };
      const flow = pythonFlow(ctx.view);
      /** Does the parameter reach a sink of its kind in the function body, unguarded? */
      const pyReachesSink = (fn: PyNode, param: PyNode, name: string, kind: 'command' | 'code' | 'sql', mcp = false): boolean => {
        const body = fn.childForFieldName('body');
        if (!body) return false;
        const word = new RegExp(`\\b${name}\\b`);
        for (const call of body.descendantsOfType('call')) {
          const callee = call.childForFieldName('function');
          if (!callee) continue;
          const q = flow.qualName(callee).replace(/\(\)/g, '');
          const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : '';
          const ctxs = SINK_CONTEXTS[kind].filter((c) => (c === 'shell' && PY_SHELL.test(q)) || (c === 'code' && PY_CODE.test(q)) || (c === 'sql' && (PY_SQL_METHODS.test(method) || /^sqlalchemy\.(sql\.)?text$/.test(q))));
          if (!ctxs.length) continue;
          // the statement, command or source is the first argument: bound parameters and options are not
          const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
          const first = args.find((a) => a.type !== 'keyword_argument') ?? args.find((a) => a.type === 'keyword_argument' && /^(args|cmd|command|source|sql|statement|query)$/.test(a.childForFieldName('name')?.text ?? ''));
          for (const a of first ? [first] : []) {
            const value = a.type === 'keyword_argument' ? a.childForFieldName('value') : a;
            if (!value) continue;
            for (const c of ctxs) {
              const t = flow.reaches(value, 'tool', c);
              if (t && mcp && !t.built) continue; // an MCP tool running the whole statement it is given: its purpose
              if (t && ((t.originStart >= param.startIndex && t.originStart < param.endIndex) || word.test(value.text))) return true;
            }
          }
        }
        return false;
      };
      const visit = (n: PyNode): void => {
        if (n.type === 'decorated_definition' && n.namedChildren.some((d) => d?.type === 'decorator' && isToolDecorator(d))) {
          // @mcp.tool(annotations=ToolAnnotations(destructiveHint=True)): the effect is declared to the host
          const declared = n.namedChildren.some((d) => d?.type === 'decorator' && isToolDecorator(d) && d.namedChildren[0]?.type === 'call'
            && (d.namedChildren[0].childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'annotations' && EFFECT_HINT.test(a.text)));
          const fn = n.childForFieldName('definition');
          // @mcp.tool() / @server.tool(): an MCP server's tool (LangChain's bare @tool is an agent tool)
          const mcpTool = n.namedChildren.some((d) => d?.type === 'decorator' && isToolDecorator(d) && /^@\s*\w+\.tool\b/.test(d.text));
          if (fn?.type === 'function_definition') {
            const tool = fn.childForFieldName('name')?.text ?? '?';
            const first = fn.childForFieldName('body')?.namedChildren[0];
            const doc = first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string' ? first.namedChildren[0].text : '';
            for (const param of fn.childForFieldName('parameters')?.namedChildren ?? []) {
              if (param?.type !== 'typed_parameter' && param?.type !== 'typed_default_parameter') continue;
              const nameNode = param.type === 'typed_default_parameter' ? param.childForFieldName('name') : param.namedChildren.find((c) => c?.type === 'identifier');
              const type = param.childForFieldName('type');
              if (!nameNode || !type || !freeStrType(type.text)) continue;
              const kind = kindOf(nameNode.text, { tool, toolText: doc, paramText: /Field\(|description=/.test(type.text) ? type.text : '' });
              if (kind !== 'command' && kind !== 'code' && kind !== 'sql') continue;
              if (declared || !pyReachesSink(fn, param, nameNode.text, kind, mcpTool)) continue;
              // a person approves each call before it runs: free-form input is the tool's purpose
              if (pyToolCallApproved(ctx.view.root, flow.calls, param.startIndex, (x) => flow.qualName(x), ctx.view.path, ctx.view.project)) continue;
              ctx.report({ messageId: 'freeForm', data: { param: nameNode.text, tool, what: WHAT[kind] }, start: nameNode.startIndex, end: nameNode.endIndex });
            }
          }
        }
      };
      for (const n of pyNodesInOrder(ctx.view.root, ['decorated_definition'])) visit(n);
    },

    js(ctx) {
      const keyName = (p: TSESTree.Property): string | undefined =>
        p.computed ? undefined : p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' && typeof p.key.value === 'string' ? p.key.value : undefined;
      const propOf = (obj: TSESTree.Node | undefined, key: string): TSESTree.Node | undefined => {
        if (obj?.type !== 'ObjectExpression') return undefined;
        for (const p of obj.properties) if (p.type === 'Property' && keyName(p) === key) return p.value;
        return undefined;
      };
      const literal = (n: TSESTree.Node | undefined): string => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : n?.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked ?? '' : '');
      /** A zod chain `z.string().min(1).describe('...')`: its root call and its method names. */
      const zodChain = (n: TSESTree.Node): { root: string; methods: string[]; describe: string } | undefined => {
        const methods: string[] = [];
        let describe = '';
        let cur: TSESTree.Node = n;
        while (cur.type === 'CallExpression' && cur.callee.type === 'MemberExpression' && cur.callee.property.type === 'Identifier') {
          const name = cur.callee.property.name;
          if (cur.callee.object.type === 'Identifier') return { root: `${cur.callee.object.name}.${name}`, methods, describe };
          methods.push(name);
          if (name === 'describe') describe = literal(cur.arguments[0]);
          cur = cur.callee.object;
        }
        return undefined;
      };
      /** The shape object of a zod schema: `{...}` or `z.object({...})`. */
      const shapeOf = (n: TSESTree.Node | undefined): TSESTree.ObjectExpression | undefined => {
        if (n?.type === 'ObjectExpression') return n;
        if (n?.type === 'CallExpression' && n.callee.type === 'MemberExpression' && n.callee.property.type === 'Identifier' && n.callee.property.name === 'object' && n.arguments[0]?.type === 'ObjectExpression') return n.arguments[0];
        return undefined;
      };
      const flow = jsFlow(ctx.view);
      /** Does the schema key `name` reach a sink of its kind in the handler, unguarded? */
      const jsReachesSink = (handler: TSESTree.Node | undefined, name: string, kind: 'command' | 'code' | 'sql', mcp = false): boolean => {
        if (!handler) return false;
        const word = new RegExp(`\\b${name.replace(/[$]/g, '\\$')}\\b`);
        let hit = false;
        jsWalk(handler, (n) => {
          if (hit || (n.type !== 'CallExpression' && n.type !== 'NewExpression')) return;
          const q = flow.qualName(n.callee).replace(/\(\)/g, '');
          const method = n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' ? n.callee.property.name : '';
          const ctxs = SINK_CONTEXTS[kind].filter((c) => (c === 'shell' && JS_SHELL.test(q)) || (c === 'code' && (JS_CODE.test(q) || (n.type === 'NewExpression' && q === 'Function'))) || (c === 'sql' && JS_SQL_METHODS.test(method)));
          if (!ctxs.length) return;
          for (const a of n.arguments.slice(0, 1)) {
            // the statement, command or source (first argument; bound parameters and options are not); the parameter by name (destructured `{ command }` or `args.command`) reaching the sink with tool taint
            if (!word.test(ctx.view.text.slice(a.range[0], a.range[1])) && a.type !== 'Identifier') continue;
            // an MCP tool that runs the whole statement or command it is given: that is the tool's declared purpose,
            // an exposed capability reported by destructive-tool-without-annotations, not a parameter to narrow
            if (ctxs.some((c) => { const t = flow.reaches(a, 'tool', c); return !!t && (!mcp || !!t.built); })) { hit = true; return; }
          }
        });
        return hit;
      };
      /** `annotations: { readOnlyHint, destructiveHint }` of an MCP registration. */
      const declaresEffect = (annotations: TSESTree.Node | undefined): boolean =>
        annotations?.type === 'ObjectExpression' && annotations.properties.some((p) => p.type === 'Property' && EFFECT_HINT.test(keyName(p) ?? ''));
      const checkShape = (shape: TSESTree.ObjectExpression | undefined, tool: string, toolDesc: string, handler: TSESTree.Node | undefined, declared = false, mcp = false): void => {
        if (declared) return;
        for (const p of shape?.properties ?? []) {
          if (p.type !== 'Property') continue;
          const name = keyName(p);
          const chain = zodChain(p.value);
          if (!name || !chain || !/\.string$/.test(chain.root)) continue;
          if (chain.methods.some((m) => m === 'regex' || m === 'refine' || m === 'superRefine' || m === 'pipe')) continue;
          const kind = kindOf(name, { tool, toolText: toolDesc, paramText: chain.describe });
          if (kind !== 'command' && kind !== 'code' && kind !== 'sql') continue;
          if (!jsReachesSink(handler, name, kind, mcp)) continue;
          if (handler && jsToolCallApproved(ctx.view.ast, flow.calls, handler.range[0], (x) => flow.qualName(x), ctx.view.path, ctx.view.project)) continue;
          ctx.report({ messageId: 'freeForm', data: { param: name, tool, what: WHAT[kind] }, start: p.key.range[0], end: p.key.range[1] });
        }
      };
      const visit = (n: TSESTree.Node, parent: TSESTree.Node | undefined): void => {
        if (n.type === 'CallExpression') {
          const callee = n.callee;
          const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : callee.type === 'Identifier' ? callee.name : undefined;
          const args = n.arguments;
          if (method === 'tool' && callee.type === 'MemberExpression' && args.length >= 2) {
            // server.tool(name, [description], shape, [annotations], handler)
            const tool = literal(args[0]) || 'tool';
            const desc = literal(args[1]);
            const shape = args.slice(1).find((a) => a.type === 'ObjectExpression' && a.properties.some((p) => p.type === 'Property' && zodChain(p.value)));
            const handler = [...args].reverse().find((a) => a.type === 'ArrowFunctionExpression' || a.type === 'FunctionExpression');
            // server.tool(name, description, shape, annotations, handler)
            const declared = args.some((a) => a !== shape && declaresEffect(a));
            checkShape(shape as TSESTree.ObjectExpression | undefined, tool, desc, handler, declared, true);
          } else if (method === 'registerTool' && args[1]) {
            checkShape(shapeOf(propOf(args[1], 'inputSchema')), literal(args[0]) || 'tool', literal(propOf(args[1], 'description')), args[2], declaresEffect(propOf(args[1], 'annotations')), true);
          } else if (method === 'tool' && callee.type === 'Identifier' && args[0]) {
            // AI SDK: tool({ description, parameters | inputSchema: z.object({...}), execute })
            const holder = parent;
            const tool = holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' ? holder.id.name : holder?.type === 'Property' ? keyName(holder) ?? 'tool' : 'tool';
            checkShape(shapeOf(propOf(args[0], 'inputSchema') ?? propOf(args[0], 'parameters')), tool, literal(propOf(args[0], 'description')), propOf(args[0], 'execute'));
          }
        }
      };
      jsWalkKeys(ctx.view.ast, (n, parent) => visit(n, parent));
    },
  },
});
