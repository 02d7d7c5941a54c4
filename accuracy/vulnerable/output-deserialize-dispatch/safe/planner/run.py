import json

import yaml
from openai import OpenAI

from . import operations

client = OpenAI()
ALLOWED = {"archive": operations.archive}


def plan(goal: str) -> dict:
    r = client.chat.completions.create(model="gpt-4o", max_tokens=800, messages=[{"role": "user", "content": f"Write a YAML plan for: {goal}"}])
    return yaml.safe_load(r.choices[0].message.content)


def dispatch(goal: str):
    r = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": goal}], tools=operations.SCHEMAS)
    call = r.choices[0].message.tool_calls[0]
    fn = ALLOWED.get(call.function.name)
    if fn is None:
        raise ValueError("unknown tool")
    return fn(**json.loads(call.function.arguments))
