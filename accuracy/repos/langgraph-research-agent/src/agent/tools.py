"""Tools available to the research agent."""
import os
import subprocess
from pathlib import Path
from typing import Any, Optional

from langchain_community.tools.tavily_search import TavilySearchResults
from langchain_core.runnables import RunnableConfig
from langchain_core.tools import tool
from langchain_experimental.tools import PythonREPLTool

from agent.configuration import Configuration


async def search(query: str, *, config: RunnableConfig) -> Optional[list[dict[str, Any]]]:
    """Search the web for current events and general questions."""
    configuration = Configuration.from_runnable_config(config)
    wrapped = TavilySearchResults(max_results=configuration.max_search_results)
    return await wrapped.ainvoke({"query": query})


def _workspace(config: RunnableConfig) -> Path:
    return Path(Configuration.from_runnable_config(config).workspace_dir).resolve()


@tool
def read_note(name: str, config: RunnableConfig) -> str:
    """Read a note the agent saved earlier in the workspace."""
    root = _workspace(config)
    target = (root / name).resolve()
    if not target.is_relative_to(root):
        return "error: path outside the workspace"
    return target.read_text(encoding="utf-8")


@tool
def save_note(name: str, content: str, config: RunnableConfig) -> str:
    """Save research notes to a file in the workspace."""
    target = _workspace(config) / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")
    return f"saved {len(content)} characters to {name}"


@tool
def run_shell(command: str) -> str:
    """Run a shell command (e.g. to inspect downloaded datasets) and return its output."""
    proc = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60, cwd=os.environ.get("WORKSPACE_DIR", "."))
    return (proc.stdout + proc.stderr)[-4000:]


# pandas/matplotlib analysis of the data the agent collected
python_repl = PythonREPLTool()

TOOLS = [search, read_note, save_note, run_shell, python_repl]
