from llama_index.llms import OpenAI


def evaluate_expression(text: str, frame) -> str:
    # ruleid: llm-output-code-execution
    return str(eval(text.strip(), {}, {"df": frame}))


def describe_expression(text: str, frame) -> str:
    # ok: llm-output-code-execution
    return f"{text.strip()} over {len(frame)} rows"


class FrameQuery:
    """The model's expression goes through a processor kept in a field."""

    def __init__(self, frame):
        self._frame = frame
        self._llm = OpenAI(model="gpt-4o-mini")
        self._processor = evaluate_expression
        self._describer = describe_expression

    def query(self, question: str) -> str:
        answer = self._llm.complete(f"One pandas expression over `df` for: {question}")
        self._describer(answer.text, self._frame)
        return self._processor(answer.text, self._frame)
