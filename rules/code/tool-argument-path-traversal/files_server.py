"""A FastMCP file server and LangChain tools that read and write files chosen by the model."""
import json
import os
import shutil
from pathlib import Path

from langchain_core.tools import BaseTool, tool
from mcp.server.fastmcp import Context, FastMCP
from openai import OpenAI
from werkzeug.utils import secure_filename

mcp = FastMCP("files")
client = OpenAI()
BASE_DIR = "/srv/workspace"
ROOT = Path("/srv/workspace").resolve()


@mcp.tool()
def read_file(path: str) -> str:
    """Read a file from the workspace."""
    # ruleid: tool-argument-path-traversal
    with open(path, encoding="utf-8") as f:
        return f.read()


@mcp.tool()
def slugify_title(title: str) -> str:
    """Turn a note title into a slug (string methods, no file access)."""
    # ok: tool-argument-path-traversal
    return title.strip().replace(" ", "-").lower()


@mcp.tool()
async def write_note(name: str, content: str, ctx: Context) -> str:
    """Write a note into the workspace."""
    target = os.path.join(BASE_DIR, name)
    await ctx.info(f"writing {target}")
    # ruleid: tool-argument-path-traversal
    with open(target, "w") as f:
        f.write(content)
    return "ok"


@mcp.tool()
def delete_dir(folder: str) -> str:
    # ruleid: tool-argument-path-traversal
    shutil.rmtree(os.path.join(BASE_DIR, folder))
    return "deleted"


@mcp.tool()
def read_confined(path: str) -> str:
    """Safe: resolved, then checked against the base directory."""
    resolved = os.path.realpath(os.path.join(BASE_DIR, path))
    if not resolved.startswith(BASE_DIR + os.sep):
        raise ValueError("path escapes the workspace")
    # ok: tool-argument-path-traversal
    with open(resolved) as f:
        return f.read()


@mcp.tool()
def read_unresolved_check(path: str) -> str:
    """A prefix check without normalisation: '/srv/workspace/../../etc/passwd' passes."""
    if not path.startswith(BASE_DIR):
        raise ValueError("outside")
    # ruleid: tool-argument-path-traversal
    return Path(path).read_text()


@mcp.tool()
def make_folder(name: str) -> str:
    """A loose prefix check on a normalised path lets only siblings named like the base through: mkdir is harmless there."""
    target = os.path.normpath(os.path.join(BASE_DIR, name))
    if not target.startswith(BASE_DIR):
        raise ValueError("outside")
    # ok: tool-argument-path-traversal
    os.makedirs(target, exist_ok=True)
    return target


@mcp.tool()
def write_in_folder(name: str, text: str) -> str:
    """The same check before a write: '/srv/workspace-old/notes.txt' is someone else's file."""
    target = os.path.normpath(os.path.join(BASE_DIR, name))
    if not target.startswith(BASE_DIR):
        raise ValueError("outside")
    # ruleid: tool-argument-path-traversal
    with open(target, "w") as f:
        f.write(text)
    return target


@mcp.tool()
def read_pathlib(relative: str) -> str:
    """Safe: Path.resolve() + is_relative_to."""
    target = (ROOT / relative).resolve()
    if not target.is_relative_to(ROOT):
        raise PermissionError(relative)
    # ok: tool-argument-path-traversal
    return target.read_text()


@mcp.tool()
def read_pathlib_unchecked(relative: str) -> str:
    target = ROOT / relative
    # ruleid: tool-argument-path-traversal
    return target.read_text()


@mcp.tool()
def upload(filename: str, data: str) -> str:
    # ok: tool-argument-path-traversal
    with open(os.path.join(BASE_DIR, secure_filename(filename)), "w") as f:
        f.write(data)
    # ok: tool-argument-path-traversal
    Path(BASE_DIR, os.path.basename(filename)).write_text(data)
    return "stored"


@mcp.tool()
def read_known(report: str) -> str:
    """Safe: the model picks one of a fixed set of files."""
    if report not in {"daily.txt", "weekly.txt"}:
        raise ValueError(report)
    # ok: tool-argument-path-traversal
    return open(os.path.join(BASE_DIR, report)).read()


@tool
def cat_file(file_path: str) -> str:
    """LangChain tool: print a file."""
    # ruleid: tool-argument-path-traversal
    return Path(file_path).read_text()


@tool("remove_file")
def remove_file(name: str) -> str:
    """Delete a scratch file."""
    # ruleid: tool-argument-path-traversal
    os.remove(os.path.join("/tmp/scratch", name))
    return "removed"


class ReadTool(BaseTool):
    name: str = "read"
    description: str = "Read a file"

    def _run(self, file_name: str) -> str:
        # ruleid: tool-argument-path-traversal
        return open(file_name).read()


def handle_tool_call(tool_call) -> str:
    """OpenAI function calling: the arguments are JSON written by the model."""
    args = json.loads(tool_call.function.arguments)
    # ruleid: tool-argument-path-traversal
    shutil.copy(args["source"], "/tmp/out")
    # ok: tool-argument-path-traversal
    shutil.copy("/etc/app/defaults.toml", "/tmp/out")
    return "copied"


def save_summary(text: str) -> None:
    resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Suggest a file name for: {text}"}])
    name = resp.choices[0].message.content.strip()
    # ruleid: tool-argument-path-traversal
    with open(os.path.join(BASE_DIR, name), "w") as f:
        f.write(text)


def local_config(env_name: str) -> str:
    """Not model-controlled: a plain function parameter."""
    # ok: tool-argument-path-traversal
    return open(os.path.join(BASE_DIR, env_name)).read()
