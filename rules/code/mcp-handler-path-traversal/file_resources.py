"""MCP resources backed by files: template variables are chosen by the client (and the model)."""
import os
from pathlib import Path

from mcp.server import Server
from mcp.server.fastmcp import FastMCP

mcp = FastMCP("files")
server = Server("docs")
ROOT = Path("/srv/docs").resolve()


@mcp.resource("file://{path}")
def read_any(path: str) -> str:
    # ruleid: mcp-handler-path-traversal
    with open(path) as f:
        return f.read()


@mcp.resource("notes://{name}")
def read_note(name: str) -> str:
    # ruleid: mcp-handler-path-traversal
    return Path(os.path.join("/srv/notes", name)).read_text()


@mcp.resource("docs://{path}")
def read_doc(path: str) -> str:
    target = (ROOT / path).resolve()
    if not target.is_relative_to(ROOT):
        raise ValueError("outside the docs folder")
    # ok: mcp-handler-path-traversal
    return target.read_text()


@mcp.resource("readme://main")
def readme() -> str:
    # ok: mcp-handler-path-traversal
    return Path("README.md").read_text()


@server.read_resource()
async def read_resource(uri) -> str:
    # ruleid: mcp-handler-path-traversal
    return open(str(uri).removeprefix("file://")).read()


CACHED = {"logo": "/srv/cache/logo.png", "banner": "/srv/cache/banner.png"}


@mcp.resource("cache://{key}")
def cached(key: str) -> bytes:
    """The client picks a key; the file is the server's entry for it."""
    # ok: mcp-handler-path-traversal
    return Path(CACHED[key]).read_bytes()


@mcp.resource("cached-or-raw://{key}")
def cached_or_raw(key: str) -> bytes:
    # ruleid: mcp-handler-path-traversal
    return Path(CACHED.get(key) or key).read_bytes()
