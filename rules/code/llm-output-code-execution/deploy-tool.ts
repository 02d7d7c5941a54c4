// An MCP deploy tool: the app name the model chose is used only when the app already exists; a new app's
// name comes back from the platform API.
import { execSync } from 'child_process';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

declare const platform: { createApp(): Promise<{ name: string; gitUrl: string }>; findApp(name: string): Promise<boolean> };

const server = new McpServer({ name: 'deploy', version: '1.0.0' });

async function existingApp(name: string) {
  return { name, gitUrl: `https://git.example.com/${name}.git` };
}

server.tool('deploy', { name: z.string() }, async ({ name }) => {
  const exists = await platform.findApp(name);
  const app = exists ? await existingApp(name) : await platform.createApp();
  if (!exists && app) {
    // only the new app's name from the API reaches the command line
    // ok: llm-output-code-execution
    execSync(`git remote add deploy-${app.name} ${app.gitUrl}`);
  }
  if (exists && app) {
    // the name the model chose, formatted into a command line
    // ruleid: llm-output-code-execution
    execSync(`git remote set-url deploy-${app.name} ${app.gitUrl}`);
  }
  return { content: [{ type: 'text', text: 'deployed' }] };
});
