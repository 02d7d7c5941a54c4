import "dotenv/config";
import path from "node:path";

export const config = {
  port: Number(process.env.PORT ?? 8787),
  model: process.env.OPENAI_MODEL ?? "gpt-4o",
  workspace: path.resolve(process.env.WORKSPACE_DIR ?? "./workspace"),
  token: process.env.DEVAGENT_TOKEN ?? "",
  commandTimeoutMs: 30_000,
  maxSteps: 25,
};
