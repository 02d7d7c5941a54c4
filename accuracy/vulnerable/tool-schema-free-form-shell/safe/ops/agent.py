import json
import subprocess
from pathlib import Path

from openai import OpenAI

client = OpenAI()
TOOLS = json.loads((Path(__file__).parent.parent / "tools" / "ops.tools.json").read_text())
TASKS = {"clean-cache": ["make", "clean-cache"], "rotate-logs": ["logrotate", "/etc/logrotate.conf"], "disk-usage": ["df", "-h"]}


def step(messages: list[dict]) -> list[dict]:
    r = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS, max_tokens=800)
    msg = r.choices[0].message
    for call in msg.tool_calls or []:
        task = json.loads(call.function.arguments).get("task")
        out = subprocess.run(TASKS[task], capture_output=True, text=True).stdout if task in TASKS else "unknown task"
        messages.append({"role": "tool", "tool_call_id": call.id, "content": out})
    return messages
