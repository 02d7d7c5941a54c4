// @ts-nocheck (fixture: analysed by AISec, not compiled)
// An MCP server for a docs repository whose tools take commit SHAs and branch names validated by zod patterns.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { z } from 'zod';

const execFileAsync = promisify(execFile);
const server = new McpServer({ name: 'devdocs', version: '1.0.0' });
const SHA = /^[0-9a-f]{7,40}$/;
/** Allows "-" anywhere, the first character included. */
const BRANCH = /^[A-Za-z0-9._\/-]{1,100}$/;

server.registerTool(
  'git_show',
  { description: 'Show one commit', inputSchema: { sha: z.string().regex(SHA, 'a commit SHA') } },
  async ({ sha }) => {
    // ok: tool-argument-option-injection
    const { stdout } = await execFileAsync('git', ['show', '--stat', '--no-color', sha], { cwd: '/srv/docs' });
    return { content: [{ type: 'text', text: stdout }] };
  },
);

server.registerTool(
  'git_log',
  { description: 'Recent commits of a branch', inputSchema: { branch: z.string().regex(BRANCH) } },
  async ({ branch }) => {
    // ruleid: tool-argument-option-injection
    const { stdout } = await execFileAsync('git', ['log', '--oneline', '-n', '20', '--end-of-options', branch], { cwd: '/srv/docs' });
    return { content: [{ type: 'text', text: stdout }] };
  },
);

server.registerTool(
  'git_tag_show',
  { description: 'Show a release tag', inputSchema: { tag: z.string().regex(/^v\d+\.\d+\.\d+$/) } },
  async ({ tag }) => {
    // ok: tool-argument-option-injection
    const { stdout } = await execFileAsync('git', ['show', tag], { cwd: '/srv/docs' });
    return { content: [{ type: 'text', text: stdout }] };
  },
);

server.registerTool(
  'fetch_page',
  { description: 'Download a page', inputSchema: { url: z.string().url() } },
  async ({ url }) => {
    // ok: tool-argument-option-injection
    const { stdout } = await execFileAsync('curl', ['-sL', url]);
    return { content: [{ type: 'text', text: stdout }] };
  },
);
