"""A tool loader whose risky tools sit in a registry that refuses unless the caller opts in."""
from typing import Callable, Dict, List

from langchain_community.tools.requests.tool import RequestsGetTool, RequestsPostTool
from langchain_community.utilities.requests import TextRequestsWrapper
from langchain_core.tools import BaseTool


def _http_get() -> BaseTool:
    # the registry below is only read after the allow_risky_tools check
    # ok: langchain-dangerous-option
    return RequestsGetTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True)


def _http_post() -> BaseTool:
    # ok: langchain-dangerous-option
    return RequestsPostTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True)


def _http_get_unguarded() -> BaseTool:
    # ruleid: langchain-dangerous-option
    return RequestsGetTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True)


RISKY_TOOLS: Dict[str, Callable[[], BaseTool]] = {
    "http_get": _http_get,
    "http_post": _http_post,
}

OPEN_TOOLS: Dict[str, Callable[[], BaseTool]] = {
    "fetch": _http_get_unguarded,
}


class RiskyToolRefused(ValueError):
    pass


def _refuse(name: str) -> None:
    raise RiskyToolRefused(f"{name} can reach any URL; pass allow_dangerous_tools=True to enable it")


def build_tools(names: List[str], allow_dangerous_tools: bool = False) -> List[BaseTool]:
    tools = []
    for name in names:
        if name in RISKY_TOOLS and not allow_dangerous_tools:
            _refuse(name)
        if name in RISKY_TOOLS:
            tools.append(RISKY_TOOLS[name]())
        elif name in OPEN_TOOLS:
            tools.append(OPEN_TOOLS[name]())
    return tools


def tool_names() -> List[str]:
    return sorted(RISKY_TOOLS) + sorted(OPEN_TOOLS)


def quick_fetcher() -> BaseTool:
    # called directly: enabled here
    # ruleid: langchain-dangerous-option
    return RequestsGetTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True)
