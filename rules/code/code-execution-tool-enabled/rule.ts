import { jsFlow, kids, pyArgs, pyStringValue, pythonFlow } from '../../../server/src/analyzers/flow';
import { lastSegment, pyBool, pyDictPairs } from '../../../server/src/analyzers/python/calls';
import { defineRule } from '../../../server/src/engine/rule';
import { jsToolGivenToAgent, pyToolGivenToAgent } from '../../../server/src/analyzers/agentContext';
import { pyFactoryBehindOptIn, pyInToolDefinition } from '../../../server/src/analyzers/python/optIn';

/** Tools / executors that run model-written code or shell commands on the host, unsandboxed. */
const PY_HOST_EXECUTORS = new Map<string, string>(Object.entries({
  PythonREPLTool: 'runs model-written Python in this process',
  PythonAstREPLTool: 'runs model-written Python in this process',
  PythonREPL: 'runs model-written Python in this process',
  ShellTool: 'runs model-written shell commands on the host',
  BashProcess: 'runs model-written shell commands on the host',
  create_python_agent: 'gives the agent a Python REPL in this process',
  LocalCommandLineCodeExecutor: 'runs model-written code on the host without a sandbox',
  JupyterCodeExecutor: 'runs model-written code in a local Jupyter kernel',
  LocalShellTool: 'runs model-written shell commands on the host',
  CodeInterpreterToolSpec: 'runs model-written Python in a local subprocess',
}));
/** Where the name alone is too generic, the module must match too. */
const PY_MODULE_GUARD = new Map<string, RegExp>(Object.entries({
  PythonREPL: /^(langchain|langchain_experimental|langchain_community)\./,
  BashProcess: /^(langchain|langchain_experimental|langchain_community)\./,
  ShellTool: /^(langchain|langchain_community)\./,
  LocalShellTool: /^agents\./,
  JupyterCodeExecutor: /^(autogen|autogen_ext)\./,
}));
/** load_tools names that hand the agent a REPL or a terminal. */
const LOAD_TOOL_NAMES = new Set(['python_repl', 'terminal', 'shell', 'bash']);
const JS_HOST_EXECUTORS = new Map<string, string>(Object.entries({
  ShellTool: 'runs model-written shell commands on the host',
  LocalShellTool: 'runs model-written shell commands on the host',
  localShellTool: 'runs model-written shell commands on the host',
}));

export default defineRule({
  meta: {
    id: 'code-execution-tool-enabled',
    name: 'CodeExecutionToolEnabled',
    shortDescription: 'An agent is given a tool that runs arbitrary code or shell commands on the host.',
    fullDescription: 'Python REPL, shell and local code-executor tools (LangChain PythonREPLTool / ShellTool, AutoGen with use_docker=False or LocalCommandLineCodeExecutor, CrewAI code_execution_mode="unsafe", OpenAI Agents LocalShellTool) execute whatever code the model writes, with the application\'s permissions, files, network and secrets. Any prompt injection that reaches the agent (a web page, a document, a tool result) becomes remote code execution. Run such tools only in a disposable sandbox (Docker, E2B, a VM) with no credentials.',
    views: ['python', 'js'],
    // pre-filter: the executor's name (the last segment of the call's qualified name), load_tools, the code_execution_config / code_execution_mode keywords, or an assignment to a name holding exec_config
    prefilter: { words: ['PythonREPLTool', 'PythonAstREPLTool', 'PythonREPL', 'ShellTool', 'BashProcess', 'create_python_agent', 'LocalCommandLineCodeExecutor', 'JupyterCodeExecutor', 'LocalShellTool', 'CodeInterpreterToolSpec', 'localShellTool', 'load_tools', 'code_execution_config', 'code_execution_mode'], regex: /exec(ution)?_config/ },
    severity: 'error',
    confidence: 'high',
    owasp: ['LLM06', 'LLM05'],
    cwe: [94, 78],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15', 'Art. 14'], iso42001: ['A.6.2.4', 'A.9.2'] },
    fix: 'suggestion',
    messages: {
      tool: '`{{name}}` {{risk}}: a prompt injection becomes code execution. Use a sandboxed executor (Docker, E2B) with no secrets, or drop the tool.',
      loadTool: 'load_tools("{{name}}") gives the agent a {{kind}} on the host: a prompt injection becomes code execution. Use a sandboxed executor instead.',
      noDocker: '`"use_docker": False` makes AutoGen run model-written code directly on the host. Keep `use_docker=True` (or a DockerCommandLineCodeExecutor).',
      crewUnsafe: '`code_execution_mode="unsafe"` runs the CrewAI agent\'s code on the host. Keep the default "safe" mode (Docker).',
    },
  },
  check: {
    python(ctx) {
      const flow = pythonFlow(ctx.view);
      for (const call of flow.calls) {
        const fn = call.childForFieldName('function');
        if (!fn) continue;
        const q = flow.qualName(fn).replace(/\(\)/g, '');
        const name = lastSegment(q);
        const { keywords, positional } = pyArgs(call);
        const risk = PY_HOST_EXECUTORS.get(name);
        const guard = PY_MODULE_GUARD.get(name);
        if (risk && (!guard || guard.test(q))) {
          if (pyBool(keywords.get('allow_dangerous_code')) === true) continue; // reported by langchain-dangerous-option
          // a test that builds the tool and calls `_run()` itself gives it to no model
          if (!pyToolGivenToAgent(ctx.view.root, call, ctx.role)) continue;
          // the tool class's own definition (a field default), or a factory behind the caller's opt-in flag
          if (pyInToolDefinition(ctx.view.root, call) || pyFactoryBehindOptIn(ctx.view.root, call)) continue;
          ctx.report({ messageId: 'tool', data: { name, risk }, start: fn.startIndex, end: call.endIndex });
          continue;
        }
        if (name === 'load_tools') {
          if (pyBool(keywords.get('allow_dangerous_tools')) === true) continue; // reported by langchain-dangerous-option
          if (!pyToolGivenToAgent(ctx.view.root, call, ctx.role)) continue;
          const list = positional[0] ?? keywords.get('tool_names');
          if (!list || (list.type !== 'list' && list.type !== 'tuple')) continue;
          for (const item of kids(list)) {
            const v = pyStringValue(item);
            if (v && LOAD_TOOL_NAMES.has(v)) ctx.report({ messageId: 'loadTool', data: { name: v, kind: v === 'python_repl' ? 'Python REPL' : 'shell' }, start: item.startIndex, end: item.endIndex });
          }
          continue;
        }
        // AutoGen: code_execution_config={"use_docker": False, ...}
        const config = keywords.get('code_execution_config');
        if (config?.type === 'dictionary') {
          for (const { key, value, pair } of pyDictPairs(config)) {
            if (pyStringValue(key) === 'use_docker' && pyBool(value) === false) {
              ctx.report({ messageId: 'noDocker', start: pair.startIndex, end: pair.endIndex, fixes: [{ title: 'Set use_docker to True', kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: 'True' }] }] });
            }
          }
        }
        // CrewAI: Agent(allow_code_execution=True, code_execution_mode="unsafe")
        const mode = keywords.get('code_execution_mode');
        if (mode && pyStringValue(mode) === 'unsafe') {
          const kw = mode.parent!;
          ctx.report({ messageId: 'crewUnsafe', start: kw.startIndex, end: kw.endIndex, fixes: [{ title: 'Use code_execution_mode="safe"', kind: 'suggestion', edits: [{ start: mode.startIndex, end: mode.endIndex, newText: '"safe"' }] }] });
        }
      }
      // AutoGen dict configs assigned first: code_execution_config = {"use_docker": False}
      for (const a of ctx.view.root.descendantsOfType('assignment')) {
        const left = a.childForFieldName('left');
        const right = a.childForFieldName('right');
        if (!left || right?.type !== 'dictionary' || !/code_execution_config|exec(ution)?_config/.test(left.text)) continue;
        for (const { key, value, pair } of pyDictPairs(right)) {
          if (pyStringValue(key) === 'use_docker' && pyBool(value) === false) {
            ctx.report({ messageId: 'noDocker', start: pair.startIndex, end: pair.endIndex, fixes: [{ title: 'Set use_docker to True', kind: 'suggestion', edits: [{ start: value.startIndex, end: value.endIndex, newText: 'True' }] }] });
          }
        }
      }
    },
    js(ctx) {
      const flow = jsFlow(ctx.view);
      for (const call of flow.calls) {
        const q = flow.qualName(call.callee).replace(/\(\)/g, '');
        const name = q.slice(q.lastIndexOf('.') + 1);
        const risk = JS_HOST_EXECUTORS.get(name);
        if (risk && /^(langchain|@langchain|@openai\/agents)/.test(q)) {
          if (!jsToolGivenToAgent(ctx.view.ast, call, ctx.role)) continue;
          ctx.report({ messageId: 'tool', data: { name, risk }, start: call.range[0], end: call.range[1] });
          continue;
        }
      }
    },
  },
});
