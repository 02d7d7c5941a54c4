/** The effective configuration the engine receives (already resolved by packs/). */
import type { LearningConfig } from '../learning/paths';
import type { RoleOverrides } from './fileRole';
import type { OwaspLlmId, Severity, SeverityOrOff } from './model';

export interface RuleSetting {
  severity: SeverityOrOff;
  options: Record<string, unknown>;
}

export interface PolicyConfig {
  /** URL template; `{ruleId}`, `{owasp}` (e.g. llm01) and `{category}` are filled in. */
  url?: string;
  /** Per-rule URL overrides (templates too). */
  rules?: Record<string, string>;
  /** Per-OWASP-category URL overrides, keyed LLM01..LLM10. */
  categories?: Partial<Record<OwaspLlmId, string>>;
  /** Contact shown with every finding. */
  owner?: string;
  /** Per-rule owner overrides. */
  owners?: Record<string, string>;
  /** The team's notes per rule id (markdown), shown in the rule's lesson. */
  notes?: Record<string, string>;
}

export interface ConfigSuppression {
  /** minimatch glob, relative to the config's root. */
  path: string;
  rule: string;
  reason: string;
  until?: string;
  by?: string;
}

/**
 * What the caller knows about the workspace around a file (manifests, lockfiles, local modules), as data:
 * the engine and rules never read files. Filled by workspace/manifests.ts for the CLI and the language server.
 */
export interface WorkspacePackages {
  /** Python distributions declared in manifests/lockfiles, PEP 503 normalised; undefined when no Python manifest was found. */
  pythonPackages?: string[];
  /** npm packages declared in package.json files/lockfiles (and the workspace's own package names); undefined when none was found. */
  npmPackages?: string[];
  /** Top-level names that resolve inside the workspace (Python modules and packages, source folders, tsconfig path aliases). */
  localModules?: string[];
  /** Manifest files found, relative to the workspace root (for messages). */
  manifests?: string[];
  /** Exact versions the manifests pin (`name==1.2.3`, lockfile entries), PEP 503 name -> version; nearest manifest wins. */
  pythonPins?: Record<string, string>;
  /** Exact versions the manifests pin (package.json `"1.2.3"`, package-lock entries), name -> version. */
  npmPins?: Record<string, string>;
  /** Names of the package.json files of the file's own folder and the folders above it (nearest first): the project's own packages. */
  npmOwnPackages?: string[];
  /** `homepage` and `repository` URLs of those package.json files (nearest first): the project's own hosts. */
  projectUrls?: string[];
}

export interface EffectiveConfig {
  /** Explicit settings; rules not listed use their default (on at default severity unless opt-in). */
  rules: Record<string, RuleSetting>;
  /** minimatch globs of files to skip, relative to `root`. */
  ignore: string[];
  /** `roles` overrides: role -> minimatch globs relative to the config root (see engine/fileRole.ts). */
  roles?: RoleOverrides;
  policy: PolicyConfig;
  suppressions: ConfigSuppression[];
  /** Files larger than this many UTF-16 units are skipped with a message. */
  maxFileSize: number;
  /** Today's date (YYYY-MM-DD) for suppression expiry; supplied by the caller (the engine has no clock). */
  today?: string;
  /** Declared dependencies and local modules of the workspace, supplied by the caller (see WorkspacePackages). */
  workspace?: WorkspacePackages;
  /** Team learning paths (`learning:` of the config and its packs; see learning/paths.ts). */
  learning?: LearningConfig;
}

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export function defaultConfig(): EffectiveConfig {
  return { rules: {}, ignore: [], policy: {}, suppressions: [], maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

export function effectiveSeverity(config: EffectiveConfig, ruleId: string, defaultSeverity: Severity, optIn: boolean | undefined): SeverityOrOff {
  const s = config.rules[ruleId];
  if (s) return s.severity;
  return optIn ? 'off' : defaultSeverity;
}
