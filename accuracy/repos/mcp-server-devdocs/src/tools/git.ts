import { exec, execFile } from "node:child_process";
import { promisify } from "node:util";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Config } from "../lib/config.js";

const execAsync = promisify(exec);
const execFileAsync = promisify(execFile);

const SHA = /^[0-9a-f]{7,40}$/i;

export function registerGitTools(server: McpServer, config: Config) {
  server.registerTool(
    "git_log",
    {
      title: "Recent commits",
      description: "Show recent commits of the repository (one line each), optionally only those touching a path.",
      inputSchema: {
        limit: z.number().int().min(1).max(100).default(20),
        path: z.string().max(300).optional().describe("Only commits touching this path (relative to the repository)"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ limit, path }) => {
      const cmd = `git log --oneline --no-color -n ${limit}` + (path ? ` -- "${path}"` : "");
      const { stdout } = await execAsync(cmd, { cwd: config.repoRoot, maxBuffer: 1024 * 1024 });
      return { content: [{ type: "text", text: stdout || "(no commits)" }] };
    },
  );

  server.registerTool(
    "git_show",
    {
      title: "Show a commit",
      description: "Show one commit's author, date, message and the list of changed files.",
      inputSchema: { sha: z.string().regex(SHA, "a commit SHA (7-40 hex characters)") },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ sha }) => {
      const { stdout } = await execFileAsync("git", ["show", "--stat", "--no-color", "--format=fuller", sha], {
        cwd: config.repoRoot,
        maxBuffer: 1024 * 1024,
      });
      return { content: [{ type: "text", text: stdout }] };
    },
  );
}
