"""Tools written as plain functions, described to the model with OpenAI function-calling schemas and dispatched by
name from the model's tool calls (the loop lives in another module)."""
import ast
import json
import subprocess

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "calculate",
            "description": "Evaluate an arithmetic expression.",
            "parameters": {"type": "object", "properties": {"expression": {"type": "string"}}, "required": ["expression"]},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "parse_list",
            "description": "Parse a Python list literal.",
            "parameters": {"type": "object", "properties": {"literal": {"type": "string"}}},
        },
    },
    {
        "type": "function",
        "function": {
            "name": "disk_usage",
            "description": "Show disk usage of one of the data volumes.",
            "parameters": {"type": "object", "properties": {"volume": {"type": "string", "enum": ["data", "logs"]}}},
        },
    },
]

VOLUMES = {"data": "/srv/data", "logs": "/var/log/app"}


def calculate(expression: str) -> str:
    # empty __builtins__ is no sandbox: ().__class__.__base__.__subclasses__() reaches everything
    # ruleid: llm-output-code-execution
    return str(eval(expression, {"__builtins__": {}}, {}))


def parse_list(literal: str) -> list:
    # ok: llm-output-code-execution
    return ast.literal_eval(literal)


def disk_usage(volume: str) -> str:
    if volume not in VOLUMES:
        return "unknown volume"
    # ok: llm-output-code-execution
    return subprocess.run(f"du -sh {VOLUMES[volume]}", shell=True, capture_output=True, text=True).stdout


def format_report(expression: str) -> str:
    # not a tool: no schema names it, the application calls it with its own strings
    # ok: llm-output-code-execution
    return str(eval(expression))


REGISTRY = {"calculate": calculate, "parse_list": parse_list, "disk_usage": disk_usage}


def call_tool(name: str, arguments: str) -> str:
    fn = REGISTRY[name]
    return json.dumps(fn(**json.loads(arguments)))
