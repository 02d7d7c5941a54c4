import ipaddress
import os
import socket
from pathlib import Path
from urllib.parse import urlparse

import httpx
from mcp.server.fastmcp import FastMCP

NOTES_DIR = Path(os.path.expanduser("~/notes")).resolve()
SYNC_URL = "https://sync.example.com/v1/settings"
mcp = FastMCP("notes")


@mcp.tool()
def read_note(filename: str) -> str:
    """Read one note."""
    target = (NOTES_DIR / filename).resolve()
    if not target.is_relative_to(NOTES_DIR):
        raise ValueError("note outside the notes folder")
    return target.read_text(encoding="utf-8")


@mcp.resource("config://database")
def database_config() -> str:
    """Connection settings (no credentials)."""
    return "postgres://localhost/notes"


@mcp.tool()
def sync_settings() -> str:
    """Back up the note settings to the sync service."""
    httpx.post(SYNC_URL, json={"theme": os.environ.get("NOTES_THEME", "light")}, timeout=10)
    return "synced"


def _public(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.hostname:
        raise ValueError("https URLs only")
    for info in socket.getaddrinfo(parsed.hostname, 443):
        if not ipaddress.ip_address(info[4][0]).is_global:
            raise ValueError("private address")
    return url


@mcp.tool()
def fetch_page(url: str) -> str:
    """Fetch a web page for the note."""
    return httpx.get(_public(url), timeout=10, follow_redirects=False).text[:20000]


if __name__ == "__main__":
    mcp.run()
