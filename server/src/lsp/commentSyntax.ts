import type { FileKind } from '../engine/model';

/** How to write a line comment in a file of this kind (undefined: the format has no comments). */
export function commentSyntax(path: string, kind: FileKind | undefined, lineText: string, line: number, frontMatterEnd: number): { prefix: string; suffix: string } | undefined {
  const name = path.toLowerCase();
  switch (kind) {
    case 'python':
      return { prefix: '# ', suffix: '' };
    case 'javascript':
    case 'typescript':
      return /^\s*</.test(lineText) && /\.(jsx|tsx)$/.test(name) ? { prefix: '{/* ', suffix: ' */}' } : { prefix: '// ', suffix: '' };
    case 'data':
      if (/\.(ya?ml)$/.test(name)) return { prefix: '# ', suffix: '' };
      if (/\.(jsonc|json5)$/.test(name) || /(^|\/)(\.vscode|\.cursor)\/|mcp\.json$|settings\.json$/.test(name)) return { prefix: '// ', suffix: '' };
      return undefined;
    case 'prompt':
      if (line < frontMatterEnd) return { prefix: '# ', suffix: '' };
      if (/\.(prompt|hbs|handlebars|mustache)$/.test(name)) return { prefix: '{{! ', suffix: ' }}' };
      if (/\.(prompty|jinja2?|j2)$/.test(name)) return { prefix: '{# ', suffix: ' #}' };
      if (/\.(cursorrules|windsurfrules|clinerules|txt)$/.test(name)) return { prefix: '# ', suffix: '' };
      return { prefix: '<!-- ', suffix: ' -->' };
    default:
      return undefined;
  }
}
