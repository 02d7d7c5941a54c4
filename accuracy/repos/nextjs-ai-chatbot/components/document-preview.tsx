'use client';
import { useMemo } from 'react';
import { marked } from 'marked';

// Renders the assistant-written document (createDocument tool) as rich text in the side panel.
export function DocumentPreview({ content }: { content: string }) {
  const html = useMemo(() => marked.parse(content) as string, [content]);
  return <div className="prose dark:prose-invert" dangerouslySetInnerHTML={{ __html: html }} />;
}
