// A test script of an example extension, shipped from a monorepo: it imports the agent's sources by their
// path from the repository root (resolved by the repository's baseUrl), not by a package name.
import { readFileSync } from "fs";
// ok: unknown-package-import
import { getAgentDir } from "packages/coding-agent/src/config.js";
// ok: unknown-package-import
import { loadSettings } from "apps/agent/src/settings.ts";
// ok: unknown-package-import
import { withRetry } from "libs/http/retry/index";
// ruleid: unknown-package-import
import { streamDuo } from "gitlab-duo-streamzz/client";
// ruleid: unknown-package-import
import { tokenize } from "packages-tokenizerzz";

export function main(): void {
  const dir = getAgentDir();
  console.log(readFileSync(dir, "utf8"), loadSettings(), withRetry, streamDuo, tokenize);
}
