import path from "node:path";

export interface Config {
  /** Absolute, symlink-resolved docs root. */
  docsRoot: string;
  /** Repository the docs belong to (git commands run here). */
  repoRoot: string;
  githubRepo?: string;
  githubToken?: string;
  maxFileBytes: number;
}

const REPO_SLUG = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  const docsArg = argv[0];
  if (!docsArg) throw new Error("usage: mcp-server-devdocs <docs-folder> [repo-folder]");
  const docsRoot = path.resolve(docsArg);
  const repoRoot = path.resolve(argv[1] ?? path.dirname(docsRoot));
  const githubRepo = env.DEVDOCS_GITHUB_REPO;
  if (githubRepo && !REPO_SLUG.test(githubRepo)) throw new Error(`DEVDOCS_GITHUB_REPO must look like owner/name, got ${githubRepo}`);
  return {
    docsRoot,
    repoRoot,
    githubRepo,
    githubToken: env.GITHUB_TOKEN || undefined,
    maxFileBytes: Number(env.DEVDOCS_MAX_FILE_BYTES ?? 256 * 1024),
  };
}
