import Link from 'next/link';
import React, { memo } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

const components: Partial<Components> = {
  a: ({ children, ...props }) => (
    // @ts-expect-error
    <Link className="text-blue-500 hover:underline" target="_blank" rel="noreferrer" {...props}>
      {children}
    </Link>
  ),
};

const NonMemoizedMarkdown = ({ children }: { children: string }) => (
  <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>
    {children}
  </ReactMarkdown>
);

export const Markdown = memo(NonMemoizedMarkdown, (prev, next) => prev.children === next.children);
