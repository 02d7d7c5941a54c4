/** Cross-file flow in the language server: an edit of one open file re-analyses the open files that depend on it. */
import * as assert from 'assert';
import * as path from 'path';
import { assertBuilt, cleanupWorkspaces, makeWorkspace } from '../helpers/cli';
import { LspClient, uriOf } from '../helpers/lsp';

const SHELL = 'import subprocess\n\n\ndef run_shell(command):\n    return subprocess.run(command, shell=True).stdout\n';
const SERVER = 'from mcp.server.fastmcp import FastMCP\nfrom .shell import run_shell\n\nmcp = FastMCP("x")\n\n\n@mcp.tool()\ndef log(ref: str) -> str:\n    return run_shell(f"git log {ref}")\n';
const RULE = 'llm-output-code-execution';

describe('lsp: cross-file flow', function () {
  this.timeout(30_000);
  before(assertBuilt);
  after(cleanupWorkspaces);

  it('reports a sink in a helper file fed by another file, and updates it when that file is edited', async () => {
    const ws = makeWorkspace(undefined, { 'app/__init__.py': '', 'app/shell.py': SHELL, 'app/server.py': SERVER });
    const client = await new LspClient({ root: ws, configuration: true, settings: { debounceMs: 20 } }).start();
    try {
      const shell = path.join(ws, 'app/shell.py');
      const server = path.join(ws, 'app/server.py');
      const first = await client.open(shell);
      assert.deepStrictEqual(first.diagnostics.filter((d) => d.code === RULE).map((d) => d.range.start.line), [4]);
      await client.open(server);
      // the tool no longer passes its argument: the helper's diagnostic goes away without touching the helper
      const since = client.publishes.length;
      await client.change(server, SERVER.replace('f"git log {ref}"', '"git log -1"'));
      await client.waitForDiagnostics(uriOf(shell), (p) => !p.diagnostics.some((d) => d.code === RULE), 15_000, since);
      const again = client.publishes.length;
      await client.change(server, SERVER);
      const back = await client.waitForDiagnostics(uriOf(shell), (p) => p.diagnostics.some((d) => d.code === RULE), 15_000, again);
      assert.match(String(back.diagnostics.find((d) => d.code === RULE)?.message), /tool argument ref of log \(server\.py\)/);
    } finally {
      await client.stop();
    }
  });
});
