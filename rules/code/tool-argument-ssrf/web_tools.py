"""Web tools for an agent: MCP (FastMCP), LangChain and OpenAI function calling."""
import json
import os
import urllib.request
from urllib.parse import urlparse

import httpx
import requests
from langchain_core.tools import tool
from mcp.server.fastmcp import FastMCP
from openai import OpenAI

mcp = FastMCP("web")
client = OpenAI()
ALLOWED_HOSTS = {"docs.python.org", "api.github.com"}
session = requests.Session()


@mcp.tool()
def fetch_page(url: str) -> str:
    """Fetch a web page for the model."""
    # ruleid: tool-argument-ssrf
    return requests.get(url, timeout=10).text


@mcp.tool()
async def fetch_json(url: str) -> dict:
    async with httpx.AsyncClient(timeout=10) as http:
        # ruleid: tool-argument-ssrf
        resp = await http.get(url)
    return resp.json()


@mcp.tool()
def fetch_allowed(url: str) -> str:
    """Safe: the parsed host must be on the allow-list."""
    host = urlparse(url).hostname
    if host not in ALLOWED_HOSTS:
        raise ValueError(f"host not allowed: {host}")
    # ok: tool-argument-ssrf
    return requests.get(url, timeout=10).text


@mcp.tool()
def github_repo(repo: str) -> dict:
    """Safe: the host is fixed, the model only fills the path."""
    # ok: tool-argument-ssrf
    return requests.get(f"https://api.github.com/repos/{repo}", timeout=10).json()


@mcp.tool()
def weather(city: str) -> str:
    # ok: tool-argument-ssrf
    return session.get("https://wttr.in/" + city, params={"format": "3"}).text


@tool
def download(link: str) -> bytes:
    """LangChain tool: download a file."""
    # ruleid: tool-argument-ssrf
    with urllib.request.urlopen(link) as r:
        return r.read()


@tool
def post_webhook(endpoint: str, payload: str) -> int:
    """Send a webhook."""
    # ruleid: tool-argument-ssrf
    return session.post(endpoint, data=payload).status_code


def run_tool_call(tool_call) -> str:
    args = json.loads(tool_call.function.arguments)
    target = f"{args['base_url']}/v1/items"
    # ruleid: tool-argument-ssrf
    return httpx.request("GET", target).text


def research(topic: str) -> str:
    resp = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": f"Best URL about {topic}?"}])
    link = resp.choices[0].message.content.strip()
    # ruleid: tool-argument-ssrf
    page = requests.get(link)
    parsed = urlparse(link)
    if parsed.hostname in ALLOWED_HOSTS:
        # ok: tool-argument-ssrf
        page = requests.get(link)
    return page.text


def health(base: str) -> int:
    """Not model-controlled."""
    # ok: tool-argument-ssrf
    return requests.get(base + "/health").status_code


def is_safe_url(url: str) -> bool:
    """Public http(s) hosts only: resolves the name and rejects private and loopback addresses."""
    parts = urlparse(url)
    return parts.scheme in {"http", "https"} and not _resolves_to_private(parts.hostname or "")


@mcp.tool()
def fetch_public(url: str) -> str:
    ok = is_safe_url(url)
    if not ok:
        raise ValueError("blocked URL")
    # ok: tool-argument-ssrf
    return requests.get(url, timeout=10, allow_redirects=False).text


@mcp.tool()
def fetch_logged(url: str) -> str:
    ok = is_safe_url(url)
    print("checked", url, ok)
    # ruleid: tool-argument-ssrf
    return requests.get(url, timeout=10).text


# Plain functions described to the model with function-calling schemas (Anthropic tool shape), dispatched by name.
STATUS_TOOLS = [
    {
        "name": "fetch_status_page",
        "description": "Fetch a vendor status page and return its text.",
        "input_schema": {"type": "object", "properties": {"url": {"type": "string"}}, "required": ["url"]},
    },
    {
        "name": "fetch_vendor_status",
        "description": "Fetch the status page of a known vendor.",
        "input_schema": {"type": "object", "properties": {"vendor": {"type": "string"}}, "required": ["vendor"]},
    },
]
STATUS_PAGES = {"github": "https://www.githubstatus.com/api/v2/status.json", "openai": "https://status.openai.com/api/v2/status.json"}


def fetch_status_page(url: str) -> str:
    # ruleid: tool-argument-ssrf
    return httpx.get(url, timeout=10, follow_redirects=True).text[:6000]


def fetch_vendor_status(vendor: str) -> str:
    # ok: tool-argument-ssrf
    return httpx.get(STATUS_PAGES.get(vendor, STATUS_PAGES["github"]), timeout=10).text[:6000]


def fetch_changelog(url: str) -> str:
    # not described to any model: the application passes its own configured URL
    # ok: tool-argument-ssrf
    return httpx.get(url, timeout=10).text


@tool
def fetch_docs(url: str) -> str:
    """Fetch a documentation page (http or https)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https"):
        return "Only http(s) URLs."
    # a scheme check leaves the host open: http://169.254.169.254/ passes
    # ruleid: tool-argument-ssrf
    return httpx.get(url, timeout=10).text


@tool
def fetch_allowed_docs(url: str) -> str:
    """Fetch a page from the allowed documentation hosts."""
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in ALLOWED_HOSTS:
        return "Not allowed."
    # ok: tool-argument-ssrf
    return httpx.get(url, timeout=10).text


API_BASE = os.environ.get("TRACKER_API", "https://tracker.example.com/api")


@tool
def get_issue(issue_id: str) -> str:
    """Read an issue of the tracker."""
    # ok: tool-argument-ssrf
    return httpx.get(f"{API_BASE}/issues/{issue_id}", timeout=10).text


@tool
def get_issue_on(host: str, issue_id: str) -> str:
    """Read an issue from a tracker host."""
    # ruleid: tool-argument-ssrf
    return httpx.get(f"https://{host}/issues/{issue_id}", timeout=10).text
