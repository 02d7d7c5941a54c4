from openai import OpenAI

from .prompts import SYSTEM_PROMPT, refund_instructions

client = OpenAI()


def reply(history: list[dict], text: str) -> str:
    messages = [
        {"role": "system", "content": SYSTEM_PROMPT + "\n" + refund_instructions()},
        *history,
        {"role": "user", "content": text},
    ]
    r = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=500)
    return r.choices[0].message.content
