"""Summaries with a fixed system prompt; model output is only displayed, never executed."""
import json

from openai import OpenAI

client = OpenAI()

SYSTEM_PROMPT = "Summarise the user's text in three bullet points."


def summarise(text: str) -> str:
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": text},
        ],
    )
    return completion.choices[0].message.content or ""


def load_settings(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)
