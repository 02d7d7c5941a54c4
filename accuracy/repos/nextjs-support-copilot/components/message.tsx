"use client";

import type { UIMessage } from "ai";
import ReactMarkdown from "react-markdown";
import rehypeRaw from "rehype-raw";
import remarkGfm from "remark-gfm";
import type { SupportTools } from "@/lib/ai/tools";
import { OrderCard } from "./order-card";

type ToolPart = Extract<UIMessage["parts"][number], { type: `tool-${string}` }>;

function Markdown({ children }: { children: string }) {
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm]}
      rehypePlugins={[rehypeRaw]}
      components={{
        a: ({ href, children }) => (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {children}
          </a>
        ),
      }}
    >
      {children}
    </ReactMarkdown>
  );
}

function ToolResult({ part }: { part: ToolPart }) {
  if (part.state !== "output-available") return <div className="tool-pending">Looking that up...</div>;
  if (part.type === "tool-getOrderDetails") {
    const out = part.output as Awaited<ReturnType<SupportTools["getOrderDetails"]["execute"] & {}>>;
    if ("error" in out) return <div className="tool-error">{String(out.error)}</div>;
    return <OrderCard order={out} />;
  }
  return null;
}

export function Message({ message }: { message: UIMessage }) {
  return (
    <div className={`message message-${message.role}`} data-testid={`message-${message.role}`}>
      {message.parts.map((part, i) => {
        if (part.type === "text") {
          return message.role === "assistant" ? <Markdown key={i}>{part.text}</Markdown> : <p key={i}>{part.text}</p>;
        }
        if (part.type.startsWith("tool-")) return <ToolResult key={i} part={part as ToolPart} />;
        return null;
      })}
    </div>
  );
}
