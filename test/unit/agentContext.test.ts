/** Is a tool given to a model or an agent in the analysed code (server/src/analyzers/agentContext.ts)? */
import * as assert from 'assert';
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsToolGivenToAgent, pyToolGivenToAgent, toolRoleImpliesAgent } from '../../server/src/analyzers/agentContext';
import type { PyNode } from '../../server/src/analyzers/python/tree';
import { jsWalk } from '../../server/src/analyzers/js/calls';
import { analyzeJs } from '../../server/src/analyzers/js';
import { analyzePython } from '../../server/src/analyzers/python';
import { ready } from '../helpers/engine';

function pyCall(text: string, name: string): { root: PyNode; call: PyNode } {
  const v = analyzePython(text).view!;
  const call = v.root.descendantsOfType('call').find((c) => c.childForFieldName('function')?.text === name);
  assert.ok(call, name);
  return { root: v.root, call: call! };
}

function jsNew(text: string, name: string): { ast: TSESTree.Program; node: TSESTree.Node } {
  const v = analyzeJs('t.ts', text, true).view!;
  let node: TSESTree.Node | undefined;
  jsWalk(v.ast, (n) => { if (!node && n.type === 'NewExpression' && n.callee.type === 'Identifier' && n.callee.name === name) node = n; });
  assert.ok(node, name);
  return { ast: v.ast, node: node! };
}

describe('unit: agent context of tools', () => {
  before(ready);

  it('product and example code: a tool that exists is one an agent gets', () => {
    assert.ok(toolRoleImpliesAgent('product') && toolRoleImpliesAgent('example') && toolRoleImpliesAgent(undefined));
    assert.ok(!toolRoleImpliesAgent('test') && !toolRoleImpliesAgent('fixture') && !toolRoleImpliesAgent('tooling'));
    const { root, call } = pyCall('t = ShellTool()\nassert t._run("ls")\n', 'ShellTool');
    assert.ok(pyToolGivenToAgent(root, call, 'product'));
    assert.ok(!pyToolGivenToAgent(root, call, 'test'));
  });

  it('Python tests: only when the file hands the tool to an agent or model', () => {
    const cases: [string, boolean][] = [
      ['@pytest.fixture\ndef shell():\n    return ShellTool()\n\ndef test_a(shell):\n    assert shell._run("ls")\n', false],
      ['@pytest.fixture\ndef shell():\n    return ShellTool()\n\ndef test_a(shell, llm):\n    tools = [shell]\n    agent = create_react_agent(llm, tools)\n', true],
      ['def test_a(llm):\n    agent = AgentExecutor(agent=a, tools=[ShellTool()])\n', true],
      ['def test_a(llm):\n    t = ShellTool()\n    llm.bind_tools([t])\n', true],
      ['def test_a(llm):\n    tools = []\n    tools.append(ShellTool())\n    Agent(model=llm, tools=tools)\n', true],
      ['def test_a():\n    tools = ShellTool()\n    assert tools.run("x")\n\ndef test_b(llm):\n    tools = [Calculator()]\n    Agent(model=llm, tools=tools)\n', false],
      ['def test_a(client):\n    t = ShellTool()\n    client.chat.completions.create(model="m", messages=[], tools=[t.schema])\n', true],
    ];
    for (const [src, expected] of cases) {
      const { root, call } = pyCall(src, 'ShellTool');
      assert.strictEqual(pyToolGivenToAgent(root, call, 'test'), expected, src);
    }
  });

  it('JS tests: tools given to an agent, a model call or bound', () => {
    const cases: [string, boolean][] = [
      ["it('x', async () => { const t = new ShellTool(); expect(await t.invoke('ls')).toBe('a'); });\n", false],
      ["it('x', async () => { const shell = new ShellTool(); const agent = createReactAgent({ llm, tools: [shell] }); });\n", true],
      ["it('x', async () => { await generateText({ model, prompt: 'p', tools: { sh: new ShellTool() } }); });\n", true],
      ["function make() { return new ShellTool(); }\nit('x', () => { const a = new AgentExecutor({ agent, tools: [make()] }); });\n", true],
      ["it('a', () => { const t = new ShellTool(); t.invoke('x'); });\nit('b', () => { const t = new Calculator(); createReactAgent({ llm, tools: [t] }); });\n", false],
    ];
    for (const [src, expected] of cases) {
      const { ast, node } = jsNew(src, 'ShellTool');
      assert.strictEqual(jsToolGivenToAgent(ast, node, 'test'), expected, src);
    }
  });
});
