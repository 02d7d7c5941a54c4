import json

from openai import OpenAI

from .tools import TOOLS, call_tool

client = OpenAI()


def run(task: str) -> str:
    messages = [{"role": "system", "content": "Use the tools until the task is done."}, {"role": "user", "content": task}]
    while True:
        r = client.chat.completions.create(model="gpt-4o", messages=messages, tools=TOOLS, max_tokens=1000)
        msg = r.choices[0].message
        if not msg.tool_calls:
            return msg.content
        messages.append(msg)
        for call in msg.tool_calls:
            result = call_tool(call.function.name, json.loads(call.function.arguments))
            messages.append({"role": "tool", "tool_call_id": call.id, "content": result})
