import os

from openai import OpenAI

from .base import AskDataBase


class OpenAIChat(AskDataBase):
    def __init__(self, client: OpenAI | None = None, config: dict | None = None):
        AskDataBase.__init__(self, config=config)
        self.client = client or OpenAI(api_key=(config or {}).get("api_key") or os.getenv("OPENAI_API_KEY"))
        self.model = (config or {}).get("model", "gpt-4o-mini")
        self.temperature = (config or {}).get("temperature", 0.2)

    def submit_prompt(self, prompt: list[dict], **kwargs) -> str:
        if not prompt:
            raise ValueError("prompt is empty")
        response = self.client.chat.completions.create(
            model=self.model,
            messages=prompt,
            max_tokens=kwargs.get("max_tokens", 1000),
            temperature=self.temperature,
        )
        return response.choices[0].message.content or ""
