"""Prompts next to clients that were built with a key: the key stays with the client, not in the prompt."""
import os

from langchain_core.messages import SystemMessage
from openai import OpenAI

from memory_service import MemoryClient

MEMORY_API_KEY = os.environ["MEMORY_API_KEY"]
GITLAB_PERSONAL_ACCESS_TOKEN = os.environ.get("GITLAB_TOKEN", "")
memory = MemoryClient(api_key=MEMORY_API_KEY)
client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])


def gitlab_headers() -> dict:
    # a token for an HTTP header; `personal` is not a persona
    # ok: secret-in-system-prompt
    personal_token = GITLAB_PERSONAL_ACCESS_TOKEN
    return {"PRIVATE-TOKEN": personal_token}


def history_messages(session_id: str) -> list:
    summary = memory.sessions.get(session_id).summary
    # the summary the memory service returns; the client was constructed with the key, the prompt does not hold it
    # ok: secret-in-system-prompt
    return [SystemMessage(content=summary.text)]


def leaky_messages(session_id: str) -> list:
    # ruleid: secret-in-system-prompt
    return [SystemMessage(content=f"Fetch the history with key {MEMORY_API_KEY} when needed.")]


def answer(question: str) -> str:
    response = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}]).model_dump()
    # the model's build fingerprint, not a system prompt
    # ok: secret-in-system-prompt
    system_fingerprint = response.get("system_fingerprint")
    return f"{response['choices'][0]['message']['content']} ({system_fingerprint})"


def support_prompt(plan: str) -> str:
    # ruleid: secret-in-system-prompt
    system_message = f"You are the support bot. Premium plan: {plan}. Admin key: {MEMORY_API_KEY}."
    return system_message
