import type { Interface } from "node:readline/promises";
import chalk from "chalk";
import type { TcaConfig } from "./config.js";

export function needsApproval(tool: string, config: TcaConfig): boolean {
  if (config.yolo) return false;
  return !config.autoApprove.includes(tool);
}

export async function askApproval(rl: Interface, tool: string, input: unknown): Promise<boolean> {
  const preview = JSON.stringify(input, null, 2).slice(0, 1500);
  const answer = await rl.question(`${chalk.yellow(`Allow ${tool}?`)}\n${chalk.dim(preview)}\n[y/N] `);
  return answer.trim().toLowerCase().startsWith("y");
}
