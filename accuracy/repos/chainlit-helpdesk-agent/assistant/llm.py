from openai import AsyncOpenAI

from .prompts import TITLE_PROMPT
from .settings import get_settings

_client: AsyncOpenAI | None = None


def client() -> AsyncOpenAI:
    global _client
    if _client is None:
        _client = AsyncOpenAI(api_key=get_settings().openai_api_key or None)
    return _client


async def complete(messages: list[dict], tools: list[dict] | None = None):
    settings = get_settings()
    kwargs = {"model": settings.openai_model, "messages": messages, "max_tokens": settings.max_output_tokens}
    if tools:
        kwargs["tools"] = tools
        kwargs["tool_choice"] = "auto"
    resp = await client().chat.completions.create(**kwargs)
    return resp.choices[0].message


async def make_title(first_question: str) -> str:
    resp = await client().chat.completions.create(
        model=get_settings().openai_model,
        max_tokens=20,
        messages=[
            {"role": "system", "content": TITLE_PROMPT},
            {"role": "user", "content": first_question[:500]},
        ],
    )
    return (resp.choices[0].message.content or "Helpdesk chat").strip().strip('"')
