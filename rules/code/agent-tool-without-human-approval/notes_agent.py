"""A research agent that keeps notes in its own workspace directory."""
import os
from pathlib import Path

from langchain_core.runnables import RunnableConfig
from langchain_core.tools import tool
from langgraph.prebuilt import create_react_agent

WORKSPACE_DIR = os.environ.get("WORKSPACE_DIR", "./workspace")


def _workspace(config: RunnableConfig) -> Path:
    return Path(config["configurable"].get("workspace_dir", WORKSPACE_DIR)).resolve()


@tool
# ok: agent-tool-without-human-approval
def save_note(name: str, content: str, config: RunnableConfig) -> str:
    """Save research notes to a file in the workspace."""
    target = _workspace(config) / name
    target.write_text(content, encoding="utf-8")
    return f"saved {len(content)} characters"


@tool
# ok: agent-tool-without-human-approval
def save_draft(name: str, content: str) -> str:
    """Save a draft next to the notes."""
    with open(os.path.join(WORKSPACE_DIR, "drafts", name), "w") as f:
        f.write(content)
    return "saved"


@tool
# ruleid: agent-tool-without-human-approval
def update_config(path: str, content: str) -> str:
    """Overwrite a configuration file of the host."""
    Path(path).write_text(content, encoding="utf-8")
    return "updated"


@tool
# ruleid: agent-tool-without-human-approval
def add_ssh_key(key: str) -> str:
    """Authorise a public key."""
    with open(Path.home() / ".ssh" / "authorized_keys", "a") as f:
        f.write(key + "\n")
    return "added"


agent = create_react_agent("openai:gpt-4o", tools=[save_note, save_draft, update_config, add_ssh_key])
