"""A calculator tool that asks the model to turn a question into an arithmetic expression."""
import ast
from openai import OpenAI

client = OpenAI()


def ask_expression(question: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=64,
        messages=[{"role": "user", "content": f"Write only the Python expression for: {question}"}],
    )
    return resp.choices[0].message.content


def calculate(question: str):
    expression = ask_expression(question)
    # ruleid: llm-output-code-execution
    return ast.literal_eval(expression)


def parse_settings(prompt: str) -> dict:
    raw = client.chat.completions.create(model="gpt-4o-mini", max_tokens=128, messages=[{"role": "user", "content": prompt}])
    text = raw.choices[0].message.content
    # ruleid: llm-output-code-execution
    settings = ast.literal_eval(text)
    return dict(settings)


def constant_only() -> int:
    # ok: llm-output-code-execution
    return eval("1 + 2")
