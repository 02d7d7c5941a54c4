import json
from typing import Any

from anthropic import Anthropic

from .tools import Tool


class Agent:
    """A minimal tool-using agent loop over the Anthropic Messages API."""

    def __init__(self, tools: list[Tool], system: str, model: str = "claude-3-5-sonnet-20240620", max_steps: int = 8, max_tokens: int = 1024, client: Any = None):
        self.tools = {t.name: t for t in tools}
        self.system = system
        self.model = model
        self.max_steps = max_steps
        self.max_tokens = max_tokens
        self.client = client or Anthropic()

    def _tool_specs(self) -> list[dict]:
        return [{"name": t.name, "description": t.description, "input_schema": t.input_schema} for t in self.tools.values()]

    def run(self, task: str) -> str:
        messages: list[dict] = [{"role": "user", "content": task}]
        for _ in range(self.max_steps):
            resp = self.client.messages.create(model=self.model, system=self.system, max_tokens=self.max_tokens, tools=self._tool_specs(), messages=messages)
            if resp.stop_reason != "tool_use":
                return "".join(b.text for b in resp.content if b.type == "text")
            messages.append({"role": "assistant", "content": resp.content})
            results = []
            for block in resp.content:
                if block.type != "tool_use":
                    continue
                t = self.tools.get(block.name)
                out = t.run(**block.input) if t else f"unknown tool {block.name}"
                results.append({"type": "tool_result", "tool_use_id": block.id, "content": json.dumps(out, default=str)})
            messages.append({"role": "user", "content": results})
        return "Stopped: step limit reached."
