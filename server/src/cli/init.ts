/** `aisec init`: writes a commented starter .aisec.yaml; never overwrites one without --force. */
import * as fs from 'fs';
import * as path from 'path';
import { PRESETS } from '../packs/presets';
import { UsageError } from './args';

export function starterConfig(): string {
  const presets = PRESETS.map((p) => `#   ${p.name.padEnd(20)} ${p.description}`).join('\n');
  return `# AISec configuration. The editor and \`aisec scan\` read the same file: for each file, the nearest
# .aisec.yaml walking up to the workspace root wins. See README "Configuration" and "Team rule packs".
#
# Built-in presets (derived from rule metadata):
${presets}
extends:
  - aisec:recommended
  # A team pack (relative path, or an npm package from the workspace's node_modules), optionally pinned:
  # - { pack: ./security/team.aisec-pack.yaml, sha256: <sha256sum of the file> }

# Per-rule severity: off | info | warning | error (or { severity, options }). \`aisec rules\` lists the ids
# and shows where each setting comes from.
rules: {}
  # llm-call-without-token-limit: warning
  # undelimited-prompt-variable: info

# Files to skip (minimatch globs, relative to this file).
ignore:
  - "**/node_modules/**"
  - "**/test/fixtures/**"

# Where a finding points developers (the diagnostic link, the hover and SARIF helpUri) and who owns it.
# {ruleId}, {owasp} (llm01) and {category} (LLM01) are filled in.
policy: {}
  # url: https://wiki.example.com/ai-security/{ruleId}
  # owner: "#ai-security"
  # categories: { LLM06: https://wiki.example.com/ai-security/agents }

# Suppressions for files that cannot hold comments: a reason is required, a date makes it expire.
suppressions: []
  # - { path: "fixtures/mcp.json", rule: mcp-insecure-transport, reason: "local test server", until: 2026-12-31, by: "@alice" }
`;
}

export function initCommand(positionals: string[], flags: Map<string, string | true>): number {
  if (positionals.length > 1) throw new UsageError('init takes at most one directory');
  const dir = path.resolve(positionals[0] ?? '.');
  const file = path.join(dir, '.aisec.yaml');
  for (const other of ['.aisec.yaml', '.aisec.yml', '.aisec.json']) {
    const p = path.join(dir, other);
    if (fs.existsSync(p) && !flags.has('--force')) throw new UsageError(`${path.relative(process.cwd(), p) || p} already exists; use --force to overwrite it`);
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, starterConfig());
  process.stdout.write(`aisec: wrote ${path.relative(process.cwd(), file) || file}\n`);
  return 0;
}
