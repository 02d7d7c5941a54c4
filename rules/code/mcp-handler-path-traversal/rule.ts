import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { CHECKED_BY_HELPER, jsFlow, jsStringValue, pyArgs, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import type { JsFlow } from '../../../server/src/analyzers/flow';
import { defineRule } from '../../../server/src/engine/rule';
import { jsValues, pyValues } from '../../../server/src/analyzers/prompt/codeValues';
import type { JsValues } from '../../../server/src/analyzers/prompt/codeValues';
import { jsBodyNodes, jsHandlers, pyHandlers } from '../../../server/src/analyzers/prompt/codeMcp';
import { JS_HANDLER_HINT, PY_HANDLER_HINT } from '../../../server/src/analyzers/prompt/codeMcp';

/**
 * Complements tool-argument-path-traversal for MCP handler inputs the flow engine does not model as tool
 * arguments: resource-template variables (`@mcp.resource("file://{path}")`, `new ResourceTemplate("file://{path}")`),
 * the URI of a low-level `read_resource` handler, and `request.params.arguments` / `request.params.uri` of
 * `setRequestHandler(CallToolRequestSchema | ReadResourceRequestSchema, ...)`. Where the flow engine already
 * sees the value as model-controlled, that rule reports and this one stays quiet.
 */
const PY_FILE_CALLS = /^(open|io\.open|codecs\.open|aiofiles\.open|os\.remove|os\.unlink|os\.listdir|os\.scandir|os\.rename|os\.replace|shutil\.rmtree|shutil\.copy|shutil\.copyfile|shutil\.move|pathlib\.Path|Path)$/;
const PY_PATH_METHODS = /^(read_text|read_bytes|write_text|write_bytes|open|unlink|iterdir|rmdir|rename|replace)$/;
const JS_FS = /^(fs\/promises\.default|fs\/promises|fs\.promises|fs-extra|graceful-fs|fs)\.(readFile|readFileSync|writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rm|rmSync|readdir|readdirSync|createReadStream|createWriteStream|open|copyFile|rename|cp|outputFile|readJson|writeJson)$/;
/** A check in the handler that confines the path (normalise + prefix check, file name only, allow-list). */
const PY_GUARD = /\.startswith\(|is_relative_to\(|commonpath\(|\bbasename\(|secure_filename\(|\.relative_to\(|\bnot\s+in\s+\w|\bin\s+ALLOWED|\ballow(ed)?_?(list|paths|files)/i;
const JS_GUARD = /\.startsWith\(|path\.relative\(|isWithin|isInside|\bbasename\(|\.(includes|has)\(|allow(ed)?(List|Paths|Files)/i;

/**
 * `new ResourceTemplate('sessions://{id}/{kind}')` of the MCP TypeScript SDK: every variable matches one URI segment
 * (its matcher takes `[^/,]+` for `{x}`, `{.x}`, `{/x}` and `[^/]+` for `{;x}`, and decodes nothing), so the client
 * picks no separator. `{+x}`, `{#x}` and query variables match anything. The template text, or undefined.
 */
function singleSegmentTemplate(template: string | undefined): boolean {
  if (template === undefined) return false;
  const vars = template.match(/\{[^}]*\}/g) ?? [];
  return vars.length > 0 && vars.every((v) => /^\{[./;]?[A-Za-z_][\w.]*\*?\}$/.test(v));
}

/** The URI template of the SDK's `ResourceTemplate` passed to the registration call of handler `fn`. */
function templateOf(fn: TSESTree.Node, flow: JsFlow, values: JsValues): string | undefined {
  const call = flow.parentOf(fn);
  if (call?.type !== 'CallExpression') return undefined;
  for (const a of call.arguments) {
    if (a === fn) continue;
    const u = unwrap(a);
    for (const c of u.type === 'Identifier' ? values.defsOf(u).map((d) => unwrap(d)) : [u]) {
      if (c.type !== 'NewExpression' || !/^@modelcontextprotocol\/.*[./]ResourceTemplate$/.test(flow.qualName(c.callee))) continue;
      const text = c.arguments[0] ? jsStringValue(c.arguments[0]) : undefined;
      if (text !== undefined) return text;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'mcp-handler-path-traversal',
    name: 'McpHandlerPathTraversal',
    shortDescription: 'An MCP resource template variable, resource URI or low-level tool argument is used as a file path without confinement.',
    fullDescription: 'MCP clients fill resource-template variables (`file://{path}`) and low-level tool arguments from what the model or the user asks for, and a prompt injection decides both. A handler that opens, writes or deletes that path as given reads ~/.ssh/id_rsa or overwrites files outside the directory it serves (`../../`). Resolve the path under a base directory and check that the result stays inside, or keep only the file name.',
    views: ['python', 'js'],
    severity: 'error',
    confidence: 'medium',
    owasp: ['LLM06', 'LLM05'],
    cwe: [22, 73],
    frameworks: { nistAiRmf: ['MEASURE 2.7', 'MANAGE 2.4'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.6.2.6'] },
    fix: 'none',
    messages: {
      path: '{{kindLabel}} `{{handler}}` uses `{{param}}`, chosen by the MCP client or the model, as a file path in `{{sink}}` without confinement. Resolve it under a base directory and check it stays inside (realpath + startswith, Path.resolve().is_relative_to, path.resolve + startsWith), or keep only the file name.',
    },
  },
  check: {
    python(ctx) {
      if (!PY_HANDLER_HINT.test(ctx.view.text)) return;
      const flow = pythonFlow(ctx.view);
      const values = pyValues(ctx.view.root);
      for (const h of pyHandlers(ctx.view.root)) {
        if (!h.lowLevel || h.params.length === 0 || PY_GUARD.test(h.fn.text)) continue;
        const isParam = (x: Node): string | undefined => (x.type === 'identifier' && h.params.includes(x.text) && values.defsOf(x).length === 0 ? x.text : undefined);
        // RESOURCES.get(uri), FILES[name]: the value is the server's own entry, the client only picks the key
        const serverLookup = (x: Node): boolean => {
          const fn = x.type === 'call' ? x.childForFieldName('function') : undefined;
          // (a default, `d.get(key, key)`, is the client's value again)
          const lookup = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'get' && pyArgs(x).all.length === 1;
          const recv = lookup ? fn.childForFieldName('object') : x.type === 'subscript' ? x.childForFieldName('value') : undefined;
          return !!recv && !values.find(recv, isParam);
        };
        const paramIn = (n: Node): string | undefined => values.find(n, isParam, serverLookup)?.origin;
        const seen = new Set<number>();
        const check = (arg: Node | undefined, sink: string): void => {
          if (!arg || seen.has(arg.startIndex)) return;
          if (flow.reaches(arg, 'model', 'path')) return; // tool-argument-path-traversal reports it
          const param = paramIn(arg);
          if (!param) return;
          seen.add(arg.startIndex);
          ctx.report({ messageId: 'path', data: { kindLabel: h.kind === 'tool' ? 'Tool' : 'Resource', handler: h.name, param: arg.text.length <= 40 ? arg.text : param, sink }, start: arg.startIndex, end: arg.endIndex });
        };
        for (const call of h.fn.descendantsOfType('call')) {
          const fn = call.childForFieldName('function');
          if (!fn) continue;
          const q = flow.qualName(fn);
          const { positional, keywords } = pyArgs(call);
          if (PY_FILE_CALLS.test(q) && !/Path$/.test(q)) check(positional[0] ?? keywords.get('file') ?? keywords.get('path'), q);
          else if (fn.type === 'attribute' && PY_PATH_METHODS.test(fn.childForFieldName('attribute')?.text ?? '')) {
            const recv = fn.childForFieldName('object');
            if (recv?.type === 'call' && /(^|\.)(Path|PurePath)$/.test(flow.qualName(recv.childForFieldName('function') ?? recv))) check(pyArgs(recv).positional[0], `Path.${fn.childForFieldName('attribute')?.text}`);
            else if (recv && recv.type !== 'string') check(recv, `Path.${fn.childForFieldName('attribute')?.text}`);
          }
        }
      }
    },
    js(ctx) {
      if (!JS_HANDLER_HINT.test(ctx.view.text)) return;
      const flow = jsFlow(ctx.view);
      const values = jsValues(ctx.view.ast, flow.parentOf.bind(flow));
      const text = ctx.view.text;
      for (const h of jsHandlers(flow.calls, flow.qualName.bind(flow), flow.parentOf.bind(flow), values.defsOf)) {
        if (!h.lowLevel || h.params.length === 0 || JS_GUARD.test(text.slice(h.fn.range[0], h.fn.range[1]))) continue;
        const isParam = (x: TSESTree.Node): string | undefined => (x.type === 'Identifier' && h.params.includes(x.name) && values.defsOf(x).every((d) => d.range[0] < h.fn.range[0] || d.range[0] > h.fn.range[1]) ? x.name : undefined);
        // resources.get(request.params.uri), FILES[name]: the value is the server's own entry, the client only picks the key
        const serverLookup = (x: TSESTree.Node): boolean =>
          (x.type === 'CallExpression' && x.arguments.length === 1 && x.callee.type === 'MemberExpression' && !x.callee.computed && x.callee.property.type === 'Identifier' && x.callee.property.name === 'get' && !values.find(x.callee.object, isParam))
          || (x.type === 'MemberExpression' && x.computed && !values.find(x.object, isParam));
        const paramIn = (n: TSESTree.Node): string | undefined => values.find(n, isParam, serverLookup)?.origin;
        // a one-segment template variable used whole is still any file of the working directory (`readFile(name)`);
        // built into a path under a folder (`getPaths(id).request`, `join(dir, id, 'meta.json')`) it names one entry there
        const oneSegment = h.kind === 'resource' && singleSegmentTemplate(templateOf(h.fn, flow, values));
        const whole = (x0: TSESTree.Node, depth = 0): boolean => {
          const x = unwrap(x0);
          if (depth > 4) return false;
          if (isParam(x)) return true;
          switch (x.type) {
            case 'Identifier': return values.defsOf(x).some((d) => whole(d, depth + 1));
            case 'MemberExpression': return whole(x.object, depth + 1);
            case 'ChainExpression': return whole(x.expression, depth + 1);
            case 'ConditionalExpression': return whole(x.consequent, depth + 1) || whole(x.alternate, depth + 1);
            case 'LogicalExpression': return whole(x.left, depth + 1) || whole(x.right, depth + 1);
            case 'AwaitExpression': return whole(x.argument, depth + 1);
            case 'CallExpression': return x.callee.type === 'Identifier' && x.callee.name === 'String' && !!x.arguments[0] && whole(x.arguments[0], depth + 1);
            case 'TemplateLiteral': return x.expressions.length === 1 && x.quasis.every((q) => !q.value.cooked) && whole(x.expressions[0], depth + 1);
            default: return false;
          }
        };
        for (const n of jsBodyNodes(h.fn)) {
          if (n.type !== 'CallExpression') continue;
          const q = flow.qualName(n.callee);
          if (!JS_FS.test(q)) continue;
          const arg = n.arguments[0];
          if (!arg || flow.reaches(arg, 'model', 'path')) continue;
          // confined by an assertion helper or a validator hook whose check the flow engine read
          if (((flow.taintOf(arg)?.sanitized ?? 0) & CHECKED_BY_HELPER) !== 0) continue;
          const param = paramIn(arg);
          if (!param || (oneSegment && !whole(arg))) continue;
          const argText = text.slice(arg.range[0], arg.range[1]);
          ctx.report({ messageId: 'path', data: { kindLabel: h.kind === 'tool' ? 'Tool' : 'Resource', handler: h.name, param: argText.length <= 40 ? argText : param, sink: q }, start: arg.range[0], end: arg.range[1] });
        }
      }
    },
  },
});
