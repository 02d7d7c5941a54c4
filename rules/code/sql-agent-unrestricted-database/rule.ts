import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsFlow, jsStringValue, kids, objProp, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { lastSegment } from '../../../server/src/analyzers/python/calls';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';

type N = TSESTree.Node;

/** Agents, toolkits and chains that run SQL the model writes. */
const PY_SQL_RUNNERS = new Set(['create_sql_agent', 'SQLDatabaseToolkit', 'SQLDatabaseChain', 'QuerySQLDataBaseTool', 'QuerySQLDatabaseTool', 'SQLDatabaseSequentialChain']);
const JS_SQL_RUNNERS = /(^|\.)(createSqlAgent|SqlToolkit|SqlDatabaseChain|QuerySqlTool)$/;

/** A connection that cannot write: sqlite/duckdb read-only mode, a read-only transaction default, a read-only role. */
const READ_ONLY_OPTION = /[?&](mode=ro|immutable=1|read_only=(true|1))\b|default_transaction_read_only|readonly=true|read_only=True/i;
/** The user part of a URL: `postgresql://app_ro:...@host/db`. */
const URL_USER = /^[a-z0-9+]+:\/\/([^:@/]+)(?::[^@/]*)?@/i;
const READ_ONLY_USER = /read_?only|readonly|^ro_|_ro$|^ro$|reader|viewer|analytics_ro|select_only/i;

/** What the rule can tell about a connection string: undefined when it cannot see it. */
function readOnly(uri: string): boolean {
  if (READ_ONLY_OPTION.test(uri)) return true;
  const user = URL_USER.exec(uri)?.[1];
  return !!user && READ_ONLY_USER.test(user);
}

export default defineRule({
  meta: {
    id: 'sql-agent-unrestricted-database',
    name: 'SqlAgentUnrestrictedDatabase',
    shortDescription: 'A SQL agent runs model-written SQL over a writable connection with no table restriction.',
    fullDescription: 'LangChain SQL agents, toolkits and chains execute the SQL the model writes with the privileges of the connection. Over a read-write connection with every table visible, a prompt injection (in a question, or in data the agent reads back) can DROP, DELETE or UPDATE rows and read tables it was never meant to see. Connect with a read-only role or read-only mode and restrict the tables with include_tables / includesTables.',
    views: ['python', 'js'],
    // pre-filter: every report is on a `SQLDatabase.from_uri` (Python) or `SqlDatabase.fromDataSourceParams` (JS) call: the last segment of a qualified name is a word of the file
    prefilter: { words: ['from_uri', 'fromDataSourceParams'] },
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06', 'LLM05'],
    cwe: [250, 89],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.4'] },
    fix: 'suggestion',
    messages: {
      writable: 'The SQL agent runs model-written SQL over `{{uri}}`, a writable connection with no `include_tables` restriction: a prompt injection can DROP or DELETE data. Use a read-only role or mode and list the tables the agent may read.',
      jsWritable: 'The SQL agent runs model-written SQL over a writable data source with no `includesTables` restriction: a prompt injection can DROP or DELETE data. Connect with a read-only role and list the tables the agent may read.',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const names = flow.calls.map((c) => lastSegment(flow.qualName(c.childForFieldName('function') ?? c).replace(/\.from_\w+$/, '')));
      if (!names.some((n) => PY_SQL_RUNNERS.has(n))) return;
      const constants = pyStringConstants(ctx.view.root);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn);
        if (!/(^|\.)SQLDatabase\.from_uri$/.test(q) || !/^(langchain|langchain_community|langchain_classic|langchain_experimental)\./.test(q)) continue;
        const { positional, keywords } = pyArgs(call);
        if (keywords.has('include_tables') || keywords.has('custom_table_info')) continue;
        const uriNode = positional[0] ?? keywords.get('database_uri');
        if (!uriNode) continue;
        const literal = pyStringValue(uriNode) !== undefined ? uriNode : uriNode.type === 'identifier' ? constants.get(uriNode.text) : undefined;
        const uri = literal ? pyStringValue(literal) : fStringPrefix(uriNode);
        if (uri === undefined || !/^[a-z0-9+]+:\/\//i.test(uri)) continue; // an environment variable or a config value: cannot tell
        if (URL_USER.exec(uri)?.[1].includes(HOLE)) continue; // the user comes from elsewhere: cannot tell
        if (readOnly(uri) || READ_ONLY_OPTION.test(keywords.get('engine_args')?.text ?? '')) continue;
        const fixes: Fix[] = [];
        // sqlite:///data/app.db -> sqlite:///file:data/app.db?mode=ro&uri=true (SQLite URI filename, read-only)
        const sqlite = literal && /^sqlite:\/\/\/(?!file:)([^?]+)$/.exec(uri);
        if (literal && sqlite) {
          const open = literal.text.search(/["']/);
          const quote = literal.text.slice(open).match(/^("""|'''|"|')/)![0];
          const prefix = literal.text.slice(0, open);
          fixes.push({ title: 'Open the SQLite file read-only (mode=ro)', kind: 'suggestion', edits: [{ start: literal.startIndex, end: literal.endIndex, newText: `${prefix}${quote}sqlite:///file:${sqlite[1]}?mode=ro&uri=true${quote}` }] });
        }
        ctx.report({ messageId: 'writable', data: { uri: redact(uri) }, start: call.startIndex, end: call.endIndex, fixes });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      if (!flow.calls.some((c) => JS_SQL_RUNNERS.test(flow.qualName(c.callee)))) return;
      // TypeORM data sources declared in the file: read-only if any option says so
      const sources = flow.calls.filter((c) => c.type === 'NewExpression' && /(^|\.)DataSource$/.test(flow.qualName(c.callee)));
      const sourceReadOnly = (n: N | undefined): boolean | undefined => {
        const opts = n ? unwrap(n) : undefined;
        if (!opts || opts.type !== 'ObjectExpression') return undefined;
        const text = ctx.view.text.slice(opts.range[0], opts.range[1]);
        if (READ_ONLY_OPTION.test(text) || /readonly|read_only|readOnly/.test(text)) return true;
        const user = jsStringValue(objProp(opts, 'username')?.value);
        if (user !== undefined) return READ_ONLY_USER.test(user);
        const url = jsStringValue(objProp(opts, 'url')?.value);
        if (url !== undefined) return readOnly(url);
        const type = jsStringValue(objProp(opts, 'type')?.value);
        return type === 'sqlite' || type === 'better-sqlite3' ? false : undefined;
      };
      for (const call of flow.calls) {
        if (!/(^|\.)SqlDatabase\.fromDataSourceParams$/.test(flow.qualName(call.callee))) continue;
        const params = call.arguments[0];
        if (!params || objProp(params, 'includesTables')) continue;
        const ds = objProp(params, 'appDataSource')?.value;
        let decl: N | undefined;
        if (ds && unwrap(ds).type === 'NewExpression') decl = (unwrap(ds) as TSESTree.NewExpression).arguments[0];
        else if (ds && unwrap(ds).type === 'Identifier') {
          const name = (unwrap(ds) as TSESTree.Identifier).name;
          const src = sources.find((s) => {
            const p = flow.parentOf(s);
            return p?.type === 'VariableDeclarator' && p.id.type === 'Identifier' && p.id.name === name;
          });
          decl = src?.arguments[0];
        }
        if (sourceReadOnly(decl) !== false) continue;
        ctx.report({ messageId: 'jsWritable', start: call.range[0], end: call.range[1] });
      }
    },
  },
});

/** Module- or function-level `NAME = "literal"` assignments (the last one wins). */
function pyStringConstants(root: Node): Map<string, Node> {
  const out = new Map<string, Node>();
  for (const a of root.descendantsOfType('assignment')) {
    const left = a.childForFieldName('left');
    const right = a.childForFieldName('right');
    if (left?.type === 'identifier' && right && pyStringValue(right) !== undefined) out.set(left.text, right);
  }
  return out;
}

/** Marks an f-string placeholder in a reconstructed connection string. */
const HOLE = '\u0000';

/** The literal text of an f-string with placeholders marked (`f"postgresql://app_rw:{pw}@db/app"`). */
function fStringPrefix(n: Node): string | undefined {
  if (n.type !== 'string') return undefined;
  let s = '';
  for (const c of kids(n)) {
    if (c.type === 'interpolation') {
      s += HOLE;
      continue;
    }
    if (c.type === 'string_content' || c.type === 'escape_sequence') s += c.text;
  }
  return s;
}

/** Hide the password of a connection string in messages. */
function redact(uri: string): string {
  return uri.replace(/^([a-z0-9+]+:\/\/[^:@/]+):[^@/]*@/i, '$1:***@').split(HOLE).join('{...}');
}
