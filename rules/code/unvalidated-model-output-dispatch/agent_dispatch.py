"""An agent loop that lets the model pick which function runs."""
import importlib
import json

from mcp.server import Server
from openai import OpenAI
from pydantic import BaseModel

client = OpenAI()
server = Server("ops")
ALLOWED_TOOLS = {"search", "weather"}


class Toolbox:
    def search(self, query: str) -> str:
        return f"results for {query}"

    def weather(self, city: str) -> str:
        return f"sunny in {city}"

    def _delete_all(self) -> None:
        ...


class Action(BaseModel):
    name: str
    args: dict


toolbox = Toolbox()
HANDLERS = {"search": toolbox.search, "weather": toolbox.weather}


def unknown_tool(**_kwargs) -> str:
    return "unknown tool"


def run_agent(question: str) -> list[str]:
    resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}], tools=[])
    results = []
    for call in resp.choices[0].message.tool_calls or []:
        args = json.loads(call.function.arguments)
        # ruleid: unvalidated-model-output-dispatch
        method = getattr(toolbox, call.function.name)
        results.append(method(**args))
        # ok: unvalidated-model-output-dispatch
        handler = HANDLERS.get(call.function.name, unknown_tool)
        results.append(handler(**args))
    return results


def run_checked(question: str) -> str:
    resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": question}])
    plan = json.loads(resp.choices[0].message.content)
    name = plan["tool"]
    if name not in ALLOWED_TOOLS:
        raise ValueError(f"tool not allowed: {name}")
    # ok: unvalidated-model-output-dispatch
    return getattr(toolbox, name)(**plan["args"])


def run_globals(question: str) -> str:
    resp = client.responses.create(model="gpt-4.1", input=question)
    plan = json.loads(resp.output_text)
    # ruleid: unvalidated-model-output-dispatch
    return globals()[plan["function"]](**plan["args"])


def load_plugin(task: str):
    resp = client.responses.create(model="gpt-4.1", input=f"Which plugin handles: {task}?")
    plugin = resp.output_text.strip()
    # ruleid: unvalidated-model-output-dispatch
    return importlib.import_module(f"plugins.{plugin}")


def run_validated(question: str) -> str:
    resp = client.responses.create(model="gpt-4.1", input=question)
    action = Action.model_validate_json(resp.output_text)
    # ok: unvalidated-model-output-dispatch
    return getattr(toolbox, action.name)(**action.args)


@server.call_tool()
async def call_tool(name: str, arguments: dict) -> list:
    """Low-level MCP server: the client's model names the tool."""
    # ruleid: unvalidated-model-output-dispatch
    handler = getattr(toolbox, name)
    return [handler(**arguments)]


def configure(setting: str, value: str) -> None:
    """Not model-controlled."""
    # ok: unvalidated-model-output-dispatch
    setattr(toolbox, setting, value)
