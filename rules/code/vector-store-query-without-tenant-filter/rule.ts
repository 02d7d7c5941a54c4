import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { JsFlow } from '../../../server/src/analyzers/flow';
import { jsFlow, jsStringValue, kids, objProp, propName, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsMemberName, jsWalk } from '../../../server/src/analyzers/js/calls';
import { defineRule } from '../../../server/src/engine/rule';

type N = TSESTree.Node;
type JsFn = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Words that name whose data a value selects: a filter, namespace or collection name built from one is per tenant. */
const TENANT_WORDS = /tenant|user|org|account|customer|owner|workspace|team|company|member/i;

// ---- sinks ----

/** LangChain vector store search methods (Python). */
const PY_LC_SEARCH = new Set([
  'similarity_search', 'asimilarity_search', 'similarity_search_with_score', 'asimilarity_search_with_score',
  'similarity_search_with_relevance_scores', 'asimilarity_search_with_relevance_scores', 'similarity_search_by_vector',
  'asimilarity_search_by_vector', 'max_marginal_relevance_search', 'amax_marginal_relevance_search',
  'max_marginal_relevance_search_by_vector', 'amax_marginal_relevance_search_by_vector',
]);
/** Keyword arguments that restrict which documents a search can return. */
const PY_FILTER_KWARGS = /^(filter|filters|where|where_document|namespace|query_filter|pre_filter|post_filter|expr|partition_names?|tenant|tenant_id|search_filter)$/;
/** Weaviate v4 `collection.query.<method>(...)`. */
const PY_WEAVIATE_METHODS = new Set(['near_text', 'near_vector', 'near_object', 'near_image', 'hybrid', 'bm25', 'fetch_objects']);
/** Qdrant client search methods. */
const PY_QDRANT_METHODS = new Set(['search', 'query_points', 'search_groups', 'query_points_groups', 'query_batch_points']);

const JS_LC_SEARCH = new Set(['similaritySearch', 'similaritySearchWithScore', 'similaritySearchVectorWithScore']);
const JS_FILTER_PROPS = /^(filter|filters|where|whereDocument|namespace|tenant|tenantId)$/;
const JS_WEAVIATE_METHODS = new Set(['nearText', 'nearVector', 'nearObject', 'nearImage', 'hybrid', 'bm25', 'fetchObjects']);

/** Distance operators of pgvector (L2, cosine, inner product, L1) in raw SQL. */
const PGVECTOR_OPERATOR = /<->|<=>|<#>|<\+>/;
const ORDER_BY = /\border\s+by\b/i;
const SQL_TENANT_CONDITION = new RegExp(`\\b(where|and|on)\\b[^;]*?(${TENANT_WORDS.source})`, 'i');

// ---- where a search runs: request handlers and agent tools ----

/** Decorators (last dotted segment, arguments removed) of web routes and agent tools. */
const PY_HANDLER_DECORATORS = /^(get|post|put|patch|delete|route|api_route|websocket|api_view|action|login_required|require_http_methods|require_POST|require_GET|tool|call_tool|function_tool|kernel_function|ai_function|resource|read_resource)$/;
/** Parameters that mean a function serves a request or knows its caller. */
const REQUEST_PARAM = /^(request|req|http_request)$/;
const CALLER_PARAM = /^(current_)?(user|tenant|org|organization|account|customer|team|workspace|owner)(_?(id|slug|key))?$/i;
const REQUEST_TYPE = /\b(Request|HttpRequest|WebSocket)\b/;

/**
 * The caller's identity in scope: a request's user (`request.user`, `req.user`, `g.user`,
 * `current_user`), a session value naming a user / tenant / org, or an auth helper's result. A route
 * without one serves everybody the same index (a public FAQ, a single-tenant app) and is not reported.
 */
const PY_IDENTITY_REF = /\b(?:request|req|g|self\.request)\.(?:state\.)?(?:user|tenant|org|organization|account|auth)\b|\bcurrent_user\b|\bsession\s*(?:\[|\.get\(\s*)["'](?:user|tenant|org|account|customer|team|workspace)\w*["']|\bget_current_(?:user|tenant|org)\b/;
const PY_IDENTITY_TYPE = /\b(?:get_current_\w+|current_user|User|Tenant|Organization|Account)\b/;
const JS_IDENTITY_REF = /\b(?:req|request|ctx|c)\.(?:user|auth|tenant|session)\b|\bsession\??\.user\b|\b(?:auth|getServerSession|currentUser|getAuth|getSession|getUser)\s*\(|\b(?:userId|tenantId|orgId|organizationId|accountId|customerId|workspaceId|teamId)\b/;

const JS_ROUTE_EXPORTS = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/;
/** `app.post(path, handler)`, `router.get(...)`, `server.tool(name, schema, handler)`, `tool({...})`. */
const JS_HANDLER_CALLS = /^(get|post|put|patch|delete|all|use|handle|route|tool|registerTool|addTool)$/;
const JS_TOOL_FACTORIES = /(^|\.)(tool|DynamicStructuredTool|DynamicTool|StructuredTool|createTool|defineTool|betaZodTool)$/;
const JS_HANDLER_PROPS = /^(func|execute|handler|call|invoke)$/;

export default defineRule({
  meta: {
    id: 'vector-store-query-without-tenant-filter',
    name: 'VectorStoreQueryWithoutTenantFilter',
    shortDescription: 'A request handler or agent tool searches a shared vector store without a tenant or user filter.',
    fullDescription: 'A similarity search returns the nearest chunks in the whole index, whoever wrote them. When a web route or an agent tool searches a store shared by several customers (LangChain similarity_search / as_retriever, Pinecone, Chroma, Qdrant, Weaviate, pgvector) with no metadata filter, namespace or per-tenant collection, one customer\'s question can retrieve another customer\'s documents and the model will happily quote them. Scope every search to the caller: a filter on a tenant or user id taken from the authenticated session, a per-tenant namespace, or a per-tenant collection.',
    views: ['python', 'js'],
    severity: 'warning',
    confidence: 'medium',
    owasp: ['LLM08', 'LLM02'],
    cwe: [639, 284],
    frameworks: { nistAiRmf: ['MANAGE 2.2', 'MEASURE 2.10', 'GOVERN 1.1'], euAiAct: ['Art. 10', 'Art. 15'], iso42001: ['A.7.4', 'A.6.2.4'] },
    fix: 'none',
    messages: {
      search: '`{{method}}` searches a shared vector store from {{where}} without a tenant or user filter: one customer\'s query can retrieve another customer\'s documents. Filter on the caller\'s tenant id (or use a per-tenant namespace or collection).',
      sql: 'This pgvector similarity query runs in {{where}} with no WHERE condition on a tenant, user or organisation column: it ranks every customer\'s rows. Add `WHERE tenant_id = %s` (the caller\'s tenant).',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (fn?.type !== 'attribute') continue;
        const nameNode = fn.childForFieldName('attribute');
        const method = nameNode?.text ?? '';
        let recv = fn.childForFieldName('object');
        if (!nameNode || !recv) continue;
        const { keywords, all } = pyArgs(call);
        if (all.some((a) => a.type === 'dictionary_splat')) continue; // **kwargs: cannot tell
        const filtered = [...keywords.keys()].some((k) => PY_FILTER_KWARGS.test(k));
        let sink = false;
        if (PY_LC_SEARCH.has(method)) sink = !filtered;
        else if (method === 'as_retriever' || method === 'as_query_engine' || method === 'as_chat_engine') sink = !filtered && !pyRetrieverFiltered(keywords.get('search_kwargs'));
        else if (method === 'query') {
          const pinecone = keywords.has('top_k');
          const chroma = keywords.has('query_texts') || keywords.has('query_embeddings');
          sink = (pinecone || chroma) && !filtered;
        } else if (PY_QDRANT_METHODS.has(method)) {
          sink = keywords.has('collection_name') && (keywords.has('query_vector') || keywords.has('query') || keywords.has('requests')) && !filtered
            && !pyDynamic(keywords.get('collection_name')!, call, 3);
        } else if (PY_WEAVIATE_METHODS.has(method) && recv.type === 'attribute' && recv.childForFieldName('attribute')?.text === 'query') {
          sink = !filtered;
          recv = recv.childForFieldName('object') ?? recv;
        }
        if (!sink || pyDynamic(recv, call, 3)) continue;
        const where = pyHandler(call);
        if (!where || !pyIdentity(call)) continue;
        ctx.report({ messageId: 'search', data: { method, where }, start: nameNode.startIndex, end: call.endIndex });
      }
      for (const s of ctx.view.root.descendantsOfType(['string', 'concatenated_string'])) {
        if (s.parent?.type === 'concatenated_string' || s.parent?.type === 'interpolation') continue;
        const sql = s.text;
        if (!PGVECTOR_OPERATOR.test(sql) || !ORDER_BY.test(sql) || SQL_TENANT_CONDITION.test(sql)) continue;
        const where = pyHandler(s);
        if (where && pyIdentity(s)) ctx.report({ messageId: 'sql', data: { where }, start: s.startIndex, end: s.endIndex });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const useServer = ctx.view.ast.body.some((st) => st.type === 'ExpressionStatement' && st.directive === 'use server');
      for (const call of flow.calls) {
        if (call.type !== 'CallExpression') continue;
        const callee = unwrap(call.callee);
        if (callee.type !== 'MemberExpression') continue;
        const method = jsMemberName(callee);
        if (!method) continue;
        const args = call.arguments;
        if (args.some((a) => a.type === 'SpreadElement')) continue;
        let recv: N = callee.object;
        let sink = false;
        if (JS_LC_SEARCH.has(method)) sink = args.length > 0 && args.length < 3;
        else if (method === 'maxMarginalRelevanceSearch') sink = args.length === 1 || (args.length === 2 && unwrap(args[1]).type === 'ObjectExpression' && !jsFiltered(args[1]));
        else if (method === 'asRetriever') {
          const first = args[0] ? unwrap(args[0]) : undefined;
          sink = !first || (first.type === 'ObjectExpression' && !jsFiltered(first)) || (first.type === 'Literal' && args.length === 1);
        } else if (method === 'query' && args.length === 1 && unwrap(args[0]).type === 'ObjectExpression') {
          // Pinecone index.query({ vector, topK }) / Chroma collection.query({ queryTexts, nResults })
          const o = args[0];
          const known = ['topK', 'vector', 'queryTexts', 'queryEmbeddings', 'nResults'].some((k) => objProp(o, k));
          sink = known && !jsFiltered(o);
        } else if ((method === 'search' || method === 'query') && args.length === 2 && unwrap(args[1]).type === 'ObjectExpression') {
          // Qdrant client.search(collection, { vector, limit }) / client.query(collection, { query, limit })
          const o = args[1];
          sink = (!!objProp(o, 'vector') || !!objProp(o, 'query')) && !!objProp(o, 'limit') && !jsFiltered(o) && !jsDynamic(args[0], flow, 3);
        } else if (JS_WEAVIATE_METHODS.has(method) && unwrap(recv).type === 'MemberExpression' && jsMemberName(unwrap(recv) as TSESTree.MemberExpression) === 'query') {
          sink = !args.some((a) => unwrap(a).type === 'ObjectExpression' && jsFiltered(a));
          recv = (unwrap(recv) as TSESTree.MemberExpression).object;
        }
        if (!sink || jsDynamic(recv, flow, 3)) continue;
        const where = jsHandler(call, flow, useServer);
        if (!where || !jsIdentity(call, flow, ctx.view.text)) continue;
        ctx.report({ messageId: 'search', data: { method, where }, start: callee.property.range[0], end: call.range[1] });
      }
      jsWalk(ctx.view.ast, (n, parent) => {
        if (n.type !== 'TemplateLiteral' && !(n.type === 'Literal' && typeof n.value === 'string')) return;
        if (parent?.type === 'TemplateLiteral') return;
        const sql = ctx.view.text.slice(n.range[0], n.range[1]);
        if (!PGVECTOR_OPERATOR.test(sql) || !ORDER_BY.test(sql) || SQL_TENANT_CONDITION.test(sql)) return;
        const where = jsHandler(n, flow, useServer);
        if (where && jsIdentity(n, flow, ctx.view.text)) ctx.report({ messageId: 'sql', data: { where }, start: n.range[0], end: n.range[1] });
      });
    },
  },
});

// ---- Python helpers ----

/** `search_kwargs={"k": 4, "filter": {...}}`: true when it restricts documents, or when it is not a literal (cannot tell). */
function pyRetrieverFiltered(kw: Node | undefined): boolean {
  if (!kw) return false;
  if (kw.type !== 'dictionary') return true;
  for (const p of kids(kw)) {
    if (p.type === 'dictionary_splat') return true;
    if (p.type !== 'pair') continue;
    const key = pyStringValue(p.childForFieldName('key'));
    if (key !== undefined && PY_FILTER_KWARGS.test(key)) return true;
  }
  return false;
}

/**
 * Is this store, collection or name chosen per tenant? True for an f-string or `.format` name, a
 * non-literal namespace / with_tenant, or an argument that names a user, tenant or org; identifiers
 * are followed to their last assignment (a few hops).
 */
function pyDynamic(n: Node, at: Node, depth: number): boolean {
  if (depth < 0) return false;
  switch (n.type) {
    case 'string':
      return kids(n).some((c) => c.type === 'interpolation');
    case 'concatenated_string':
      return kids(n).some((c) => pyDynamic(c, at, depth));
    case 'binary_operator':
      return pyDynamic(n.childForFieldName('left')!, at, depth) || pyDynamic(n.childForFieldName('right')!, at, depth);
    case 'parenthesized_expression':
    case 'await':
      return kids(n).some((c) => pyDynamic(c, at, depth));
    case 'identifier': {
      if (TENANT_WORDS.test(n.text)) return true;
      const def = pyDefinition(n.text, at);
      return !!def && pyDynamic(def, def, depth - 1);
    }
    case 'attribute':
      return TENANT_WORDS.test(n.childForFieldName('attribute')?.text ?? '') || pyDynamic(n.childForFieldName('object')!, at, depth);
    case 'subscript':
      return TENANT_WORDS.test(n.text) || pyDynamic(n.childForFieldName('value')!, at, depth);
    case 'call': {
      const fn = n.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : fn?.text ?? '';
      const { positional, keywords } = pyArgs(n);
      if (/^(with_tenant|namespace|Namespace)$/.test(method) && positional.some((a) => pyStringValue(a) === undefined)) return true;
      if (method === 'format' && fn?.type === 'attribute') return true;
      for (const [k, v] of keywords) {
        if (/^(namespace|tenant|filter|where|filters)$/.test(k) && pyStringValue(v) === undefined) return true;
        if (pyDynamic(v, at, depth)) return true;
      }
      if (positional.some((a) => pyDynamic(a, at, depth))) return true;
      return fn?.type === 'attribute' ? pyDynamic(fn.childForFieldName('object')!, at, depth) : false;
    }
    default:
      return false;
  }
}

/** The value last assigned to `name` before `at`, in the enclosing function, else at module level. */
function pyDefinition(name: string, at: Node): Node | undefined {
  const fn = pyEnclosingFunctions(at)[0];
  let root: Node = at;
  while (root.parent) root = root.parent;
  const pick = (scope: Node, inFunction: boolean): Node | undefined => {
    let found: Node | undefined;
    for (const a of scope.descendantsOfType('assignment')) {
      if (inFunction && a.startIndex >= at.startIndex) continue;
      if (!inFunction && pyEnclosingFunctions(a).length) continue;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === name && right) found = right;
    }
    return found;
  };
  return (fn && pick(fn, true)) ?? pick(root, false);
}

function pyEnclosingFunctions(n: Node): Node[] {
  const out: Node[] = [];
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') out.push(p);
  return out;
}

/** A description of the request handler or tool that holds `n`, if any. */
function pyHandler(n: Node): string | undefined {
  for (const fn of pyEnclosingFunctions(n)) {
    const name = fn.childForFieldName('name')?.text ?? 'function';
    const decorated = fn.parent?.type === 'decorated_definition' ? kids(fn.parent).filter((d) => d.type === 'decorator') : [];
    for (const d of decorated) {
      const expr = d.text.replace(/^@\s*/, '').replace(/\(.*$/s, '');
      const last = expr.slice(expr.lastIndexOf('.') + 1);
      if (PY_HANDLER_DECORATORS.test(last)) return /tool|function|resource/.test(last) ? `the tool \`${name}\`` : `the route \`${name}\``;
    }
    if (/^_a?run$/.test(name) && /(^|[.(,\s])(BaseTool|StructuredTool|Tool)\b/.test(pyClassBases(fn))) return `the tool \`${name}\``;
    for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
      const id = p.type === 'identifier' ? p : p.childForFieldName('name') ?? kids(p).find((c) => c.type === 'identifier');
      const type = p.childForFieldName('type')?.text ?? '';
      if (!id) continue;
      if (REQUEST_PARAM.test(id.text) || REQUEST_TYPE.test(type)) return `the request handler \`${name}\``;
      if (CALLER_PARAM.test(id.text)) return `\`${name}\`, which receives \`${id.text}\``;
    }
  }
  return undefined;
}

/** Is the caller's identity in scope of an enclosing function (a parameter, a dependency, a request's user)? */
function pyIdentity(n: Node): boolean {
  for (const fn of pyEnclosingFunctions(n)) {
    for (const p of kids(fn.childForFieldName('parameters') ?? fn)) {
      const id = p.type === 'identifier' ? p : p.childForFieldName('name') ?? kids(p).find((c) => c.type === 'identifier');
      if (id && CALLER_PARAM.test(id.text)) return true;
      if (p.type !== 'identifier' && PY_IDENTITY_TYPE.test(p.text)) return true;
    }
    if (PY_IDENTITY_REF.test(fn.childForFieldName('body')?.text ?? '')) return true;
  }
  return false;
}

function pyClassBases(fn: Node): string {
  for (let p = fn.parent; p; p = p.parent) if (p.type === 'class_definition') return p.childForFieldName('superclasses')?.text ?? '';
  return '';
}

// ---- JS helpers ----

function jsFiltered(obj: N): boolean {
  const o = unwrap(obj);
  if (o.type !== 'ObjectExpression') return true;
  return o.properties.some((p) => p.type === 'SpreadElement' || (p.type === 'Property' && JS_FILTER_PROPS.test(propName(p) ?? '')));
}

/** Same as pyDynamic, for JS: template names, namespace(x), withTenant(x), tenant-named arguments. */
function jsDynamic(node: N, flow: JsFlow, depth: number): boolean {
  if (depth < 0) return false;
  const n = unwrap(node);
  switch (n.type) {
    case 'TemplateLiteral':
      return n.expressions.length > 0;
    case 'BinaryExpression':
      return n.operator === '+' && (jsDynamic(n.left as N, flow, depth) || jsDynamic(n.right, flow, depth));
    case 'AwaitExpression':
      return jsDynamic(n.argument, flow, depth);
    case 'Identifier': {
      if (TENANT_WORDS.test(n.name)) return true;
      const def = jsDefinition(n.name, n, flow);
      return !!def && jsDynamic(def, flow, depth - 1);
    }
    case 'MemberExpression':
      return TENANT_WORDS.test(jsMemberName(n) ?? '') || jsDynamic(n.object, flow, depth);
    case 'ObjectExpression':
      return n.properties.some((p) => {
        if (p.type !== 'Property') return false;
        if (/^(namespace|tenant|filter|filters|where)$/.test(propName(p) ?? '') && jsStringValue(p.value as N) === undefined) return true;
        return jsDynamic(p.value as N, flow, depth);
      });
    case 'CallExpression':
    case 'NewExpression': {
      const callee = unwrap(n.callee);
      const method = callee.type === 'MemberExpression' ? jsMemberName(callee) ?? '' : callee.type === 'Identifier' ? callee.name : '';
      const args = n.arguments.filter((a): a is TSESTree.Expression => a.type !== 'SpreadElement');
      if (/^(namespace|withTenant|tenant)$/.test(method) && args.some((a) => jsStringValue(a) === undefined)) return true;
      if (args.some((a) => jsDynamic(a, flow, depth))) return true;
      return callee.type === 'MemberExpression' ? jsDynamic(callee.object, flow, depth) : false;
    }
    default:
      return false;
  }
}

/** The initialiser of the variable `name` visible from `at` (nearest enclosing function first). */
function jsDefinition(name: string, at: N, flow: JsFlow): N | undefined {
  const scopes: N[] = [];
  for (let p = flow.parentOf(at); p; p = flow.parentOf(p)) if (/Function/.test(p.type) || p.type === 'Program') scopes.push(p);
  for (const scope of scopes) {
    let found: N | undefined;
    jsWalk(scope, (n) => {
      if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === name && n.init && n.range[0] < at.range[0]) found = n.init;
    });
    if (found) return found;
  }
  return undefined;
}

/** Same as pyIdentity, for JS: an identity-named parameter or destructured key, `req.user`, `auth()`, a session. */
function jsIdentity(n: N, flow: JsFlow, text: string): boolean {
  for (let p = flow.parentOf(n); p; p = flow.parentOf(p)) {
    if (p.type !== 'FunctionDeclaration' && p.type !== 'FunctionExpression' && p.type !== 'ArrowFunctionExpression') continue;
    const fn = p as JsFn;
    for (const param of fn.params) {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      if (id.type === 'Identifier' && CALLER_PARAM.test(id.name.replace(/([a-z])([A-Z])/g, '$1_$2'))) return true;
      if (id.type === 'ObjectPattern' && id.properties.some((pr) => pr.type === 'Property' && CALLER_PARAM.test((propName(pr) ?? '').replace(/([a-z])([A-Z])/g, '$1_$2')))) return true;
    }
    if (JS_IDENTITY_REF.test(text.slice(fn.body.range[0], fn.body.range[1]))) return true;
  }
  return false;
}

/** A description of the route handler, server action or tool that holds `n`, if any. */
function jsHandler(n: N, flow: JsFlow, useServer: boolean): string | undefined {
  for (let p = flow.parentOf(n); p; p = flow.parentOf(p)) {
    if (p.type !== 'FunctionDeclaration' && p.type !== 'FunctionExpression' && p.type !== 'ArrowFunctionExpression') continue;
    const fn = p as JsFn;
    const parent = flow.parentOf(fn);
    const name = fn.id?.name ?? (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' ? parent.id.name : undefined);
    if (name && JS_ROUTE_EXPORTS.test(name)) return `the route handler \`${name}\``;
    if (useServer) return `the server action \`${name ?? 'function'}\``;
    if (parent && (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(fn as TSESTree.Expression)) {
      const callee = unwrap(parent.callee);
      const m = callee.type === 'MemberExpression' ? jsMemberName(callee) : undefined;
      if (m && JS_HANDLER_CALLS.test(m)) return /tool/i.test(m) ? `the tool handler of \`${flow.qualName(callee)}\`` : `the \`${flow.qualName(callee)}\` handler`;
      if (JS_TOOL_FACTORIES.test(flow.qualName(parent.callee))) return 'a tool handler';
    }
    if (parent?.type === 'Property' && JS_HANDLER_PROPS.test(propName(parent) ?? '')) {
      const obj = flow.parentOf(parent);
      const call = obj && flow.parentOf(obj);
      if (call && (call.type === 'CallExpression' || call.type === 'NewExpression') && JS_TOOL_FACTORIES.test(flow.qualName(call.callee))) return 'a tool handler';
    }
    for (const param of fn.params) {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      if (id.type === 'Identifier') {
        if (REQUEST_PARAM.test(id.name)) return `the request handler \`${name ?? 'function'}\``;
        if (CALLER_PARAM.test(id.name.replace(/([a-z])([A-Z])/g, '$1_$2'))) return `\`${name ?? 'function'}\`, which receives \`${id.name}\``;
      } else if (id.type === 'ObjectPattern') {
        for (const prop of id.properties) {
          if (prop.type !== 'Property') continue;
          const key = propName(prop) ?? '';
          if (CALLER_PARAM.test(key.replace(/([a-z])([A-Z])/g, '$1_$2'))) return `\`${name ?? 'function'}\`, which receives \`${key}\``;
        }
      }
    }
  }
  return undefined;
}
