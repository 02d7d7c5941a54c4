import { useCompletion } from "ai/react";

// Two props of one component: only the one given the model's text is model output.
function AnswerCard({ heading, body }: { heading: string; body: string }) {
  return (
    <section>
      {/* ok: llm-output-html-injection */}
      <h2 dangerouslySetInnerHTML={{ __html: heading }} />
      {/* ruleid: llm-output-html-injection */}
      <div dangerouslySetInnerHTML={{ __html: body }} />
    </section>
  );
}

export function AnswerPanel() {
  const { completion } = useCompletion({ api: "/api/answer" });
  return <AnswerCard heading="<b>Answer</b>" body={completion} />;
}
