/** Starter texts the walkthrough's lead steps open (no vscode import: unit-tested against the config schema). */

export const TEAM_PACK_TEMPLATE = `# A team rule pack: save it in your repository, e.g. security/team.aisec-pack.yaml, and reference it from
# .aisec.yaml with:  extends: [{ pack: ./security/team.aisec-pack.yaml }]
# (add sha256: "<sha256sum of the file>" to refuse a pack whose content changed)
name: team-ai-security
version: 1.0.0
owner: "#team-appsec"
policy: { url: "https://wiki.example.com/ai-policy#{ruleId}" }
rules:
  torch-load-unsafe: error
  llm-call-without-token-limit: warning
definitions:
  - id: team-internal-hostname
    message: "Internal host {{match}} in a string: use the service registry"
    regex: '\\b[a-z0-9][a-z0-9-]{0,62}\\.internal\\.example\\.com\\b'
    scope: strings
`;

export const LEARNING_PATH_TEMPLATE = `learning:
  paths:
    - id: onboarding
      title: AI security onboarding
      modules:
        - id: keys
          title: Keys stay out of code and configs
          rules: [hardcoded-ai-provider-key, mcp-secret-in-config]
          exercises: ["rule:hardcoded-ai-provider-key"]
          notes: Ask #team-appsec where our keys live.
          due: 2027-01-31
          required: true
        - id: model-output
          title: Model output is untrusted input
          rules: [llm-output-code-execution, llm-output-sql-injection]
          exercises: ["rule:llm-output-code-execution"]
          required: false
`;

/** Does this parsed config define a learning path (a non-empty `learning.paths`)? */
export function hasLearningPath(config: unknown): boolean {
  if (!config || typeof config !== 'object') return false;
  const learning = (config as { learning?: unknown }).learning;
  if (!learning || typeof learning !== 'object') return false;
  const paths = (learning as { paths?: unknown }).paths;
  return Array.isArray(paths) && paths.length > 0;
}

/** The config text with the learning template appended (unless it already has a `learning:` section). */
export function withLearningTemplate(text: string): string | undefined {
  if (/^learning\s*:/m.test(text)) return undefined;
  const sep = !text ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return `${text}${sep}${LEARNING_PATH_TEMPLATE}`;
}
