import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { exec } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { runGit } from "./git.js";

const execAsync = promisify(exec);
const server = new McpServer({ name: "git-helper", version: "0.2.1" });

server.tool(
  "git_log",
  "Show the recent commits of a repository",
  { repoPath: z.string(), branch: z.string().default("main") },
  async ({ repoPath, branch }) => {
    const cmd = `git -C ${repoPath} log --oneline -n 20 ${branch}`;
    const { stdout } = await execAsync(cmd);
    return { content: [{ type: "text", text: stdout }] };
  },
);

server.tool(
  "git_diff",
  "Show the diff of a file",
  { repoPath: z.string(), file: z.string() },
  async ({ repoPath, file }) => {
    const out = runGit(repoPath, ["diff", "--", file]);
    return { content: [{ type: "text", text: out }] };
  },
);

await server.connect(new StdioServerTransport());
