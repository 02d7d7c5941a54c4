import ReactMarkdown from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

export function Message({ role, text }: { role: "user" | "assistant"; text: string }) {
  return (
    <div className={role}>
      <ReactMarkdown rehypePlugins={[rehypeSanitize]} disallowedElements={["img"]}>
        {text}
      </ReactMarkdown>
    </div>
  );
}
