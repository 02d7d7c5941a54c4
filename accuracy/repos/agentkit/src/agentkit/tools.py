import inspect
from dataclasses import dataclass
from typing import Any, Callable


@dataclass
class Tool:
    name: str
    description: str
    fn: Callable[..., Any]
    input_schema: dict

    def run(self, **kwargs: Any) -> Any:
        return self.fn(**kwargs)


def tool(fn: Callable[..., Any]) -> Tool:
    params = inspect.signature(fn).parameters
    schema = {"type": "object", "properties": {p: {"type": "string"} for p in params}, "required": list(params), "additionalProperties": False}
    return Tool(name=fn.__name__, description=(fn.__doc__ or "").strip(), fn=fn, input_schema=schema)
