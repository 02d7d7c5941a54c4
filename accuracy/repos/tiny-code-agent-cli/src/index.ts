#!/usr/bin/env node
import { createInterface } from "node:readline/promises";
import chalk from "chalk";
import { Agent } from "./agent.js";
import { loadConfig } from "./config.js";

function parseArgs(argv: string[]): { prompt?: string; yolo: boolean; model?: string } {
  const out: { prompt?: string; yolo: boolean; model?: string } = { yolo: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "-p" || argv[i] === "--prompt") out.prompt = argv[++i];
    else if (argv[i] === "--yolo") out.yolo = true;
    else if (argv[i] === "--model") out.model = argv[++i];
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cwd = process.cwd();
  const config = loadConfig(cwd, { yolo: args.yolo, ...(args.model ? { model: args.model } : {}) });
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const agent = new Agent(cwd, config, rl);

  if (args.prompt) {
    await agent.send(args.prompt);
    rl.close();
    return;
  }
  console.log(chalk.bold(`tca · ${config.model} · ${cwd}`), chalk.dim("(ctrl-c to quit)"));
  while (true) {
    const line = await rl.question(chalk.green("> "));
    if (!line.trim()) continue;
    await agent.send(line);
  }
}

main().catch((err) => {
  console.error(chalk.red(err instanceof Error ? err.message : String(err)));
  process.exit(1);
});
