import os

from langchain_core.tools import tool
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("notes")
NOTES_DIR = "/var/lib/notes"


@mcp.tool()
def read_note(title: str) -> str:
    """Read one note by its file name."""
    # ruleid: tool-argument-path-traversal
    with open(os.path.join(NOTES_DIR, os.path.basename(title)), encoding="utf-8") as f:
        return f.read()


@tool
def delete_note(title: str) -> str:
    """Delete one note by its file name."""
    # ruleid: tool-argument-path-traversal
    os.remove(os.path.join(NOTES_DIR, "archive", os.path.basename(title)))
    return "deleted"


@mcp.tool()
def list_notes() -> list[str]:
    # ok: tool-argument-path-traversal
    return os.listdir(NOTES_DIR)
