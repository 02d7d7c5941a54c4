/** Cross-file flow: imports resolved to workspace files, summaries of other files, calls from importers. */
import * as assert from 'assert';
import { analyze } from '../../server/src/engine/engine';
import { builtinRules } from '../../server/src/engine/registry';
import { importedModules, WorkspaceIndex } from '../../server/src/workspace/projectIndex';
import type { ProjectSource } from '../../server/src/workspace/projectIndex';
import { allRulesConfig, ready } from '../helpers/engine';
import { TS_LLM_COMPLETE } from '../helpers/projectFiles';

function memory(files: Record<string, string>): ProjectSource & { files(): string[] } {
  return { read: (rel) => files[rel], exists: (rel) => rel in files, files: () => Object.keys(files) };
}

function findings(files: Record<string, string>, file: string, index = new WorkspaceIndex(memory(files))): string[] {
  const r = analyze({ path: file, text: files[file], project: index }, allRulesConfig(), builtinRules);
  return r.findings.filter((f) => /llm-output|tool-argument/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.range.start.line + 1}`);
}

const PY: Record<string, string> = {
  'app/llm.py': [
    'from openai import OpenAI',
    'client = OpenAI()',
    '',
    'def generate_code(task):',
    '    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])',
    '    return r.choices[0].message.content',
    '',
    'def constant():',
    '    return "1 + 1"',
    '',
  ].join('\n'),
  'app/shell.py': [
    'import subprocess',
    '',
    'def run_shell(command):',
    '    return subprocess.run(command, shell=True, capture_output=True).stdout',
    '',
    'def git(ref):',
    '    return f"git log {ref}"',
    '',
  ].join('\n'),
  'app/server.py': [
    'from mcp.server.fastmcp import FastMCP',
    'from .llm import generate_code, constant',
    'from . import shell',
    'from app.shell import git',
    '',
    'mcp = FastMCP("x")',
    '',
    '@mcp.tool()',
    'def log(ref: str) -> str:',
    '    return shell.run_shell(git(ref))',
    '',
    'def solve(task):',
    '    exec(generate_code(task))',
    '    exec(constant())',
    '',
  ].join('\n'),
  'app/status.py': ['from .shell import run_shell', '', 'def status():', '    return run_shell("git status")', ''].join('\n'),
};

const TS: Record<string, string> = {
  'src/llm.ts': TS_LLM_COMPLETE,
  'src/db.ts': [
    "import { Pool } from 'pg';",
    'const pool = new Pool();',
    'export function runSql(sql: string) {',
    '  return pool.query(sql);',
    '}',
    '',
  ].join('\n'),
  'src/server.ts': [
    "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
    "import { complete } from './llm.js';",
    "import * as db from './db';",
    "import vm from 'node:vm';",
    "const server = new McpServer({ name: 'x', version: '1' });",
    "server.tool('orders', {}, async ({ customer }) => {",
    "  await db.runSql(`SELECT * FROM orders WHERE customer = '${customer}'`);",
    "  return { content: [] };",
    '});',
    'export async function solve(task: string) {',
    '  return vm.runInNewContext(await complete(task));',
    '}',
    '',
  ].join('\n'),
};

/** A provider base class in one file, the model call in a subclass in another (methods resolved both ways). */
const HIER: Record<string, string> = {
  'kit/base.py': [
    'import pandas as pd',
    '',
    'class Assistant:',
    '    def complete(self, prompt):',
    '        raise NotImplementedError',
    '',
    '    def query(self, sql):',
    '        raise NotImplementedError',
    '',
    '    def chart(self, question):',
    '        code = self.complete(f"chart code for {question}")',
    '        exec(code, {})',
    '',
    '    def answer(self, question):',
    '        return self.query(self.complete(question))',
    '',
    '    def title(self):',
    '        return self.fixed()',
    '',
    '    def fixed(self):',
    '        return "x = 1"',
    '',
  ].join('\n'),
  'kit/remote.py': [
    'import sqlite3',
    'import pandas as pd',
    'from openai import OpenAI',
    'from .base import Assistant',
    '',
    'class RemoteAssistant(Assistant):',
    '    def __init__(self):',
    '        self.client = OpenAI()',
    '        self.conn = sqlite3.connect("app.db")',
    '',
    '    def complete(self, prompt):',
    '        r = self.client.chat.completions.create(model="m", messages=[{"role": "user", "content": prompt}])',
    '        return r.choices[0].message.content',
    '',
    '    def query(self, sql):',
    '        return pd.read_sql_query(sql, self.conn)',
    '',
    '    def run_title(self):',
    '        exec(self.title())',
    '',
  ].join('\n'),
  'kit/offline.py': [
    'import pandas as pd',
    'from .base import Assistant',
    '',
    'class CannedAssistant(Assistant):',
    '    def complete(self, prompt):',
    '        return "SELECT 1"',
    '',
    '    def query(self, sql):',
    '        return pd.read_sql_query(sql, self.conn)',
    '',
  ].join('\n'),
};

/** A React component in one file rendering a prop as HTML, given the model's text by a component in another file. */
const JSX: Record<string, string> = {
  'ui/Bubble.tsx': [
    'import { marked } from "marked";',
    'export function toHtml(text: string): string {',
    '  return marked.parse(text) as string;',
    '}',
    'export function Bubble({ body }: { body: string }) {',
    '  return <div dangerouslySetInnerHTML={{ __html: toHtml(body) }} />;',
    '}',
  ].join('\n'),
  'ui/Thread.tsx': [
    'import { useChat } from "ai/react";',
    'import { Bubble } from "./Bubble";',
    'export default function Thread() {',
    '  const { messages } = useChat({ api: "/api/chat" });',
    '  return <main>{messages.map((m) => <Bubble key={m.id} body={m.content} />)}</main>;',
    '}',
  ].join('\n'),
  'ui/Static.tsx': [
    'import { Bubble } from "./Bubble";',
    'export function Static() {',
    '  return <Bubble body="**hello**" />;',
    '}',
  ].join('\n'),
};

/** An MCP server whose query tool hands the client's SQL whole to a helper in another file; another server formats a value into SQL. */
const MCP_SQL: Record<string, string> = {
  'src/db.ts': [
    "import { Pool } from 'pg';",
    'const pool = new Pool();',
    'export async function runSql(sql: string) {',
    '  return pool.query(sql);',
    '}',
    'export async function countBy(status: string) {',
    "  return pool.query(`SELECT count(*) FROM orders WHERE status = '${status}'`);",
    '}',
    '',
  ].join('\n'),
  'src/index.ts': [
    "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
    "import { z } from 'zod';",
    "import { countBy, runSql } from './db';",
    "const server = new McpServer({ name: 'db', version: '1.0.0' });",
    "server.tool('query', { sql: z.string() }, async ({ sql }) => ({ content: [{ type: 'text', text: JSON.stringify(await runSql(sql)) }] }));",
    "server.tool('count', { status: z.string() }, async ({ status }) => ({ content: [{ type: 'text', text: JSON.stringify(await countBy(status)) }] }));",
    '',
  ].join('\n'),
};

const PY_CLASSES: Record<string, string> = {
  'rag/chain.py': [
    'from dataclasses import dataclass',
    'from langchain_core.output_parsers import StrOutputParser',
    'from langchain_core.prompts import ChatPromptTemplate',
    'from langchain_openai import ChatOpenAI',
    '',
    'PROMPT = ChatPromptTemplate.from_messages([("human", "{question}")])',
    '',
    '@dataclass',
    'class Answer:',
    '    text: str',
    '    sources: list',
    '',
    'class RagChain:',
    '    def __init__(self, llm=None):',
    '        self.llm = llm or ChatOpenAI(model="gpt-4o")',
    '        self._chain = PROMPT | self.llm | StrOutputParser()',
    '',
    '    def ask(self, question):',
    '        return Answer(text=self._chain.invoke({"question": question}), sources=[])',
    '',
    '    def title(self):',
    '        return "DocChat"',
    '',
  ].join('\n'),
  'app.py': [
    'import streamlit as st',
    'from rag.chain import RagChain',
    '',
    'chain = RagChain()',
    'answer = chain.ask(st.chat_input("Ask"))',
    'st.markdown(answer.text, unsafe_allow_html=True)',
    'st.markdown(chain.title(), unsafe_allow_html=True)',
    '',
  ].join('\n'),
};

const TS_CLASSES: Record<string, string> = {
  'src/assistant.ts': [
    "import OpenAI from 'openai';",
    'export class Assistant {',
    '  private client = new OpenAI();',
    '  async answer(q: string): Promise<string> {',
    "    const r = await this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });",
    "    return r.choices[0].message.content ?? '';",
    '  }',
    "  greeting(): string { return 'Hi'; }",
    '}',
    '',
  ].join('\n'),
  'src/page.ts': [
    "import { Assistant } from './assistant';",
    'const bot = new Assistant();',
    'export async function show(el: HTMLElement, q: string) {',
    '  el.innerHTML = await bot.answer(q);',
    '  el.innerHTML = bot.greeting();',
    '}',
    '',
  ].join('\n'),
};

/** An assertion helper in one file (throws unless the path is inside the root), called as a statement in another. */
const ASSERT: Record<string, string> = {
  'src/guards.ts': [
    "import { isWithinRoot } from './containment';",
    'function fail(message: string): never {',
    '  throw new Error(message);',
    '}',
    'export function assertInside(root: string, candidate: string) {',
    "  if (!isWithinRoot(root, candidate)) fail('outside the workspace');",
    '}',
    'export function assertPresent(value: string) {',
    "  if (!value) throw new Error('required');",
    '}',
    '',
  ].join('\n'),
  'src/server.ts': [
    "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
    "import fs from 'node:fs/promises';",
    "import { z } from 'zod';",
    "import { assertInside, assertPresent } from './guards';",
    "const server = new McpServer({ name: 'w', version: '1' });",
    "server.tool('write', { path: z.string(), backup: z.string(), text: z.string() }, async ({ path, backup, text }) => {",
    "  assertInside('/srv/w', path);",
    '  await fs.writeFile(path, text);',
    '  assertPresent(backup);',
    '  await fs.writeFile(backup, text);',
    "  return { content: [] };",
    '});',
    '',
  ].join('\n'),
};

/** Agent tools in one file, the human approval step where the agent is wired (another file, or a module it imports). */
const TS_HITL: Record<string, string> = {
  'src/app/tools.ts': [
    'import { execSync } from "child_process";',
    'import { tool } from "llamaindex";',
    'import { z } from "zod";',
    'export const cliExecutor = tool({',
    '  name: "cli_executor",',
    '  description: "Execute a command and return the output.",',
    '  parameters: z.object({ command: z.string() }),',
    '  execute: async ({ command }) => execSync(command, { encoding: "utf-8" }),',
    '});',
    '',
  ].join('\n'),
  'src/app/events.ts': [
    'import { humanInputEvent, humanResponseEvent } from "@llamaindex/server";',
    'export const cliHumanInputEvent = humanInputEvent<{ type: "cli_human_input"; data: { command: string } }>();',
    'export const cliHumanResponseEvent = humanResponseEvent<{ type: "human_response"; data: { execute: boolean; command: string } }>();',
    '',
  ].join('\n'),
  'src/app/workflow.ts': [
    'import { chatWithTools } from "@llamaindex/tools";',
    'import { cliHumanInputEvent, cliHumanResponseEvent } from "./events";',
    'import { cliExecutor } from "./tools";',
    'export async function decide(llm: any, history: any[]) {',
    '  const r = await chatWithTools(llm, [cliExecutor], history);',
    '  const command = r.toolCalls[0]?.input?.command;',
    '  return cliHumanInputEvent.with({ type: "cli_human_input", data: { command }, response: cliHumanResponseEvent });',
    '}',
    'export async function approved(data: { execute: boolean; command: string }) {',
    '  if (!data.execute) return "rejected";',
    '  return cliExecutor.call({ command: data.command });',
    '}',
    '',
  ].join('\n'),
};

const PY_HITL: Record<string, string> = {
  'agent/tools.py': [
    'import subprocess',
    'from langchain_core.tools import tool',
    '',
    '@tool',
    'def run_command(command: str) -> str:',
    '    """Run a shell command on the host."""',
    '    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout',
    '',
  ].join('\n'),
  'agent/graph.py': [
    'from langgraph.prebuilt import create_react_agent',
    'from langgraph.checkpoint.memory import MemorySaver',
    'from .tools import run_command',
    '',
    'agent = create_react_agent("openai:gpt-4o", [run_command], checkpointer=MemorySaver(), interrupt_before=["tools"])',
    '',
  ].join('\n'),
};

describe('cross-file flow', () => {
  before(ready);

  it('uses the summaries of imported Python functions (source -> return, parameter -> return)', () => {
    assert.deepStrictEqual(findings(PY, 'app/server.py'), ['llm-output-code-execution:13']);
  });

  it('reports a sink in a Python helper file called with a tool argument from another file', () => {
    assert.deepStrictEqual(findings(PY, 'app/shell.py'), ['llm-output-code-execution:4']);
    // without the importer that passes a tool argument, the helper is quiet
    const { ['app/server.py']: _server, ...rest } = PY;
    assert.deepStrictEqual(findings(rest, 'app/shell.py'), []);
  });

  it('uses the summaries of imported TS functions and reports sinks in imported helpers', () => {
    assert.deepStrictEqual(findings(TS, 'src/server.ts'), ['llm-output-code-execution:11']);
    assert.deepStrictEqual(findings(TS, 'src/db.ts'), ['llm-output-sql-injection:4']);
  });

  it('reads what other files pass to a file only when a rule asks about a value built from a parameter', () => {
    const asked: string[] = [];
    class Counting extends WorkspaceIndex {
      override incoming(rel: string): ReturnType<WorkspaceIndex['incoming']> {
        asked.push(rel);
        return super.incoming(rel);
      }
    }
    const files: Record<string, string> = {
      ...PY,
      // no sink reads a parameter here: nothing of the importers is needed
      'app/consts.py': ['import subprocess', '', 'def greet(name):', '    subprocess.run(["echo", "hi"])', '    return f"hello {name}"', ''].join('\n'),
      'app/uses.py': ['from .consts import greet', '', 'def f(x):', '    return greet(x)', ''].join('\n'),
    };
    const index = new Counting(memory(files));
    assert.deepStrictEqual(findings(files, 'app/consts.py', index), []);
    assert.deepStrictEqual(asked, []);
    // a sink fed by a parameter: the importer's tool argument reaches it, read once
    assert.deepStrictEqual(findings(files, 'app/shell.py', index), ['llm-output-code-execution:4']);
    assert.deepStrictEqual(asked, ['app/shell.py']);
  });

  it('does not depend on the order files are analysed or listed', () => {
    const a = new WorkspaceIndex(memory(PY));
    const first = ['app/shell.py', 'app/server.py', 'app/status.py'].map((f) => findings(PY, f, a));
    const reversed: Record<string, string> = {};
    for (const k of Object.keys(PY).reverse()) reversed[k] = PY[k];
    const b = new WorkspaceIndex(memory(reversed));
    const second = ['app/status.py', 'app/server.py', 'app/shell.py'].map((f) => findings(reversed, f, b)).reverse();
    assert.deepStrictEqual(second, first);
  });

  it('reads the module references of import statements', () => {
    const py = 'from mcp.server.fastmcp import FastMCP\nfrom .shell import run_shell\nfrom ..db import (\n    run_sql,\n    connect as c,\n)\nimport pkg.tools\n';
    assert.deepStrictEqual(importedModules('a/b.py', py), ['mcp.server.fastmcp', 'mcp.server.fastmcp.FastMCP', '.shell', '.shell.run_shell', '..db', '..db.run_sql', '..db.connect', 'pkg.tools']);
    const ts = "import { a } from './a.js';\nimport * as b from '../b';\nconst c = require('./c');\nimport x from 'openai';\n";
    assert.deepStrictEqual(importedModules('src/x.ts', ts), ['./a.js', '../b', './c']);
  });

  it('sees a change of an imported file after invalidate()', () => {
    const files = { ...PY };
    const index = new WorkspaceIndex(memory(files));
    assert.deepStrictEqual(findings(files, 'app/server.py', index), ['llm-output-code-execution:13']);
    files['app/llm.py'] = 'def generate_code(task):\n    return "print(1)"\n';
    index.invalidate('app/llm.py');
    assert.deepStrictEqual(findings(files, 'app/server.py', index), []);
  });

  it('follows class hierarchies across files: overrides in subclasses of other files, methods of an imported base', () => {
    // the base's abstract method is implemented by a model call in a subclass in another file
    assert.deepStrictEqual(findings(HIER, 'kit/base.py'), ['llm-output-code-execution:12']);
    // the base passes the model's SQL to the subclass's override; the canned subclass also receives it
    assert.deepStrictEqual(findings(HIER, 'kit/remote.py'), ['llm-output-sql-injection:16']);
    assert.deepStrictEqual(findings(HIER, 'kit/offline.py'), ['llm-output-sql-injection:9']);
    // without the model subclass, nothing is model output
    const { ['kit/remote.py']: _remote, ...rest } = HIER;
    assert.deepStrictEqual(findings(rest, 'kit/base.py'), []);
    assert.deepStrictEqual(findings(rest, 'kit/offline.py'), []);
  });

  it('passes JSX props to a component imported from another file', () => {
    assert.deepStrictEqual(findings(JSX, 'ui/Bubble.tsx').filter((f) => f.startsWith('llm-output-html')), ['llm-output-html-injection:6']);
    const { ['ui/Thread.tsx']: _thread, ...rest } = JSX;
    assert.deepStrictEqual(findings(rest, 'ui/Bubble.tsx'), []);
  });

  it('applies an assertion helper imported from another file to the argument it checks', () => {
    assert.deepStrictEqual(findings(ASSERT, 'src/server.ts'), ['tool-argument-path-traversal:10']);
  });

  it('keeps apart an MCP tool argument used whole (a query tool by design) and one formatted into SQL, across files', () => {
    assert.deepStrictEqual(findings(MCP_SQL, 'src/db.ts'), ['llm-output-sql-injection:7']);
  });

  it('follows methods of an instance of an imported class, and a data class built from model output', () => {
    assert.deepStrictEqual(findings(PY_CLASSES, 'app.py').filter((f) => f.startsWith('llm-output-html')), ['llm-output-html-injection:6']);
    const { ['rag/chain.py']: _chain, ...rest } = PY_CLASSES;
    assert.deepStrictEqual(findings(rest, 'app.py'), []);
  });

  it('follows methods of an instance of an imported TS class', () => {
    assert.deepStrictEqual(findings(TS_CLASSES, 'src/page.ts'), ['llm-output-html-injection:4']);
    const { ['src/assistant.ts']: _a, ...rest } = TS_CLASSES;
    assert.deepStrictEqual(findings(rest, 'src/page.ts'), []);
  });

  it('takes a human approval step where the agent is wired (an importer of the tool, or a module it imports) as approving the tool', () => {
    const codeExec = (files: Record<string, string>, file: string): string[] => {
      const r = analyze({ path: file, text: files[file], project: new WorkspaceIndex(memory(files)) }, allRulesConfig(), builtinRules);
      return r.findings.filter((f) => /llm-output-code-execution|free-form/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.range.start.line + 1}`).sort();
    };
    assert.deepStrictEqual(codeExec(TS_HITL, 'src/app/tools.ts'), []);
    // without the events module the workflow runs the command the model wrote
    const { ['src/app/events.ts']: _e, ...noEvents } = TS_HITL;
    assert.deepStrictEqual(codeExec(noEvents, 'src/app/tools.ts'), ['llm-output-code-execution:8', 'tool-schema-free-form-dangerous-parameter:7']);
    // an importer that does not use the tool does not approve it
    const unrelated = { ...TS_HITL, 'src/app/workflow.ts': TS_HITL['src/app/workflow.ts'].replace(/cliExecutor/g, 'otherTool').replace('"./tools"', '"./other"') };
    assert.deepStrictEqual(codeExec(unrelated, 'src/app/tools.ts'), ['llm-output-code-execution:8', 'tool-schema-free-form-dangerous-parameter:7']);
    assert.deepStrictEqual(codeExec(PY_HITL, 'agent/tools.py'), []);
    const noInterrupt = { ...PY_HITL, 'agent/graph.py': PY_HITL['agent/graph.py'].replace(', interrupt_before=["tools"]', '') };
    assert.deepStrictEqual(codeExec(noInterrupt, 'agent/tools.py'), ['llm-output-code-execution:7', 'tool-schema-free-form-dangerous-parameter:5']);
  });
});
