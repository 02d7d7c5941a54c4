import { marked } from "marked";

export function renderMarkdown(text: string): string {
  return marked.parse(text) as string;
}

export function Message({ content, role }: { content: string; role: string }) {
  return <div className={`msg ${role}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(content) }} />;
}
