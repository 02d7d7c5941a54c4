"""Agent tools of a research assistant: validators whose result is the path used, fixed file names,
directory creation next to a write, typed arguments."""
import os
from pathlib import Path
from typing import Literal

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("workspace")
ALLOWED = [Path("/srv/notes").resolve(), Path("/srv/reports").resolve()]
TMP = Path("/tmp/agent")


def _is_within(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def resolve_allowed(requested: str) -> Path:
    """Resolve and confine: the result is the path to use."""
    real = Path(requested).resolve()
    if not any(_is_within(real, d) for d in ALLOWED):
        raise PermissionError(requested)
    return real


def resolve_loosely(requested: str) -> Path:
    """Named like a validator, but only rejects empty names."""
    if not requested:
        raise ValueError("empty")
    return Path(requested).resolve()


def is_allowed(requested: str) -> bool:
    return any(_is_within(Path(requested).resolve(), d) for d in ALLOWED)


@mcp.tool()
def read_note(path: str) -> str:
    target = resolve_allowed(path)
    # ok: tool-argument-path-traversal
    return target.read_text()


@mcp.tool()
def read_note_loosely(path: str) -> str:
    target = resolve_loosely(path)
    # ruleid: tool-argument-path-traversal
    return target.read_text()


@mcp.tool()
def append_line(path: str, line: str) -> str:
    is_allowed(path)  # result ignored
    # ruleid: tool-argument-path-traversal
    with open(path, "a") as f:
        f.write(line)
    return "ok"


@mcp.tool()
def save_note(folder: str, name: str, content: str) -> str:
    target = Path(folder) / name
    # the folder is created for the write below: one finding, at the write
    # ok: tool-argument-path-traversal
    target.parent.mkdir(parents=True, exist_ok=True)
    # ruleid: tool-argument-path-traversal
    target.write_text(content)
    return "saved"


@mcp.tool()
def make_folder(folder: str) -> str:
    # ruleid: tool-argument-path-traversal
    os.makedirs(folder, exist_ok=True)
    return "created"


@mcp.tool()
def project_settings(root: str) -> str:
    """Reads only <root>/pyproject.toml: the model picks the folder, not the file."""
    # ok: tool-argument-path-traversal
    with open(os.path.join(root, "pyproject.toml")) as f:
        return f.read()


@mcp.tool()
def reset_settings(root: str) -> str:
    """A fixed name written in a folder the model chooses is still reported."""
    # ruleid: tool-argument-path-traversal
    (Path(root) / "pyproject.toml").write_text("")
    return "reset"


@mcp.tool()
def read_any(root: str, name: str) -> str:
    # ruleid: tool-argument-path-traversal
    return (Path(root) / name).read_text()


@mcp.tool()
def run_snippet(code: str, language: Literal["python", "javascript"]) -> str:
    # ok: tool-argument-path-traversal
    (TMP / f"snippet.{language}").write_text(code)
    return "ok"


@mcp.tool()
def run_snippet_any(code: str, language: str) -> str:
    # ruleid: tool-argument-path-traversal
    (TMP / f"snippet.{language}").write_text(code)
    return "ok"


ROOTS = ["/srv/notes", "/srv/reports"]


@mcp.tool()
def read_prefix_checked(path: str) -> str:
    real = os.path.realpath(path)
    # a bare prefix: "/srv/notes-private/x" starts with "/srv/notes"
    if not any(real.startswith(root) for root in ROOTS):
        raise PermissionError(path)
    # ruleid: tool-argument-path-traversal
    return open(real).read()


@mcp.tool()
def read_dir_checked(path: str) -> str:
    real = os.path.realpath(path)
    if not any(real.startswith(root + os.sep) for root in ROOTS):
        raise PermissionError(path)
    # ok: tool-argument-path-traversal
    return open(real).read()
