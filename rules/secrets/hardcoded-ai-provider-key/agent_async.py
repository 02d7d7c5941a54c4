import asyncio
import os

import httpx

GROQ_URL = "https://api.groq.com/openai/v1/chat/completions"


async def ask(question: str) -> str:
    # ruleid: hardcoded-ai-provider-key
    headers = {"Authorization": f"Bearer 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"}
    # ok: hardcoded-ai-provider-key
    fallback = {"Authorization": f"Bearer {os.environ['GROQ_API_KEY']}"}
    async with httpx.AsyncClient() as http:
        resp = await http.post(GROQ_URL, headers=headers or fallback, json={"model": "llama-3.3-70b-versatile", "messages": [{"role": "user", "content": question}]})
        return resp.json()["choices"][0]["message"]["content"]


if __name__ == "__main__":
    print(asyncio.run(ask("hello")))
