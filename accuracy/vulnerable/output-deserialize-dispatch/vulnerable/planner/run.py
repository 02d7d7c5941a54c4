import base64
import json
import pickle

import yaml
from openai import OpenAI

from . import operations

client = OpenAI()


def plan(goal: str) -> dict:
    r = client.chat.completions.create(model="gpt-4o", max_tokens=800, messages=[{"role": "user", "content": f"Write a YAML plan for: {goal}"}])
    return yaml.load(r.choices[0].message.content, Loader=yaml.Loader)


def restore_state(blob_from_model: str):
    return pickle.loads(base64.b64decode(blob_from_model))


def dispatch(goal: str):
    r = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": goal}], tools=operations.SCHEMAS)
    call = r.choices[0].message.tool_calls[0]
    fn = getattr(operations, call.function.name)
    return fn(**json.loads(call.function.arguments))
