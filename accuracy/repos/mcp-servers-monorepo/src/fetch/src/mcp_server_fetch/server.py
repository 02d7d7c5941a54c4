from urllib.parse import urlparse, urlunparse

import httpx
from markdownify import markdownify
from mcp.server.fastmcp import FastMCP
from protego import Protego

DEFAULT_USER_AGENT = "ModelContextProtocol/1.0 (Autonomous; +https://github.com/modelcontextprotocol/servers)"
mcp = FastMCP("fetch")


def robots_url(url: str) -> str:
    p = urlparse(url)
    return urlunparse((p.scheme, p.netloc, "/robots.txt", "", "", ""))


async def check_may_fetch(client: httpx.AsyncClient, url: str) -> None:
    r = await client.get(robots_url(url), headers={"User-Agent": DEFAULT_USER_AGENT})
    if r.status_code == 200 and not Protego.parse(r.text).can_fetch(url, DEFAULT_USER_AGENT):
        raise ValueError("The site's robots.txt does not allow autonomous fetching of this page")


@mcp.tool()
async def fetch(url: str, max_length: int = 5000, start_index: int = 0) -> str:
    """Fetches a URL from the internet and extracts its contents as markdown."""
    async with httpx.AsyncClient(follow_redirects=True, timeout=30) as client:
        await check_may_fetch(client, url)
        r = await client.get(url, headers={"User-Agent": DEFAULT_USER_AGENT})
    text = markdownify(r.text) if "html" in r.headers.get("content-type", "") else r.text
    return text[start_index : start_index + max_length]


def main() -> None:
    mcp.run()
