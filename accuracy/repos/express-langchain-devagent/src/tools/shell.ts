import { exec } from "node:child_process";
import { promisify } from "node:util";
import { tool } from "@langchain/core/tools";
import { z } from "zod";
import { config } from "../config.js";
import { truncate } from "../lib/workspace.js";

const execAsync = promisify(exec);

export const ALLOWED_COMMANDS = new Set(["ls", "cat", "git", "npm", "npx", "node", "tsc", "vitest", "eslint", "prettier"]);

export function isAllowed(command: string): boolean {
  const binary = command.trim().split(/\s+/)[0] ?? "";
  return ALLOWED_COMMANDS.has(binary);
}

export const runCommandTool = tool(
  async ({ command }) => {
    if (!isAllowed(command)) {
      return `Command not allowed. Allowed: ${[...ALLOWED_COMMANDS].join(", ")}`;
    }
    try {
      const { stdout, stderr } = await execAsync(command, {
        cwd: config.workspace,
        timeout: config.commandTimeoutMs,
        maxBuffer: 4 * 1024 * 1024,
      });
      return truncate([stdout, stderr].filter(Boolean).join("\n"));
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string; message: string };
      return truncate(`exit != 0\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`);
    }
  },
  {
    name: "run_command",
    description: "Run a command in the workspace, e.g. `npm test` or `git diff`. Only some binaries are allowed.",
    schema: z.object({ command: z.string() }),
  },
);
