"""Hand-written agent loops of a support assistant, in the shapes tutorials and apps use."""
import json
import time
from collections import deque

import anthropic
import openai
from openai import OpenAI

client = OpenAI()
claude = anthropic.Anthropic()
MAX_STEPS = 8
MAX_DEPTH = 5
TOOLS = [{"type": "function", "function": {"name": "lookup_order", "parameters": {"type": "object", "properties": {}}}}]


def dispatch(tool_call) -> str:
    return json.dumps({"name": tool_call.function.name, "status": "ok"})


def run_conversation(messages: list) -> str:
    # ruleid: agent-without-iteration-limit
    while True:
        response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOLS, max_tokens=800)
        message = response.choices[0].message
        messages.append(message)
        if not message.tool_calls:
            return message.content
        for tool_call in message.tool_calls:
            messages.append({"role": "tool", "tool_call_id": tool_call.id, "content": dispatch(tool_call)})


def run_bounded(messages: list) -> str:
    steps = 0
    # ok: agent-without-iteration-limit
    while True:
        steps += 1
        if steps > MAX_STEPS:
            raise RuntimeError("agent did not finish in time")
        response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOLS, max_tokens=800)
        message = response.choices[0].message
        if not message.tool_calls:
            return message.content
        messages.append(message)


def run_for_range(messages: list) -> str:
    # ok: agent-without-iteration-limit
    for _ in range(MAX_STEPS):
        response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOLS, max_tokens=800)
        if not response.choices[0].message.tool_calls:
            return response.choices[0].message.content
    raise RuntimeError("step limit reached")


def run_until_deadline(messages: list, budget_s: float = 30.0) -> str:
    started = time.monotonic()
    done = False
    # ok: agent-without-iteration-limit
    while not done:
        response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, max_tokens=800)
        done = time.monotonic() - started > budget_s or response.choices[0].finish_reason == "stop"
    return messages[-1]["content"]


def run_claude(question: str) -> str:
    messages = [{"role": "user", "content": question}]
    response = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=messages, tools=[])
    # ruleid: agent-without-iteration-limit
    while response.stop_reason == "tool_use":
        messages.append({"role": "assistant", "content": response.content})
        messages.append({"role": "user", "content": [{"type": "tool_result", "tool_use_id": "t", "content": "ok"}]})
        response = claude.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=messages, tools=[])
    return response.content[0].text


def chat_repl() -> None:
    history = []
    # ok: agent-without-iteration-limit
    while True:
        question = input("> ")
        history.append({"role": "user", "content": question})
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=history, max_tokens=500)
        print(reply.choices[0].message.content)


def complete_with_retry(prompt: str) -> str:
    # ok: agent-without-iteration-limit
    while True:
        try:
            reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": prompt}], max_tokens=500)
            return reply.choices[0].message.content
        except openai.RateLimitError:
            time.sleep(5)


def execution_agent(objective: str, task: str) -> str:
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"{objective}: {task}"}], max_tokens=500)
    return reply.choices[0].message.content


def task_loop(objective: str) -> None:
    tasks = deque(["Make a todo list"])
    # ruleid: agent-without-iteration-limit
    while True:
        if tasks:
            task = tasks.popleft()
            result = execution_agent(objective, task)
            tasks.extend(line for line in result.splitlines() if line)


def agent_step(messages: list) -> str:
    response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOLS, max_tokens=800)
    message = response.choices[0].message
    if message.tool_calls:
        messages.append(message)
        for tool_call in message.tool_calls:
            messages.append({"role": "tool", "tool_call_id": tool_call.id, "content": dispatch(tool_call)})
        # ruleid: agent-without-iteration-limit
        return agent_step(messages)
    return message.content


def bounded_step(messages: list, depth: int = 0) -> str:
    if depth >= MAX_DEPTH:
        raise RuntimeError("too many tool rounds")
    response = client.chat.completions.create(model="gpt-4o-mini", messages=messages, tools=TOOLS, max_tokens=800)
    message = response.choices[0].message
    if message.tool_calls:
        messages.append(message)
        # ok: agent-without-iteration-limit
        return bounded_step(messages, depth + 1)
    return message.content


def summarize_tree(node) -> str:
    summary = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": node.text}], max_tokens=300)
    for child in node.children:
        # ok: agent-without-iteration-limit
        summarize_tree(child)
    return summary.choices[0].message.content


class KeyExchange:
    """An SSH-style handshake: `send_message` here writes a protocol packet, no model is involved."""

    def __init__(self, transport):
        self.transport = transport

    def negotiate(self, packet):
        # ok: agent-without-iteration-limit
        while True:
            self.transport._send_message(packet)
            kind, packet = self.transport.packetizer.read_message()
            if kind == "done":
                return packet
