import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface TcaConfig {
  model: string;
  autoApprove: string[];
  maxTurns: number;
  maxTokens: number;
  yolo: boolean;
}

const DEFAULTS: TcaConfig = {
  model: "claude-sonnet-4-20250514",
  autoApprove: ["read_file", "list_files"],
  maxTurns: 40,
  maxTokens: 8192,
  yolo: false,
};

export function loadConfig(cwd: string, overrides: Partial<TcaConfig> = {}): TcaConfig {
  const file = path.join(cwd, ".tca.json");
  const fromFile = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<TcaConfig>) : {};
  return { ...DEFAULTS, ...fromFile, ...overrides };
}

export function projectInstructions(cwd: string): string {
  for (const name of ["AGENTS.md", "CLAUDE.md"]) {
    const file = path.join(cwd, name);
    if (existsSync(file)) return readFileSync(file, "utf8").slice(0, 20_000);
  }
  return "";
}
