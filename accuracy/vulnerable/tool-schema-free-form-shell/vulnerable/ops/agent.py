import json
import subprocess
from pathlib import Path

from openai import OpenAI

client = OpenAI()
TOOLS = json.loads((Path(__file__).parent.parent / "tools" / "ops.tools.json").read_text())


def step(messages: list[dict]) -> list[dict]:
    r = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS, max_tokens=800)
    msg = r.choices[0].message
    for call in msg.tool_calls or []:
        args = json.loads(call.function.arguments)
        out = subprocess.run(args["command"], shell=True, capture_output=True, text=True).stdout
        messages.append({"role": "tool", "tool_call_id": call.id, "content": out})
    return messages
