/** Workspace manifests (workspace/manifests.ts) and the rules that use them through config.workspace. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  parseCondaEnvironment, parsePackageJson, parsePins, parsePackageLock, parsePipfile, parsePnpmLock, parsePyproject, parsePythonLock,
  parseRequirements, parseSetupCfg, parseSetupPy, parseTsconfigAliases, parseYarnLock, readWorkspacePackages, requirementName,
  resolveTsconfig, WorkspaceIndex,
} from '../../server/src/workspace/manifests';
import { defaultScanRoot } from '../../server/src/workspace/scan';
import { isProjectOwnUrl } from '../../server/src/analyzers/prompt/projectHosts';
import { isLocalModule } from '../../server/src/packages';
import { findInstallCommands } from '../../server/src/packages/installCommands';
import { editDistance, likelyTyposquat } from '../../server/src/packages';
import { allRulesConfig, ready, run } from '../helpers/engine';

describe('unit: workspace manifests', () => {
  it('requirement names: extras, markers, specifiers, URLs, PEP 503', () => {
    assert.strictEqual(requirementName('Foo_Bar.baz[extra]>=1.0; python_version < "3.9"'), 'foo-bar-baz');
    assert.strictEqual(requirementName('torch @ https://download.example/torch.whl'), 'torch');
    assert.strictEqual(requirementName('git+https://example.invalid/x.git#egg=My_Pkg'), 'my-pkg');
    assert.strictEqual(requirementName('./local/path'), undefined);
    assert.strictEqual(requirementName('requests'), 'requests');
  });

  it('requirements.txt: comments, continuations, options, includes', () => {
    const r = parseRequirements('# deps\n-r base.txt\n-c constraints.txt\n--index-url https://x\nrequests==2.32.0 \\\n  --hash=sha256:abc\nPyYAML>=6 # yaml\n-e .\n-e git+https://h/x.git#egg=tool\nlangchain[openai]; python_version>"3.8"\n');
    assert.deepStrictEqual(r.names, ['requests', 'pyyaml', 'tool', 'langchain']);
    assert.deepStrictEqual(r.includes, ['base.txt', 'constraints.txt']);
  });

  it('pyproject.toml: PEP 621, optional deps, dependency groups, poetry, uv', () => {
    const text = `[build-system]
requires = ["hatchling"]

[project]
name = "demo"
dependencies = [
  "openai>=1.0",  # client
  "Anthropic[bedrock]",
]

[project.optional-dependencies]
rag = ["chromadb", 'sentence_transformers']

[dependency-groups]
dev = ["pytest"]

[tool.poetry.dependencies]
python = "^3.11"
langchain = { version = "^0.2", extras = ["openai"] }

[tool.poetry.group.test.dependencies]
hypothesis = "*"

[tool.uv]
dev-dependencies = ["ruff"]
`;
    assert.deepStrictEqual(parsePyproject(text).sort(), ['anthropic', 'chromadb', 'hatchling', 'hypothesis', 'langchain', 'openai', 'pytest', 'ruff', 'sentence-transformers']);
  });

  it('setup.cfg, setup.py, Pipfile, environment.yml, uv.lock / poetry.lock', () => {
    assert.deepStrictEqual(parseSetupCfg('[metadata]\nname = x\n\n[options]\ninstall_requires =\n    requests>=2\n    pydantic\npackages = find:\n\n[options.extras_require]\ndev =\n    pytest\n'), ['requests', 'pydantic', 'pytest']);
    assert.deepStrictEqual(parseSetupPy('setup(name="x", install_requires=["numpy>=1", \'scipy\'], extras_require={"viz": ["matplotlib"]})'), ['numpy', 'scipy', 'matplotlib']);
    assert.deepStrictEqual(parsePipfile('[[source]]\nurl = "https://pypi.org/simple"\n\n[packages]\nflask = "*"\n"python-dotenv" = "*"\n\n[dev-packages]\nblack = "*"\n\n[requires]\npython_version = "3.11"\n'), ['flask', 'python-dotenv', 'black']);
    assert.deepStrictEqual(parseCondaEnvironment('name: ml\nchannels: [conda-forge]\ndependencies:\n  - python=3.11\n  - conda-forge::numpy=1.26\n  - pip\n  - pip:\n    - openai==1.40.0\n    - -r requirements.txt\n'), ['numpy', 'openai']);
    assert.deepStrictEqual(parsePythonLock('version = 1\n\n[[package]]\nname = "httpx"\nversion = "0.27.0"\n\n[[package]]\nname = "Jinja2"\nversion = "3.1"\n'), ['httpx', 'jinja2']);
  });

  it('package.json and npm / pnpm / yarn lockfiles', () => {
    assert.deepStrictEqual(parsePackageJson('{"name":"app","dependencies":{"openai":"^4"},"devDependencies":{"@types/node":"20"},"peerDependencies":{"react":"*"},"optionalDependencies":{"fsevents":"*"}}'), ['app', 'openai', '@types/node', 'react', 'fsevents']);
    assert.deepStrictEqual(parsePackageJson('{ not json'), []);
    assert.deepStrictEqual(parsePackageLock('{"packages":{"":{},"node_modules/zod":{"version":"3"},"node_modules/@ai-sdk/openai":{},"node_modules/a/node_modules/b":{}}}').sort(), ['@ai-sdk/openai', 'b', 'zod']);
    assert.deepStrictEqual(parsePnpmLock("lockfileVersion: '9.0'\n\nimporters:\n  .:\n    dependencies:\n      openai:\n        specifier: ^4\n\npackages:\n  '@langchain/core@0.2.0':\n    resolution: {}\n  zod@3.23.8:\n    resolution: {}\n  /lodash@4.17.21:\n    resolution: {}\n").sort(), ['@langchain/core', 'lodash', 'openai', 'zod']);
    assert.deepStrictEqual(parseYarnLock('# yarn lockfile v1\n\n"@babel/core@^7.0.0", "@babel/core@^7.1.0":\n  version "7.24.0"\n\nlodash@^4.17.21:\n  version "4.17.21"\n').sort(), ['@babel/core', 'lodash']);
    assert.deepStrictEqual(parseTsconfigAliases('{"compilerOptions":{"baseUrl":".","paths":{"@app/*":["src/app/*"],"~lib/*":["lib/*"]}}}'), ['@app', '~lib']);
  });

  it('readWorkspacePackages: walks manifests and local modules, follows -r, bounded', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-ws-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), text);
    };
    write('requirements.txt', '-r requirements/base.txt\nopenai\n');
    write('requirements/base.txt', 'fastapi\n');
    write('web/package.json', '{"name":"@acme/web","dependencies":{"react":"18"}}');
    write('node_modules/evil/package.json', '{"dependencies":{"never-read":"1"}}');
    write('myapp/__init__.py', '');
    write('scripts/helpers_local.py', '');
    try {
      const ws = readWorkspacePackages(tmp);
      assert.deepStrictEqual(ws.pythonPackages, ['fastapi', 'openai']);
      assert.deepStrictEqual(ws.npmPackages, ['@acme/web', 'react']);
      assert.ok(ws.localModules?.includes('myapp') && ws.localModules.includes('helpers_local'));
      assert.deepStrictEqual(ws.manifests?.sort(), ['requirements.txt', 'requirements/base.txt', 'web/package.json']);
      assert.strictEqual(readWorkspacePackages(path.join(tmp, 'myapp')).pythonPackages, undefined);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('unit: package names', () => {
  it('edit distance with swaps, bounded', () => {
    assert.strictEqual(editDistance('reqeusts', 'requests', 2), 1);
    assert.strictEqual(editDistance('abc', 'xyz', 1), 2);
  });

  it('typosquat candidates: misspellings yes, known names and short or common words no', () => {
    assert.strictEqual(likelyTyposquat('reqeusts', 'python')?.intended, 'requests');
    assert.strictEqual(likelyTyposquat('llamaindex', 'python')?.dist, 'llama-index');
    assert.strictEqual(likelyTyposquat('@antropic-ai/sdk', 'npm')?.intended, '@anthropic-ai/sdk');
    for (const n of ['requests', 'sklearn', 'cv2', 'utils', 'agent', 'schemas', 'boto']) assert.strictEqual(likelyTyposquat(n, 'python'), undefined, n);
    assert.strictEqual(likelyTyposquat('vue2', 'npm'), undefined);
  });

  it('install commands: pip, python -m pip, npm, npx -p, magics, skip paths and options', () => {
    const names = (s: string) => findInstallCommands(s).map((n) => `${n.ecosystem}:${n.name}`);
    assert.deepStrictEqual(names('!pip install -q -U "langchain[openai]>=0.2" openai==1.0 -r req.txt ./local git+https://x/y.git'), ['python:langchain', 'python:openai']);
    assert.deepStrictEqual(names('python3 -m pip install --index-url https://x torch && npm i -D @types/node zod@3 user/repo'), ['python:torch', 'npm:@types/node', 'npm:zod']);
    assert.deepStrictEqual(names('npx -y create-next-app@latest my-app; npx -p @scope/tool tool-cli --flag'), ['npm:create-next-app', 'npm:@scope/tool']);
    const [first] = findInstallCommands('$ pip install reqeusts');
    assert.deepStrictEqual([first.start, first.end], [14, 22]);
  });
});

describe('unit: package rules with config.workspace', () => {
  before(ready);
  const withWs = (pythonPackages?: string[], npmPackages?: string[], localModules: string[] = []) => ({ ...allRulesConfig(), workspace: { pythonPackages, npmPackages, localModules, manifests: ['requirements.txt'] } });
  const ids = (r: ReturnType<typeof run>, id: string) => r.findings.filter((f) => f.ruleId === id).map((f) => `${f.range.start.line + 1}:${f.messageId}`);

  it('unknown-package-import reports undeclared unknown imports only when manifests exist', () => {
    const py = 'import openai\nimport totally_made_up_sdk\nimport numpy\nimport localpkg\nfrom google.cloud import storage\ntry:\n    import another_invented_lib\nexcept ImportError:\n    pass\n';
    assert.deepStrictEqual(ids(run('app.py', py, withWs(['openai', 'google-cloud-storage'], undefined, ['localpkg'])), 'unknown-package-import'), ['2:undeclared']);
    assert.deepStrictEqual(ids(run('app.py', py), 'unknown-package-import'), []);
    assert.deepStrictEqual(ids(run('app.py', py, withWs(undefined, ['react'])), 'unknown-package-import'), [], 'no Python manifest: no undeclared report');
    const ts = "import x from 'made-up-ai-helper-kit';\nimport React from 'react';\nimport * as vscode from 'vscode';\n";
    assert.deepStrictEqual(ids(run('a.ts', ts, withWs(undefined, ['react', '@types/vscode'])), 'unknown-package-import'), ['1:undeclared']);
  });

  it('a declared name is not reported even when it looks like a typo', () => {
    assert.deepStrictEqual(ids(run('app.py', 'import reqeusts\n', withWs(['reqeusts'])), 'unknown-package-import'), []);
    assert.deepStrictEqual(ids(run('AGENTS.md', 'Run `pip install reqeusts`.\n', withWs(['reqeusts'])), 'typosquat-install-command'), []);
    assert.deepStrictEqual(ids(run('AGENTS.md', 'Run `pip install reqeusts`.\n'), 'typosquat-install-command'), ['1:typosquat']);
  });
});

describe('unit: per-file workspace packages (WorkspaceIndex)', () => {
  before(ready);
  let tmp: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-wsi-'));
    // a pnpm monorepo after the layout of an AI SDK: packages, examples, a tools folder, shared tsconfig
    write('package.json', JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*', 'examples/*'], devDependencies: { vitest: '2' } }));
    write('tsconfig.base.json', '{\n  // shared\n  "compilerOptions": { "paths": { "@internal/testing": ["./packages/test-utils/src"], "@repo/*": ["./tools/*"], }, },\n}\n');
    write('packages/ai/package.json', JSON.stringify({ name: 'ai', dependencies: { '@ai-sdk/provider': 'workspace:*' } }));
    write('packages/ai/tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { baseUrl: 'src' } }));
    write('packages/ai/src/util/retry.ts', 'export const r = 1;\n');
    write('packages/ai/src/generate-text.ts', '');
    write('packages/provider/package.json', JSON.stringify({ name: '@ai-sdk/provider' }));
    write('examples/next/package.json', JSON.stringify({ name: 'next-example', dependencies: { next: '15', 'acme-private-kit': '1' } }));
    write('examples/next/tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { paths: { '@/*': ['./*'], '$ui/*': ['./ui/*'] } } }));
    write('examples/next/app/page.tsx', '');
    write('examples/express/package.json', JSON.stringify({ name: 'express-example', dependencies: { express: '5' } }));
    write('examples/express/server.ts', '');
    // a Python project in the same repository, with a src layout and tests
    write('python/pyproject.toml', '[project]\nname = "acme-agent"\ndependencies = ["openai"]\n');
    write('python/src/acme_agent/__init__.py', '');
    write('python/src/acme_agent/tools/shell.py', '');
    write('python/tests/helpers_mod.py', '');
    write('python/tests/test_x.py', '');
    write('scripts/release.py', '');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('each file sees its own folder and the folders above it, nearest first, never a sibling project', () => {
    const index = new WorkspaceIndex(tmp);
    const express = index.forFile(path.join(tmp, 'examples/express/server.ts'));
    assert.deepStrictEqual(express.manifests, ['examples/express/package.json', 'package.json']);
    assert.ok(express.npmPackages?.includes('express') && express.npmPackages.includes('vitest'));
    assert.ok(!express.npmPackages?.includes('acme-private-kit'), 'a sibling example\'s dependency is not this file\'s');
    assert.strictEqual(express.pythonPackages, undefined, 'no Python manifest above a TS file');
    const py = index.forFile(path.join(tmp, 'python/src/acme_agent/tools/shell.py'));
    assert.deepStrictEqual(py.pythonPackages, ['openai']);
    assert.deepStrictEqual(py.manifests, ['python/pyproject.toml', 'package.json']);
    assert.strictEqual(index.forFile(path.join(tmp, 'scripts/release.py')).pythonPackages, undefined, 'no Python manifest above the script');
    // the project's own packages: the package.json names of the chain, nearest first (never a sibling's)
    assert.deepStrictEqual(express.npmOwnPackages, ['express-example', 'mono']);
    assert.deepStrictEqual(index.forFile(path.join(tmp, 'scripts/release.py')).npmOwnPackages, ['mono']);
    assert.strictEqual(express.projectUrls, undefined, 'no homepage or repository declared');
  });

  it('project URLs: homepage and repository of the chain\'s package.json files; own hosts and owners', () => {
    write('examples/express/package.json', JSON.stringify({ name: 'express-example', homepage: 'https://acme.dev/express', repository: { type: 'git', url: 'git+https://github.com/Acme/mono.git' } }));
    write('package.json', JSON.stringify({ name: 'mono', repository: 'github:Acme/mono' }));
    const ws = new WorkspaceIndex(tmp).forFile(path.join(tmp, 'examples/express/server.ts'));
    assert.deepStrictEqual(ws.projectUrls, ['https://acme.dev/express', 'git+https://github.com/Acme/mono.git', 'github:Acme/mono']);
    assert.ok(isProjectOwnUrl('https://acme.dev/install.sh', ws.projectUrls));
    assert.ok(isProjectOwnUrl('https://get.acme.dev/install.sh', ws.projectUrls));
    assert.ok(isProjectOwnUrl('https://raw.githubusercontent.com/acme/mono/main/install.sh', ws.projectUrls));
    assert.ok(!isProjectOwnUrl('http://acme.dev/install.sh', ws.projectUrls), 'plain http');
    assert.ok(!isProjectOwnUrl('https://acme.dev.evil.example/install.sh', ws.projectUrls), 'look-alike host');
    assert.ok(!isProjectOwnUrl('https://raw.githubusercontent.com/other/mono/main/install.sh', ws.projectUrls), 'another owner');
    assert.ok(!isProjectOwnUrl('https://github.com/acme/mono/install.sh', ['https://www.npmjs.com/package/x']), 'a shared host is nobody\'s own');
  });

  it('a requirements folder belongs to the project above it', () => {
    write('python/requirements/base.txt', 'acme-internal-lib==1.2\n');
    write('python/requirements/dev.in', '-r base.txt\npytest-acme-plugin\n');
    const ws = new WorkspaceIndex(tmp).forFile(path.join(tmp, 'python/src/acme_agent/tools/shell.py'));
    assert.deepStrictEqual(ws.pythonPackages, ['acme-internal-lib', 'openai', 'pytest-acme-plugin']);
    assert.deepStrictEqual(ws.manifests, ['python/pyproject.toml', 'python/requirements/base.txt', 'python/requirements/dev.in', 'package.json']);
  });

  it('workspace packages, Python packages and modules of the tree are local', () => {
    const ws = new WorkspaceIndex(tmp).forFile(path.join(tmp, 'examples/express/server.ts'));
    for (const n of ['ai', '@ai-sdk/provider', 'next-example', 'acme_agent', 'helpers_mod', 'shell']) assert.ok(isLocalModule(n, ws), n);
    assert.ok(!isLocalModule('express', ws));
    assert.ok(isLocalModule('acme-agent', ws), 'the Python project the tree builds (pyproject [project] name)');
    // installing a workspace member or the project itself is not an unknown package
    const cfg = { ...allRulesConfig(), workspace: ws };
    const md = 'Run `pip install acme-agent` and `npm install @ai-sdk/provider next-example`, then `npm install acme-unknown-helper-zz`.\n';
    assert.deepStrictEqual(run('examples/express/AGENTS.md', md, cfg).findings.filter((f) => f.ruleId === 'unknown-package-install').map((f) => f.message.includes('acme-unknown-helper-zz')), [true]);
  });

  it('tsconfig/jsconfig paths with extends (JSONC) and baseUrl, for the files under them', () => {
    const index = new WorkspaceIndex(tmp);
    const page = index.forFile(path.join(tmp, 'examples/next/app/page.tsx'));
    for (const [name, full] of [['@/lib', '@/lib/utils'], ['$ui/button', '$ui/button'], ['@internal/testing', '@internal/testing'], ['@repo/generator', '@repo/generator/x']]) assert.ok(isLocalModule(name, page, full), full);
    assert.ok(!isLocalModule('@other/pkg', page, '@other/pkg'));
    const ai = index.forFile(path.join(tmp, 'packages/ai/src/generate-text.ts'));
    assert.ok(isLocalModule('util', ai, 'util/retry'), 'baseUrl makes src/util importable by bare name');
    assert.ok(!isLocalModule('$ui/button', ai, '$ui/button'), 'aliases of another project\'s tsconfig do not apply');
    assert.deepStrictEqual(resolveTsconfig(path.join(tmp, 'examples/next/tsconfig.json')).paths, ['$ui/*', '@/*', '@internal/testing', '@repo/*']);
  });

  it('the rule: undeclared only against the nearest manifests, which the message names', () => {
    const index = new WorkspaceIndex(tmp);
    const config = (rel: string) => ({ ...allRulesConfig(), workspace: index.forFile(path.join(tmp, rel)) });
    const src = "import express from 'express';\nimport kit from 'acme-private-kit';\nimport { x } from '@repo/generator/x';\nimport { p } from '@ai-sdk/provider';\n";
    const r = run('examples/express/server.ts', src, config('examples/express/server.ts'));
    const found = r.findings.filter((f) => f.ruleId === 'unknown-package-import');
    assert.deepStrictEqual(found.map((f) => f.range.start.line + 1), [2]);
    assert.match(found[0].message, /not declared in examples\/express\/package\.json, package\.json/);
    assert.ok(!/examples\/next/.test(found[0].message), 'never another project\'s manifest');
    // declared in the example's own package.json (express is a known package, never "hallucinated")
    assert.deepStrictEqual(run('examples/next/app/page.tsx', src, config('examples/next/app/page.tsx')).findings.filter((f) => f.ruleId === 'unknown-package-import'), []);
  });

  it('folders the walk skips (dist/) have their own manifests read on demand; packages/<name>/src without a package.json is a workspace package; a setup.py inside a Python package is not a manifest', () => {
    write('dist/app/package.json', JSON.stringify({ name: 'bundled-app', dependencies: { 'acme-bundled-dep': '1' } }));
    write('dist/app/index.js', '');
    write('packages/widgets/src/index.ts', '');
    write('lib/native/__init__.py', '');
    write('lib/native/setup.py', 'def configuration(parent_package="", top_path=None):\n    return None\n');
    write('lib/native/gen.py', '');
    const index = new WorkspaceIndex(tmp);
    const bundled = index.forFile(path.join(tmp, 'dist/app/index.js'));
    assert.deepStrictEqual(bundled.manifests, ['dist/app/package.json', 'package.json']);
    assert.ok(bundled.npmPackages?.includes('acme-bundled-dep'));
    const ws = index.forFile(path.join(tmp, 'examples/express/server.ts'));
    assert.ok(isLocalModule('widgets', ws) && isLocalModule('@ai-sdk/widgets', ws, '@ai-sdk/widgets'), 'the tree\'s scopes name the workspace folder');
    assert.strictEqual(index.forFile(path.join(tmp, 'lib/native/gen.py')).pythonPackages, undefined);
  });

  it('is the same whatever the working directory and the order files are asked in', () => {
    const cwd = process.cwd();
    const files = ['examples/express/server.ts', 'python/tests/test_x.py', 'examples/next/app/page.tsx', 'packages/ai/src/generate-text.ts'];
    const snapshot = () => { const i = new WorkspaceIndex(tmp); return files.map((f) => JSON.stringify(i.forFile(path.join(tmp, f)))); };
    const here = snapshot();
    try {
      process.chdir(path.join(tmp, 'python'));
      assert.deepStrictEqual(snapshot(), here);
      process.chdir(os.tmpdir());
      const i = new WorkspaceIndex(tmp);
      assert.deepStrictEqual([...files].reverse().map((f) => JSON.stringify(i.forFile(path.join(tmp, f)))).reverse(), here);
    } finally {
      process.chdir(cwd);
    }
  });

  it('default scan root: from the scanned paths, never the cwd (repository, config, project folder, common folder)', () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-cwd-'));
    try {
      for (const cwd of [elsewhere, tmp, path.join(tmp, 'python')]) {
        assert.strictEqual(defaultScanRoot([path.join(tmp, 'examples'), path.join(tmp, 'python/src')], cwd), tmp, 'the common folder has a package.json');
        assert.strictEqual(defaultScanRoot([path.join(tmp, 'examples/next/app/page.tsx')], cwd), path.join(tmp, 'examples/next'), 'the nearest project folder');
        assert.strictEqual(defaultScanRoot([path.join(tmp, 'python/src/acme_agent')], cwd), path.join(tmp, 'python'));
      }
      assert.strictEqual(defaultScanRoot(['next/app'], path.join(tmp, 'examples')), path.join(tmp, 'examples/next'), 'relative paths resolve against the cwd, the root does not depend on it');
      write('.aisec.yaml', 'rules: {}\n');
      assert.strictEqual(defaultScanRoot([path.join(tmp, 'examples/next/app/page.tsx')], elsewhere), tmp, 'a config folder wins over a project folder');
      write('.vscode/mcp.json', '{}');
      fs.mkdirSync(path.join(tmp, '.git'));
      assert.strictEqual(defaultScanRoot([path.join(tmp, 'examples/next/app/page.tsx')], elsewhere), tmp, 'a repository: its root');
      assert.strictEqual(defaultScanRoot(['.vscode/mcp.json'], tmp), tmp);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
  it('exact pins: == requirements, lockfile entries, exact package.json versions; ranges are not pins; nearest manifest wins', () => {
    assert.deepStrictEqual(parsePins('requirements.txt', 'langchain-core==0.3.40\nFoo_Bar[x] == 1.2.3 ; python_version>"3.8"\nopenai>=1.0\nrequests~=2.31\n'),
      [['langchain-core', '0.3.40'], ['foo-bar', '1.2.3']]);
    assert.deepStrictEqual(parsePins('pyproject.toml', '[project]\ndependencies = ["langchain-core==1.2.4", "pydantic>=2"]\n'), [['langchain-core', '1.2.4']]);
    assert.deepStrictEqual(parsePins('uv.lock', '[[package]]\nname = "langchain-core"\nversion = "1.1.0"\nsource = { registry = "x" }\n'), [['langchain-core', '1.1.0']]);
    assert.deepStrictEqual(parsePins('package.json', JSON.stringify({ dependencies: { '@langchain/core': '0.3.20', langchain: '^0.3.2', zod: '=3.23.8' } })),
      [['@langchain/core', '0.3.20'], ['zod', '3.23.8']]);
    assert.deepStrictEqual(parsePins('package-lock.json', '{"packages": {"node_modules/@langchain/core": {"version": "1.1.2", "x": 1}}}'), [['@langchain/core', '1.1.2']]);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-pins-'));
    try {
      fs.writeFileSync(path.join(root, 'requirements.txt'), 'langchain-core==0.3.40\n');
      fs.mkdirSync(path.join(root, 'svc'));
      fs.writeFileSync(path.join(root, 'svc', 'requirements.txt'), 'langchain-core==1.2.6\n');
      const idx = new WorkspaceIndex(root);
      assert.strictEqual(idx.forFile(path.join(root, 'svc', 'app.py')).pythonPins?.['langchain-core'], '1.2.6');
      assert.strictEqual(idx.forFile(path.join(root, 'app.py')).pythonPins?.['langchain-core'], '0.3.40');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
