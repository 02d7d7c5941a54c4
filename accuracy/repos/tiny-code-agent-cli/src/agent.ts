import Anthropic from "@anthropic-ai/sdk";
import type { Interface } from "node:readline/promises";
import chalk from "chalk";
import { projectInstructions, type TcaConfig } from "./config.js";
import { askApproval, needsApproval } from "./permissions.js";
import { toolDefinitions } from "./tools/definitions.js";
import { executeTool, type ToolInput } from "./tools/index.js";

const BASE_SYSTEM = `You are tca, a coding agent working in the user's project at {cwd}.
Use tools to inspect the code before changing it. Make minimal edits with edit_file.
After editing, run the project's tests with bash when there are any. Be concise.`;

export class Agent {
  private client = new Anthropic();
  private messages: Anthropic.MessageParam[] = [];

  constructor(private readonly cwd: string, private readonly config: TcaConfig, private readonly rl: Interface) {}

  private system(): string {
    const instructions = projectInstructions(this.cwd);
    const base = BASE_SYSTEM.replace("{cwd}", this.cwd);
    return instructions ? `${base}\n\n# Project instructions\n${instructions}` : base;
  }

  async send(userText: string): Promise<void> {
    this.messages.push({ role: "user", content: userText });
    for (let turn = 0; turn < this.config.maxTurns; turn++) {
      const response = await this.client.messages.create({
        model: this.config.model,
        max_tokens: this.config.maxTokens,
        system: this.system(),
        tools: toolDefinitions,
        messages: this.messages,
      });
      this.messages.push({ role: "assistant", content: response.content });

      const toolUses = response.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
      for (const block of response.content) if (block.type === "text") console.log(block.text);
      if (response.stop_reason !== "tool_use" || toolUses.length === 0) return;

      const results: Anthropic.ToolResultBlockParam[] = [];
      for (const use of toolUses) {
        const input = use.input as ToolInput;
        console.log(chalk.cyan(`⚙ ${use.name}`), chalk.dim(JSON.stringify(input).slice(0, 200)));
        if (needsApproval(use.name, this.config) && !(await askApproval(this.rl, use.name, input))) {
          results.push({ type: "tool_result", tool_use_id: use.id, content: "The user denied this tool call.", is_error: true });
          continue;
        }
        try {
          results.push({ type: "tool_result", tool_use_id: use.id, content: await executeTool(use.name, input, this.cwd) });
        } catch (err) {
          results.push({ type: "tool_result", tool_use_id: use.id, content: `Error: ${(err as Error).message}`, is_error: true });
        }
      }
      this.messages.push({ role: "user", content: results });
    }
    console.log(chalk.red(`Stopped after ${this.config.maxTurns} turns.`));
  }
}
