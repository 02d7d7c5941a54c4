/**
 * File roles: what a file is for, so rules can tell the code a team ships from its tests, examples,
 * recorded data, generated code and vendored copies (CodeQL's test/generated classification, Semgrep's
 * default ignores). Pure: decided from the path (relative to the project/config root) and the text.
 *
 * Precedence: `.aisec.yaml` `roles` overrides (first listed role whose glob matches), then the path
 * (vendored > generated > fixture > test > example > docs > tooling, the outermost meaning wins over the
 * innermost: `vendor/x/tests/a.py` is vendored, `tests/fixtures/a.json` is a fixture), then the content
 * (generated-code headers, test-framework imports, recorded HTTP interactions), else product.
 */
import { minimatch } from 'minimatch';

export type FileRole = 'product' | 'test' | 'example' | 'docs' | 'fixture' | 'generated' | 'vendored' | 'tooling';

export const FILE_ROLES: readonly FileRole[] = ['product', 'test', 'example', 'docs', 'fixture', 'generated', 'vendored', 'tooling'];

/** `.aisec.yaml` `roles`: role -> minimatch globs relative to the config root. */
export type RoleOverrides = Partial<Record<FileRole, string[]>>;

/** How a role reads in a message: "in test code", "in an example". */
export const ROLE_PHRASE: Record<FileRole, string> = {
  product: 'in product code',
  test: 'in test code',
  example: 'in an example',
  docs: 'in documentation',
  fixture: 'in a fixture or recorded data',
  generated: 'in generated code',
  vendored: 'in vendored code',
  tooling: 'in a maintainer script',
};

// Folder names, matched against whole path segments (lower-cased).
const VENDORED_DIRS = new Set(['vendor', 'vendored', '_vendor', 'third_party', 'third-party', 'thirdparty', '3rdparty', 'site-packages', 'dist-packages', 'node_modules', 'bower_components', 'jspm_packages', '.venv', 'venv', '.tox', '.nox']);
const GENERATED_DIRS = new Set(['__generated__', 'generated', '.generated', 'gen-src', 'autogen', '_autogen']);
const FIXTURE_DIRS = new Set(['__fixtures__', 'fixtures', 'fixture', '__testfixtures__', 'testfixtures', 'test_fixtures', 'test-fixtures', 'testdata', 'test_data', 'test-data', 'testdata_', 'cassettes', 'cassette', 'vcr_cassettes', '__snapshots__', 'snapshots', '__recordings__', 'recordings', 'recorded', 'recorded_responses', 'golden', 'goldens']);
const TEST_DIRS = new Set(['test', 'tests', '__tests__', '__test__', 'testing', 'spec', '__specs__', 'e2e', '__mocks__', 'mocks', 'test_utils', 'testutils', 'test-utils']);
/** `unit_tests`, `integration-tests`, `standard_tests`, `tests_e2e`, `test-app`. */
const TEST_DIR_PATTERN = /^([a-z0-9]+[_-])+tests?$|^tests?([_-][a-z0-9]+)+$/;
const EXAMPLE_DIR_PATTERN = /^(examples?|cookbooks?|demos?|samples?|tutorials?|quickstarts?|quick-start|playgrounds?|showcase|recipes|starter-kits?)([_-][a-z0-9_-]*)?$/;
const DOCS_DIR_PATTERN = /^(docs?|_docs|documentation|docs[_-]src|docs[_-]source|website|mkdocs|sphinx)$/;
const TOOLING_DIRS = new Set(['scripts', 'bench', 'benches', 'benchmark', 'benchmarks']);

/** ` (in test code)` for a finding outside product code, '' inside it: appended where a finding is shown. */
export function roleSuffix(role: FileRole | undefined): string {
  return role && role !== 'product' ? ` (${ROLE_PHRASE[role]})` : '';
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function isTestFileName(name: string): boolean {
  if (name === 'conftest.py' || name === 'tests.py' || name === 'test.py') return true;
  if (/^test_.+\.pyw?$/.test(name) || /.+_tests?\.pyw?$/.test(name)) return true;
  // foo.test.ts, foo.spec.tsx, foo.e2e.js, foo.test-d.ts, foo-test.js
  if (/\.(test|spec|e2e|test-d|integration)\.[cm]?[jt]sx?$/.test(name)) return true;
  if (/[-_.]test\.[cm]?[jt]sx?$/.test(name) || /^test[-_].+\.[cm]?[jt]sx?$/.test(name)) return true;
  return false;
}

function isGeneratedFileName(name: string): boolean {
  return /_pb2(_grpc)?\.pyi?$/.test(name) || /_pb\.[cm]?[jt]s$/.test(name) || /\.pb\.[cm]?[jt]s$/.test(name) || /_grpc_pb\.[cm]?[jt]s$/.test(name)
    || /\.generated\.[a-z]+$/.test(name) || /\.gen\.[cm]?[jt]sx?$/.test(name);
}

function isFixtureFileName(name: string): boolean {
  return /\.(snap|cassette\.(json|ya?ml)|vcr\.(json|ya?ml)|recording\.(json|ya?ml))$/.test(name);
}

function isExampleFileName(name: string): boolean {
  const stem = name.replace(/\.[^.]+$/, '');
  return /^(examples?|demo|sample)([-_.].*)?$/.test(stem) || /[-_.](example|demo|sample)$/.test(stem);
}

/** The role a path alone implies, or undefined (then the content decides). */
export function roleFromPath(filePath: string): FileRole | undefined {
  const norm = filePath.replace(/\\/g, '/').toLowerCase();
  const parts = norm.split('/').filter((s) => s && s !== '.');
  const name = parts.pop() ?? '';
  const dirs = parts;
  const has = (pred: (d: string) => boolean) => dirs.some(pred);
  if (has((d) => VENDORED_DIRS.has(d))) return 'vendored';
  if (has((d) => GENERATED_DIRS.has(d)) || isGeneratedFileName(name)) return 'generated';
  if (has((d) => FIXTURE_DIRS.has(d)) || isFixtureFileName(name)) return 'fixture';
  if (has((d) => TEST_DIRS.has(d) || TEST_DIR_PATTERN.test(d)) || isTestFileName(name)) return 'test';
  if (has((d) => EXAMPLE_DIR_PATTERN.test(d)) || isExampleFileName(name)) return 'example';
  if (has((d) => DOCS_DIR_PATTERN.test(d))) return 'docs';
  if (has((d) => TOOLING_DIRS.has(d))) return 'tooling';
  return undefined;
}

const GENERATED_HEADER = /@generated\b|\bCode generated\b.*\bDO NOT EDIT\b|\bDO NOT EDIT\b.*\b(generated|autogenerated)\b|\b(auto-?generated|automatically generated|generated automatically|generated by)\b.*\b(do not (edit|modify)|changes .* (will be )?(lost|overwritten))/i;
const PY_TEST_IMPORT = /^\s*(import\s+(pytest|unittest)\b|from\s+(pytest|unittest|_pytest)\b[\w.]*\s+import\b)/m;
const PY_TEST_DEF = /^\s*(async\s+)?def\s+test_?\w*\s*\(|^\s*class\s+Test\w*\s*[(:]|\bunittest\.TestCase\b|\(\s*TestCase\s*\)/m;
const JS_TEST_IMPORT = /(?:from\s+|require\(\s*)['"](vitest|@jest\/globals|mocha|node:test|bun:test|@playwright\/test|ava|uvu|tap|chai|@testing-library\/[\w-]+|jest)['"]/;
const JS_TEST_CALL = /^\s*(describe|it|test|suite)(\.(each|only|skip|concurrent|todo)\b[^(]*)?\(\s*['"`]/m;
const JS_TEST_ASSERT = /\b(expect|assert)\s*[.(]/;

/** The role the text implies (for files whose path says nothing), or undefined. */
export function roleFromContent(filePath: string, text: string): FileRole | undefined {
  const head = text.length > 2048 ? text.slice(0, 2048) : text;
  // generated-code markers live in the first comment lines
  const headLines = head.split('\n').slice(0, 12).join('\n');
  if (GENERATED_HEADER.test(headLines)) return 'generated';
  const name = basename(filePath.replace(/\\/g, '/').toLowerCase());
  if (/\.(py|pyi|pyw)$/.test(name)) {
    if (PY_TEST_IMPORT.test(text) && PY_TEST_DEF.test(text)) return 'test';
    return undefined;
  }
  if (/\.[cm]?[jt]sx?$/.test(name)) {
    if (JS_TEST_IMPORT.test(text) && (JS_TEST_CALL.test(text) || JS_TEST_ASSERT.test(text))) return 'test';
    // jest/mocha globals without an import: top-level describe/it/test with assertions
    if (JS_TEST_CALL.test(text) && JS_TEST_ASSERT.test(text) && /^\s*(describe|suite)\s*\(/m.test(text)) return 'test';
    return undefined;
  }
  if (/\.(json|ya?ml)$/.test(name)) {
    // VCR / vcrpy / Polly / nock recordings: a list of recorded request/response interactions
    if (/^\s*"?(interactions|http_interactions|recordedRequests|log)"?\s*:/m.test(head) && /\b"?request"?\s*:/.test(head) && /\b"?response"?\s*:/.test(text)) return 'fixture';
  }
  return undefined;
}

function matchesGlob(filePath: string, glob: string): boolean {
  return minimatch(filePath, glob, { dot: true, matchBase: !glob.includes('/') });
}

/**
 * The role of one file. `filePath` is relative to the project (the nearest config's folder, else the
 * workspace/scan root), posix separators; `overrides` are the config's `roles` globs.
 */
export function fileRole(filePath: string, text: string, overrides?: RoleOverrides): FileRole {
  const norm = filePath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (overrides) {
    for (const [role, globs] of Object.entries(overrides) as [FileRole, string[] | undefined][]) {
      if (globs?.some((g) => matchesGlob(norm, g))) return role;
    }
  }
  return roleFromPath(norm) ?? roleFromContent(norm, text) ?? 'product';
}
