import { getValue } from '../../../server/src/analyzers/data';
import { contentRange, dockerRun, expandedTokens, mcpConfig } from '../../../server/src/analyzers/data/toolConfig';
import type { CommandToken } from '../../../server/src/analyzers/data/toolConfig';
import { defineRule } from '../../../server/src/engine/rule';

/**
 * MCP servers handed a whole `.env` file (`envFile`, `--env-file`) or the host's cloud credentials
 * (`docker run -e AWS_SECRET_ACCESS_KEY`). Literal secrets are mcp-secret-in-config's; host mounts
 * are mcp-broad-filesystem-access's.
 */

/** `.env`, `.env.local`, `.env.production`... but not `.env.example` / `.env.sample` templates. */
const DOTENV_FILE = /^\.env(?:\.(?!(?:example|sample|template|dist|defaults?|schema)$)[\w.-]+)?$/i;
/** Long-lived cloud credentials: whoever holds them acts as the account. */
const CLOUD_CREDENTIAL = /^(?:AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AZURE_CLIENT_SECRET|AZURE_CLIENT_CERTIFICATE_PASSWORD|ARM_CLIENT_SECRET|ARM_ACCESS_KEY|AZURE_STORAGE_KEY|AZURE_STORAGE_ACCOUNT_KEY|AZURE_STORAGE_CONNECTION_STRING|GOOGLE_CREDENTIALS|GOOGLE_CLOUD_KEYFILE_JSON|GCP_SERVICE_ACCOUNT_KEY|GCLOUD_KEYFILE_JSON|DIGITALOCEAN_ACCESS_TOKEN|DIGITALOCEAN_TOKEN|CLOUDFLARE_API_TOKEN|CLOUDFLARE_API_KEY|HCLOUD_TOKEN|LINODE_TOKEN|OCI_CLI_KEY_CONTENT|ALIBABA_CLOUD_ACCESS_KEY_SECRET|ALICLOUD_SECRET_KEY|IBMCLOUD_API_KEY|SCW_SECRET_KEY)$/;

function fileBase(path: string): string {
  const p = path.replace(/\\/g, '/').replace(/^["']|["']$/g, '');
  return p.slice(p.lastIndexOf('/') + 1);
}

/** `-e NAME`, `-e NAME=$NAME`, `-e NAME=${NAME}`, `-e NAME=${env:NAME}`: the host's value is passed through. */
function passedThrough(value: string): string | undefined {
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
  if (eq >= 0 && !/^\$\{?(?:env:)?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(value.slice(eq + 1))) return undefined;
  return name;
}

/** `--env-file X` / `--env-file=X` anywhere on the command line (docker, podman, node, uv, dotenv-cli...). */
function envFileArgs(tokens: CommandToken[]): CommandToken[] {
  const out: CommandToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.value === '--env-file' && tokens[i + 1]) out.push(tokens[i + 1]);
    else if (t.value.startsWith('--env-file=')) out.push({ ...t, value: t.value.slice(11), start: t.start + 11 });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'mcp-env-passthrough',
    name: 'McpEnvPassthrough',
    shortDescription: 'An MCP server is handed a whole `.env` file (`envFile`, `--env-file`) or the host\'s cloud credentials (`-e AWS_SECRET_ACCESS_KEY`).',
    fullDescription: 'A `.env` file holds every secret of the project: database passwords, payment keys, cloud credentials. Loading it into an MCP server with `envFile` or `--env-file` gives all of them to a process that needs one or two, and that process runs tools chosen by a model that reads untrusted text. Passing the host\'s long-lived cloud keys into a server container (`-e AWS_SECRET_ACCESS_KEY`) does the same with the whole cloud account. Give each server only the variables it needs, with scoped, short-lived credentials.',
    views: ['data'],
    severity: 'warning',
    practice: true,
    confidence: 'medium',
    owasp: ['LLM02', 'LLM06'],
    cwe: [200, 522],
    frameworks: { nistAiRmf: ['MANAGE 2.4', 'MAP 4.1'], euAiAct: ['Art. 15'], iso42001: ['A.6.2.4', 'A.7.2'] },
    fix: 'none',
    messages: {
      envFile: 'MCP server "{{server}}" loads the whole env file `{{file}}`: pass only the variables it needs in `env`.',
      cloudCredential: 'MCP server "{{server}}" receives the host\'s `{{name}}`: use a scoped, short-lived role or profile for this server instead of the account\'s keys.',
    },
  },
  check: {
    data(ctx) {
      const view = ctx.view;
      const config = mcpConfig(view);
      if (!config) return;
      for (const server of config.servers) {
        if (server.disabled) continue;
        // VS Code `envFile`
        const envFile = getValue(server.node, 'envFile');
        if (envFile?.type === 'string' && typeof envFile.value === 'string' && DOTENV_FILE.test(fileBase(envFile.value))) {
          const r = contentRange(view, envFile);
          ctx.report({ messageId: 'envFile', data: { server: server.name, file: envFile.value }, start: r.start, end: r.end });
        }
        const tokens = expandedTokens(view, server);
        for (const t of envFileArgs(tokens)) {
          if (!DOTENV_FILE.test(fileBase(t.value))) continue;
          ctx.report({ messageId: 'envFile', data: { server: server.name, file: t.value }, start: t.start, end: t.end });
        }
        const docker = dockerRun(tokens);
        for (const opt of docker?.options ?? []) {
          if ((opt.name !== '-e' && opt.name !== '--env') || !opt.value) continue;
          const name = passedThrough(opt.value.value);
          if (!name || !CLOUD_CREDENTIAL.test(name)) continue;
          ctx.report({ messageId: 'cloudCredential', data: { server: server.name, name }, start: opt.value.start, end: opt.value.start + name.length });
        }
      }
    },
  },
});
