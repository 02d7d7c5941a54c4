"use client";
// A chat page with its own markdown wrapper: the finding is where the wrapper renders react-markdown, once.
import { useChat } from "@ai-sdk/react";
import ReactMarkdown from "react-markdown";

function Markdown({ children }: { children: string }) {
  return (
    <ReactMarkdown>
      {/* ruleid: markdown-image-exfiltration */}
      {children}
    </ReactMarkdown>
  );
}

function ImageFreeMarkdown({ children }: { children: string }) {
  // ok: markdown-image-exfiltration
  return <ReactMarkdown disallowedElements={["img"]}>{children}</ReactMarkdown>;
}

export function Thread() {
  const { messages } = useChat();
  return (
    <div>
      {messages.map((m) => (
        <div key={m.id}>
          {/* ok: markdown-image-exfiltration */}
          <Markdown>{m.parts.map((p) => (p.type === "text" ? p.text : "")).join("")}</Markdown>
          {/* ok: markdown-image-exfiltration */}
          <ImageFreeMarkdown>{m.parts.map((p) => (p.type === "text" ? p.text : "")).join("")}</ImageFreeMarkdown>
        </div>
      ))}
    </div>
  );
}
