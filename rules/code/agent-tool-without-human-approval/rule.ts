import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { PyNode as Node } from '../../../server/src/analyzers/python/tree';
import { jsFlow, jsStringValue, kids, objProp, propName, pyAddKeywordEdit, pyArgs, pyStringValue, pythonFlow, unwrap } from '../../../server/src/analyzers/flow';
import { jsWalk } from '../../../server/src/analyzers/js/calls';
import { lastSegment, pyBool } from '../../../server/src/analyzers/python/calls';
import type { Fix } from '../../../server/src/engine/model';
import { defineRule } from '../../../server/src/engine/rule';
import { jsToolGivenToAgent, pyToolGivenToAgent } from '../../../server/src/analyzers/agentContext';
import { pyInToolDefinition } from '../../../server/src/analyzers/python/optIn';
import { jsBoundName, jsHasApprovalGate, jsOptionsNeedApproval, pyHasApprovalGate } from '../../../server/src/analyzers/approval';

type N = TSESTree.Node;

/** Ready-made tools and toolkits that act on the outside world, by class name. */
const OUTWARD_TOOLS = new Map<string, string>(Object.entries({
  GmailSendMessage: 'sends email from the connected mailbox',
  GmailToolkit: 'can send email from the connected mailbox',
  O365SendMessage: 'sends email from the connected mailbox',
  O365Toolkit: 'can send email and create events in the connected account',
  SlackSendMessage: 'posts Slack messages as the bot',
  SlackToolkit: 'can post Slack messages as the bot',
  RequestsPostTool: 'sends HTTP POST requests the model writes',
  RequestsPutTool: 'sends HTTP PUT requests the model writes',
  RequestsPatchTool: 'sends HTTP PATCH requests the model writes',
  RequestsDeleteTool: 'sends HTTP DELETE requests the model writes',
  RequestsToolkit: 'can send POST/PUT/DELETE requests the model writes',
  WriteFileTool: 'writes files the model chooses',
  DeleteFileTool: 'deletes files the model chooses',
  MoveFileTool: 'moves files the model chooses',
  FileManagementToolkit: 'can write, move and delete files',
  FileWriterTool: 'writes files the model chooses',
  GitHubToolkit: 'can push commits and open or merge pull requests',
  StripeAgentToolkit: 'can create payments, refunds and invoices',
  ZapierToolkit: 'can trigger any action of the connected Zapier account',
}));
/** Modules those names must come from (so a same-named class of the app is not matched). */
const TOOL_MODULES = /^(langchain\w*|@langchain\/\w+|crewai_tools|stripe_agent_toolkit|@stripe\/agent-toolkit)[./]/;
/** FileManagementToolkit tools that only read. */
const READ_ONLY_FILE_TOOLS = new Set(['read_file', 'list_directory', 'file_search']);
/** load_tools names that send requests with side effects. */
const LOAD_TOOL_NAMES = new Set(['requests_post', 'requests_put', 'requests_patch', 'requests_delete', 'requests_all']);

/** Python calls inside a tool function that act on the outside world. */
const PY_ACTIONS = new Map<string, string>(Object.entries({
  'requests.post': 'sends HTTP POST requests', 'requests.put': 'sends HTTP PUT requests', 'requests.patch': 'sends HTTP PATCH requests', 'requests.delete': 'sends HTTP DELETE requests',
  'httpx.post': 'sends HTTP POST requests', 'httpx.put': 'sends HTTP PUT requests', 'httpx.patch': 'sends HTTP PATCH requests', 'httpx.delete': 'sends HTTP DELETE requests',
  'os.remove': 'deletes files', 'os.unlink': 'deletes files', 'os.rmdir': 'deletes directories', 'shutil.rmtree': 'deletes directory trees', 'shutil.move': 'moves files',
}));
const PY_ACTION_METHODS = new Map<string, string>(Object.entries({
  sendmail: 'sends email', send_message: 'sends email', chat_postMessage: 'posts Slack messages', unlink: 'deletes files', rmtree: 'deletes directory trees',
  write_text: 'writes files', write_bytes: 'writes files',
}));
/** Receivers of `send_message` that are mail clients (an SMTP connection), not chats. */
const MAIL_RECEIVER = /smtp|mail|server/i;
const WRITE_SQL = /^\s*(insert|update|delete|drop|alter|truncate|grant|create)\b/i;
/** A directory that is the agent's own working area (notes, scratch files, outputs): `workspace / name`. */
const AGENT_AREA = /(^|[^a-z])(workspace|work_?dir|sandbox|scratch|scratchpad|notes?|outputs?|artifacts?)([^a-z]|$)/i;

/**
 * A write target inside the agent's own working area: `base / name`, `os.path.join(base, name)`, `base.joinpath(name)`
 * where the base (a helper, variable or setting) names a workspace, sandbox, scratch, notes or output directory.
 * Keeping notes there is the agent's intended state, not an action on the outside world (an unconfined `name` is
 * a path traversal, reported by tool-argument-path-traversal).
 */
function inAgentArea(target: Node | null | undefined, qualName: (n: Node) => string): boolean {
  let n = target;
  while (n?.type === 'parenthesized_expression') n = kids(n)[0];
  if (!n) return false;
  if (n.type === 'binary_operator' && n.child(1)?.type === '/') {
    const base = kids(n)[0];
    return !!base && (AGENT_AREA.test(base.text) || inAgentArea(base, qualName));
  }
  if (n.type === 'call') {
    const fn = n.childForFieldName('function');
    const q = fn ? qualName(fn).replace(/\(\)/g, '') : '';
    const first = pyArgs(n).positional[0];
    if (q === 'os.path.join' || q === 'posixpath.join') return !!first && (AGENT_AREA.test(first.text) || inAgentArea(first, qualName));
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'joinpath') {
      const base = fn.childForFieldName('object');
      return !!base && (AGENT_AREA.test(base.text) || inAgentArea(base, qualName));
    }
  }
  return false;
}
const STRIPE_WRITES = /^(create|delete|cancel|modify|capture|pay|refund)$/;

/** JS calls inside a tool handler that act on the outside world. */
const JS_ACTIONS = new Map<string, string>(Object.entries({
  'fs.unlink': 'deletes files', 'fs.unlinkSync': 'deletes files', 'fs.rm': 'deletes files', 'fs.rmSync': 'deletes files', 'fs.rmdir': 'deletes directories',
  'fs.writeFile': 'writes files', 'fs.writeFileSync': 'writes files', 'fs.promises.unlink': 'deletes files', 'fs.promises.rm': 'deletes files', 'fs.promises.writeFile': 'writes files',
  'fs/promises.unlink': 'deletes files', 'fs/promises.rm': 'deletes files', 'fs/promises.writeFile': 'writes files',
  'axios.post': 'sends HTTP POST requests', 'axios.put': 'sends HTTP PUT requests', 'axios.patch': 'sends HTTP PATCH requests', 'axios.delete': 'sends HTTP DELETE requests',
}));
const JS_ACTION_METHODS = new Map<string, string>(Object.entries({ sendMail: 'sends email', postMessage: 'posts Slack messages' }));
/** `tool({...})` factories whose options carry `needsApproval` (OpenAI Agents SDK). */
const JS_APPROVAL_FACTORIES = /^@openai\/agents(-core)?\.tool$/;
const JS_TOOL_FACTORIES = /^(@openai\/agents(-core)?|@langchain\/core\/tools|langchain\/tools)\.(tool|DynamicStructuredTool|DynamicTool)$|^new (@langchain\/core\/tools|langchain\/tools)\.(DynamicStructuredTool|DynamicTool)\(\)$/;

export default defineRule({
  meta: {
    id: 'agent-tool-without-human-approval',
    name: 'AgentToolWithoutHumanApproval',
    shortDescription: 'An agent can send messages, post requests, change files or move money with no human approval step.',
    fullDescription: 'Tools that act on the outside world (send email or Slack messages, POST/DELETE HTTP requests, write or delete files, push to git, create payments, write to a database) run as soon as the model asks. A prompt injection in a web page, email or document the agent reads can then make it act for the attacker. Gate such tools behind a human approval step: LangGraph interrupt_before / interrupt(), LangChain HumanApprovalCallbackHandler or HumanInTheLoopMiddleware, OpenAI Agents needs_approval, or expose only read-only tools.',
    views: ['python', 'js'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM06'],
    cwe: [862, 285],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'GOVERN 3.2', 'MEASURE 2.7'], euAiAct: ['Art. 14', 'Art. 15'], iso42001: ['A.9.2', 'A.6.2.4'] },
    fix: 'suggestion',
    messages: {
      tool: '`{{name}}` {{action}} whenever the model asks, and nothing in this file asks a human first: a prompt injection can act for the attacker. Gate it (interrupt_before=["tools"], HumanApprovalCallbackHandler, HumanInTheLoopMiddleware) or give read-only tools.',
      fileToolkit: '`FileManagementToolkit` without a read-only `selected_tools` list lets the model write, move and delete files with no human approval. Select only read tools ("read_file", "list_directory", "file_search") or add an approval step.',
      loadTool: 'load_tools("{{name}}") lets the model send requests with side effects and nothing in this file asks a human first. Add an approval step or use read-only tools.',
      functionTool: 'Tool `{{name}}` {{action}} as soon as the model calls it, with no human approval: a prompt injection can trigger it. {{remedy}}',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      const text = ctx.view.text;
      const gated = pyHasApprovalGate(flow.calls, (n) => flow.qualName(n));
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/\(\)/g, '');
        const { positional, keywords } = pyArgs(call);
        // GitHubToolkit.from_github_api_wrapper(...), ZapierToolkit.from_zapier_nla_wrapper(...)
        const name = /\.from_\w+$/.test(q) ? lastSegment(q.replace(/\.from_\w+$/, '')) : lastSegment(q);
        if (name === 'load_tools') {
          if (gated || pyBool(keywords.get('allow_dangerous_tools')) === true) continue; // reported by langchain-dangerous-option
          // outside product/example code, only tools the file itself hands to an agent or a model
          if (!pyToolGivenToAgent(ctx.view.root, call, ctx.role)) continue;
          const list = positional[0] ?? keywords.get('tool_names');
          if (!list || (list.type !== 'list' && list.type !== 'tuple')) continue;
          for (const item of kids(list)) {
            const v = pyStringValue(item);
            if (v && LOAD_TOOL_NAMES.has(v)) ctx.report({ messageId: 'loadTool', data: { name: v }, start: item.startIndex, end: item.endIndex });
          }
          continue;
        }
        const action = OUTWARD_TOOLS.get(name);
        if (!action || !TOOL_MODULES.test(q) || gated) continue;
        if (!pyToolGivenToAgent(ctx.view.root, call, ctx.role)) continue;
        // the tool list of a toolkit class this file only defines: whoever builds an agent with it decides on approval
        if (pyInToolDefinition(ctx.view.root, call)) continue;
        // the opt-in itself is reported by langchain-dangerous-option
        if (pyBool(keywords.get('allow_dangerous_requests')) === true) continue;
        if (hasApprovalCallback(keywords.get('callbacks'))) continue;
        if (name === 'FileManagementToolkit') {
          const selected = keywords.get('selected_tools');
          if (selected && (selected.type !== 'list' && selected.type !== 'tuple')) continue; // not a literal: cannot tell
          if (selected && kids(selected).every((i) => READ_ONLY_FILE_TOOLS.has(pyStringValue(i) ?? ''))) continue;
          ctx.report({ messageId: 'fileToolkit', start: fn.startIndex, end: call.endIndex, fixes: selected ? [] : [{
            title: 'Select only the read-only file tools',
            kind: 'suggestion',
            edits: [pyAddKeywordEdit(text, call, 'selected_tools=["read_file", "list_directory", "file_search"]')!].filter(Boolean),
          }] });
          continue;
        }
        ctx.report({ messageId: 'tool', data: { name, action }, start: fn.startIndex, end: call.endIndex });
      }
      // tool functions whose body acts on the outside world
      for (const def of ctx.view.root.descendantsOfType('function_definition')) {
        const decorated = def.parent?.type === 'decorated_definition' ? def.parent : undefined;
        if (!decorated) continue;
        const decorator = kids(decorated).filter((d) => d.type === 'decorator').map((d) => kids(d)[0]).find((e) => {
          const callee = e?.type === 'call' ? e.childForFieldName('function') : e;
          return !!callee && /(^|\.)(tool|function_tool)$/.test(flow.qualName(callee)) && /^(agents|langchain\w*|crewai\w*)\./.test(flow.qualName(callee));
        });
        if (!decorator) continue;
        const callee = decorator.type === 'call' ? decorator.childForFieldName('function')! : decorator;
        const openaiAgents = /^agents\./.test(flow.qualName(callee));
        if (decorator.type === 'call') {
          const approval = pyArgs(decorator).keywords.get('needs_approval');
          if (approval && pyBool(approval) !== false) continue;
        }
        if (gated) continue;
        const action = pyToolAction(def, (n) => flow.qualName(n));
        if (!action) continue;
        const nameNode = def.childForFieldName('name');
        if (!nameNode || !pyToolGivenToAgent(ctx.view.root, nameNode, ctx.role)) continue;
        if (ctx.view.path && ctx.view.project?.approvalGateFor?.(ctx.view.path, nameNode.text)) continue;
        const fixes: Fix[] = [];
        if (openaiAgents) {
          const edit = decorator.type === 'call'
            ? pyAddKeywordEdit(text, decorator, 'needs_approval=True')
            : { start: decorator.endIndex, end: decorator.endIndex, newText: '(needs_approval=True)' };
          if (edit) fixes.push({ title: 'Require human approval for this tool (needs_approval=True)', kind: 'suggestion', edits: [edit] });
        }
        const remedy = openaiAgents ? 'Set `needs_approval=True` (or an approval function) on the tool.' : 'Interrupt before tool calls (interrupt_before=["tools"] or interrupt()) so a person approves them.';
        ctx.report({ messageId: 'functionTool', data: { name: nameNode.text, action, remedy }, start: nameNode.startIndex, end: nameNode.endIndex, fixes });
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      const gated = jsHasApprovalGate(ctx.view.ast, (n) => flow.qualName(n));
      if (gated) return;
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee);
        const name = q.slice(q.lastIndexOf('.') + 1);
        const action = OUTWARD_TOOLS.get(name);
        if (call.type === 'NewExpression' && action && TOOL_MODULES.test(q)) {
          const opts = call.arguments[0];
          if (objProp(opts, 'allowDangerousRequests')) continue; // reported by langchain-dangerous-option
          if (!jsToolGivenToAgent(ctx.view.ast, call, ctx.role)) continue;
          ctx.report({ messageId: 'tool', data: { name, action }, start: call.range[0], end: call.range[1] });
          continue;
        }
        const factory = call.type === 'CallExpression' ? q : `new ${q}()`;
        if (!JS_TOOL_FACTORIES.test(factory)) continue;
        // tool({ name, execute, needsApproval }) / tool(fn, { name }) / new DynamicStructuredTool({ func })
        const options = call.arguments.find((a) => unwrap(a).type === 'ObjectExpression');
        if (jsOptionsNeedApproval(options)) continue;
        const handler = call.arguments.find((a) => /Function/.test(unwrap(a).type)) ?? ['execute', 'func', 'invoke'].map((k) => objProp(options, k)?.value).find(Boolean);
        if (!handler) continue;
        const act = jsToolAction(handler, (n) => flow.qualName(n));
        if (!act || !jsToolGivenToAgent(ctx.view.ast, call, ctx.role)) continue;
        // the agent that uses it is wired in a file that imports the tool, with an approval step there
        const bound = jsBoundName(ctx.view.ast, call);
        if (bound && ctx.view.path && ctx.view.project?.approvalGateFor?.(ctx.view.path, bound)) continue;
        const nameProp = objProp(options, 'name');
        const toolName = jsStringValue(nameProp?.value) ?? 'tool';
        const fixes: Fix[] = [];
        const approvable = JS_APPROVAL_FACTORIES.test(q);
        const obj = options ? unwrap(options) : undefined;
        if (approvable && obj?.type === 'ObjectExpression' && obj.properties.length) {
          const first = obj.properties[0];
          const lineStart = ctx.view.text.lastIndexOf('\n', first.range[0] - 1) + 1;
          const indent = ctx.view.text.slice(lineStart, first.range[0]);
          const sep = /^\s*$/.test(indent) ? `\n${indent}` : ' ';
          fixes.push({ title: 'Require human approval for this tool (needsApproval: true)', kind: 'suggestion', edits: [{ start: first.range[0], end: first.range[0], newText: `needsApproval: true,${sep}` }] });
        }
        const remedy = approvable ? 'Set `needsApproval: true` (or an approval function) on the tool.' : 'Interrupt before tool calls (interruptBefore: ["tools"] or interrupt()) so a person approves them.';
        const at = nameProp ?? call.callee;
        ctx.report({ messageId: 'functionTool', data: { name: toolName, action: act, remedy }, start: at.range[0], end: at.range[1], fixes });
      }
    },
  },
});

function hasApprovalCallback(v: Node | undefined): boolean {
  return !!v && /HumanApproval|Approval/.test(v.text);
}

/** What a tool function's body does to the outside world, if anything. */
function pyToolAction(def: Node, qualName: (n: Node) => string): string | undefined {
  const body = def.childForFieldName('body');
  if (!body) return undefined;
  for (const call of body.descendantsOfType('call')) {
    const fn = call.childForFieldName('function');
    if (!fn) continue;
    const q = qualName(fn).replace(/\(\)/g, '');
    const known = PY_ACTIONS.get(q);
    if (known) return known;
    const { positional, keywords } = pyArgs(call);
    if (/^stripe\./.test(q) && STRIPE_WRITES.test(lastSegment(q))) return 'moves money through Stripe';
    if (q === 'open') {
      const mode = pyStringValue(positional[1] ?? keywords.get('mode'));
      if (mode && /[wax]/.test(mode) && !inAgentArea(positional[0] ?? keywords.get('file'), qualName)) return 'writes files';
    }
    if (/^subprocess\./.test(q) && positional[0]?.type === 'list') {
      const words = kids(positional[0]).map((i) => pyStringValue(i));
      if (words[0] === 'git' && words.includes('push')) return 'pushes to a git remote';
    }
    if (fn.type !== 'attribute') continue;
    const method = fn.childForFieldName('attribute')?.text ?? '';
    const recv = fn.childForFieldName('object');
    if (method === 'execute' || method === 'executemany') {
      const sql = pyStringValue(positional[0]) ?? (positional[0]?.type === 'string' ? positional[0].text.replace(/^[a-zA-Z]*["']+/, '') : undefined);
      if (sql && WRITE_SQL.test(sql)) return 'writes to the database';
      continue;
    }
    if (method === 'send_message' && !MAIL_RECEIVER.test(recv?.text ?? '')) continue;
    if ((method === 'write_text' || method === 'write_bytes') && inAgentArea(recv, qualName)) continue;
    if ((method === 'write_text' || method === 'write_bytes') && recv?.type === 'identifier') {
      // target = workspace / name; target.write_text(...): the assignment in the tool's body
      const assigned = body.descendantsOfType('assignment').find((a) => a.childForFieldName('left')?.text === recv.text);
      if (assigned && inAgentArea(assigned.childForFieldName('right'), qualName)) continue;
    }
    const byMethod = PY_ACTION_METHODS.get(method);
    if (byMethod) return byMethod;
  }
  return undefined;
}

/** What a tool handler does to the outside world, if anything. */
function jsToolAction(handler: N, qualName: (n: N) => string): string | undefined {
  let action: string | undefined;
  jsWalk(handler, (n) => {
    if (action || n.type !== 'CallExpression') return;
    const q = qualName(n.callee).replace(/\(\)/g, '');
    const known = JS_ACTIONS.get(q);
    if (known) {
      action = known;
      return;
    }
    if (/^stripe\./.test(q) && STRIPE_WRITES.test(q.slice(q.lastIndexOf('.') + 1))) {
      action = 'moves money through Stripe';
      return;
    }
    if (q === 'fetch' || q === 'node-fetch' || q === 'undici.fetch') {
      const method = jsStringValue(objProp(n.arguments[1], 'method')?.value);
      if (method && /^(post|put|patch|delete)$/i.test(method)) action = `sends HTTP ${method.toUpperCase()} requests`;
      return;
    }
    const callee = unwrap(n.callee);
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return;
    const method = callee.property.name;
    if (method === 'query' || method === 'execute' || method === 'run') {
      const sql = jsStringValue(n.arguments[0]) ?? (n.arguments[0]?.type === 'TemplateLiteral' ? n.arguments[0].quasis[0]?.value.cooked ?? '' : undefined);
      if (sql && WRITE_SQL.test(sql)) action = 'writes to the database';
      return;
    }
    const byMethod = JS_ACTION_METHODS.get(method);
    if (byMethod) action = byMethod;
  });
  return action;
}
