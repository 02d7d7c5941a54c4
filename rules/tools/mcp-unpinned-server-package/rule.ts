import { dockerImagePin, dockerRun, expandedTokens, isPinnedPackage, mcpConfig, packageLaunch, packageName } from '../../../server/src/analyzers/data/toolConfig';
import { isNpmPackageDeclared, isOwnNpmPackage } from '../../../server/src/packages';
import { defineRule } from '../../../server/src/engine/rule';

export default defineRule({
  meta: {
    id: 'mcp-unpinned-server-package',
    name: 'McpUnpinnedServerPackage',
    shortDescription: 'An MCP server is launched from a package registry or image without an exact version, so every start may run different code.',
    fullDescription: '`npx -y pkg`, `uvx pkg`, `pipx run pkg` and `docker run image` fetch whatever the registry serves at launch time. A hijacked maintainer account, a typosquat or a malicious update then runs with your credentials and your agent\'s tools the next time the editor starts, without any review. Pin an exact version (`pkg@1.2.3`, `pkg==1.2.3`) or an image digest.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'high',
    owasp: ['LLM03'],
    cwe: [494, 829, 1357],
    frameworks: { nistAiRmf: ['GOVERN 6.1', 'MANAGE 3.1'], euAiAct: ['Art. 15'], iso42001: ['A.10.3'] },
    fix: 'none',
    messages: {
      package: 'MCP server "{{server}}" runs `{{pkg}}` through {{launcher}} without an exact version: each launch installs whatever the registry serves.',
      latest: 'MCP server "{{server}}" runs `{{pkg}}` through {{launcher}} at a moving tag: each launch installs whatever the registry serves.',
      image: 'MCP server "{{server}}" runs container image `{{pkg}}` without a version tag or digest: each launch may pull a different image.',
    },
  },
  check: {
    data(ctx) {
      for (const server of mcpConfig(ctx.view)?.servers ?? []) {
        const tokens = expandedTokens(ctx.view, server);
        const launch = packageLaunch(tokens);
        if (launch && launch.pkg.value && !launch.pkg.value.includes('${') && !isPinnedPackage(launch.pkg.value, launch.ecosystem)) {
          const moving = /@(latest|next|beta|canary|\^|~|\*|x)/i.test(launch.pkg.value);
          // the project's own package (the name of the nearest package.json): a sample or dev config launching
          // the package it ships with, even at `@latest`, runs the author's own code, no third party's
          if (launch.ecosystem === 'npm' && isOwnNpmPackage(packageName(launch.pkg.value, 'npm'), ctx.workspace)) continue;
          // the workspace's own package, or one its package.json declares: the project chose the version and
          // its lockfile holds it; `npx pkg` runs the installed copy (an extension manifest launching itself)
          if (!moving && launch.ecosystem === 'npm' && isNpmPackageDeclared(packageName(launch.pkg.value, 'npm'), ctx.workspace)) continue;
          ctx.report({ messageId: moving ? 'latest' : 'package', data: { server: server.name, pkg: launch.pkg.value, launcher: launch.launcher }, start: launch.pkg.start, end: launch.pkg.end });
        }
        const docker = dockerRun(tokens);
        if (docker?.image && !docker.image.value.includes('${') && dockerImagePin(docker.image.value) === 'none') {
          ctx.report({ messageId: 'image', data: { server: server.name, pkg: docker.image.value }, start: docker.image.start, end: docker.image.end });
        }
      }
    },
  },
});
