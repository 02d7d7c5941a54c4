// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A community MCP git server shaped like mcp-git: a manager class runs git without a shell and the tools/call
// handler passes the model's arguments through the manager's methods, so the argument array is built by the callers.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { spawnSync } from 'node:child_process';

class GitManager {
  run(repoPath, args) {
    // ruleid: tool-argument-option-injection
    const result = spawnSync('git', args, { cwd: repoPath, encoding: 'utf-8' });
    if (result.status !== 0) throw new Error(`git failed: ${result.stderr}`);
    return result.stdout;
  }
  status(repoPath) {
    return this.run(repoPath, ['status']);
  }
  diff(repoPath, target) {
    // `git diff --output=/home/me/.bashrc` overwrites a file
    return this.run(repoPath, ['diff', target]);
  }
  log(repoPath, maxCount = 10) {
    return this.run(repoPath, ['log', `-n${Number(maxCount)}`, '--oneline']);
  }
}

const git = new GitManager();
const server = new Server({ name: 'git', version: '1.0.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = request.params.arguments;
  switch (request.params.name) {
    case 'git_status':
      return { content: [{ type: 'text', text: git.status(args.repo_path) }] };
    case 'git_diff':
      return { content: [{ type: 'text', text: git.diff(args.repo_path, args.target) }] };
    case 'git_log':
      return { content: [{ type: 'text', text: git.log(args.repo_path, args.max_count) }] };
    default:
      throw new Error('unknown tool');
  }
});

await server.connect(new StdioServerTransport());
