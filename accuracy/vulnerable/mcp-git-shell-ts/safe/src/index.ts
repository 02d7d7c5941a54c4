import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { runGit } from "./git.js";

const execFileAsync = promisify(execFile);
const server = new McpServer({ name: "git-helper", version: "0.2.2" });
const BRANCH = /^[A-Za-z0-9._\/-]{1,100}$/;

server.tool(
  "git_log",
  "Show the recent commits of a repository",
  { repoPath: z.string(), branch: z.string().regex(BRANCH).default("main") },
  async ({ repoPath, branch }) => {
    const { stdout } = await execFileAsync("git", ["-C", repoPath, "log", "--oneline", "-n", "20", branch]);
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
