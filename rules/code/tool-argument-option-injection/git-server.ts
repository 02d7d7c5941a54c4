// @ts-nocheck (fixture: analysed by AISec, not compiled)
// A community MCP git server: the tools/call handler runs git and scp without a shell, with the model's
// arguments in literal argument arrays.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const server = new Server({ name: 'git', version: '1.0.0' }, { capabilities: { tools: {} } });

server.setRequestHandler(CallToolRequestSchema, async (request) => {
  const args = request.params.arguments;
  switch (request.params.name) {
    case 'git_show': {
      // ruleid: tool-argument-option-injection
      const out = execFileSync('git', ['show', args.revision], { cwd: args.repo_path, encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    case 'git_show_safe': {
      // ok: tool-argument-option-injection
      const out = execFileSync('git', ['show', '--end-of-options', args.revision], { cwd: args.repo_path, encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    case 'git_checkout': {
      const branch = String(args.branch);
      if (branch.startsWith('-')) throw new Error('branch names cannot start with "-"');
      // ok: tool-argument-option-injection
      const out = execFileSync('git', ['checkout', branch], { cwd: args.repo_path, encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    case 'git_blame': {
      if (!/^[\w./-]+$/.test(args.file) || !['main', 'develop'].includes(args.ref)) throw new Error('bad arguments');
      // ok: tool-argument-option-injection
      const out = execFileSync('git', ['blame', args.ref, '--', args.file], { cwd: args.repo_path, encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    case 'scp_upload': {
      // ruleid: tool-argument-option-injection
      const out = execFileSync('scp', [args.source, 'backup@files.internal:/srv/inbox/'], { encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    case 'git_add': {
      // an absolute path never starts with "-"
      // ok: tool-argument-option-injection
      const out = execFileSync('git', ['add', path.resolve(args.repo_path, args.file)], { cwd: args.repo_path, encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    case 'word_count': {
      // wc is not a program whose options run commands or write files
      // ok: tool-argument-option-injection
      const out = execFileSync('wc', ['-w', args.file], { encoding: 'utf-8' });
      return { content: [{ type: 'text', text: out }] };
    }
    default:
      throw new Error('unknown tool');
  }
});

await server.connect(new StdioServerTransport());
