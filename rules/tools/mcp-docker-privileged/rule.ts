import { dockerRun, expandedTokens, mcpConfig } from '../../../server/src/analyzers/data/toolConfig';
import { defineRule } from '../../../server/src/engine/rule';

const HOST_NAMESPACES = new Map<string, string>([['--network', 'network'], ['--net', 'network'], ['--pid', 'process'], ['--ipc', 'IPC'], ['--uts', 'UTS'], ['--userns', 'user']]);

export default defineRule({
  meta: {
    id: 'mcp-docker-privileged',
    name: 'McpDockerPrivileged',
    shortDescription: 'An MCP server container is started with host-level privileges (`--privileged`, all capabilities, host network, or the Docker socket).',
    fullDescription: 'Running an MCP server in a container only contains it if the container is confined. `--privileged`, `--cap-add=ALL`/`SYS_ADMIN`, `--network=host`, `--pid=host`, disabled seccomp/AppArmor or a mounted `/var/run/docker.sock` give the server (and any prompt injection that steers its tools) control of the host: the Docker socket alone is root on the machine.',
    views: ['data'],
    severity: 'error',
    practice: true,
    confidence: 'high',
    owasp: ['LLM06'],
    cwe: [250],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MEASURE 2.7'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.6'] },
    fix: 'none',
    messages: {
      privileged: 'MCP server "{{server}}" runs a privileged container: it can take over the host.',
      capability: 'MCP server "{{server}}" adds capability `{{value}}` to its container: it can escape to the host.',
      namespace: 'MCP server "{{server}}" shares the host\'s {{what}} namespace (`{{option}} {{value}}`): the container is not isolated from the host.',
      unconfined: 'MCP server "{{server}}" disables a kernel confinement profile (`{{value}}`).',
      socket: 'MCP server "{{server}}" mounts the Docker socket: whoever controls the server controls every container and the host.',
    },
  },
  check: {
    data(ctx) {
      for (const server of mcpConfig(ctx.view)?.servers ?? []) {
        const docker = dockerRun(expandedTokens(ctx.view, server));
        for (const opt of docker?.options ?? []) {
          const name = opt.name;
          const v = opt.value;
          const data = { server: server.name, option: name, value: v?.value ?? '' };
          if (name === '--privileged' && (!v || v.value !== 'false')) ctx.report({ messageId: 'privileged', data, start: opt.flag.start, end: opt.flag.end });
          else if (name === '--cap-add' && v && /^(ALL|SYS_ADMIN|SYS_PTRACE|SYS_MODULE|DAC_READ_SEARCH|NET_ADMIN)$/i.test(v.value.replace(/^CAP_/i, ''))) ctx.report({ messageId: 'capability', data, start: v.start, end: v.end });
          else if (HOST_NAMESPACES.has(name) && v?.value === 'host') ctx.report({ messageId: 'namespace', data: { ...data, what: HOST_NAMESPACES.get(name) ?? '' }, start: v.start, end: v.end });
          else if (name === '--security-opt' && v && /unconfined/i.test(v.value)) ctx.report({ messageId: 'unconfined', data, start: v.start, end: v.end });
          else if ((name === '-v' || name === '--volume' || name === '--mount') && v && /docker\.sock/.test(v.value)) ctx.report({ messageId: 'socket', data, start: v.start, end: v.end });
        }
      }
    },
  },
});
