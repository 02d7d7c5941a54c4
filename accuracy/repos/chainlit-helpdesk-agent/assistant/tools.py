"""Tools the model can call, with their JSON schemas (OpenAI function calling format)."""
import json
import math
import re
import sqlite3
from pathlib import Path

import httpx
from bs4 import BeautifulSoup

from .settings import get_settings

TOOLS = [
    {
        "type": "function",
        "function": {
            "name": "get_ticket",
            "description": "Get a helpdesk ticket by its number.",
            "parameters": {
                "type": "object",
                "properties": {"ticket_id": {"type": "integer", "description": "Ticket number, e.g. 4211"}},
                "required": ["ticket_id"],
                "additionalProperties": False,
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "search_tickets",
            "description": "Search open tickets by words in their title.",
            "parameters": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "status": {"type": "string", "enum": ["open", "pending", "closed"]},
                },
                "required": ["text"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "read_kb_article",
            "description": "Read a knowledge-base article by its slug (e.g. 'vpn-reset').",
            "parameters": {
                "type": "object",
                "properties": {"slug": {"type": "string"}},
                "required": ["slug"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "fetch_status_page",
            "description": "Fetch a vendor status page and return its visible text.",
            "parameters": {
                "type": "object",
                "properties": {"url": {"type": "string", "description": "Status page URL"}},
                "required": ["url"],
            },
        },
    },
    {
        "type": "function",
        "function": {
            "name": "calculate",
            "description": "Evaluate an arithmetic expression, e.g. '(48 - 13.5) / 24'.",
            "parameters": {
                "type": "object",
                "properties": {"expression": {"type": "string"}},
                "required": ["expression"],
            },
        },
    },
]

SLUG_RE = re.compile(r"^[a-z0-9-]{1,64}$")
_MATH_NAMES = {name: getattr(math, name) for name in ("ceil", "floor", "sqrt", "log", "exp")}
_MATH_NAMES.update({"abs": abs, "round": round, "min": min, "max": max})


def _db() -> sqlite3.Connection:
    conn = sqlite3.connect(get_settings().helpdesk_db)
    conn.row_factory = sqlite3.Row
    return conn


def get_ticket(ticket_id: int) -> dict:
    with _db() as conn:
        row = conn.execute(
            "SELECT id, title, status, priority, assignee, updated_at FROM tickets WHERE id = ?",
            (int(ticket_id),),
        ).fetchone()
    return dict(row) if row else {"error": f"ticket #{ticket_id} not found"}


def search_tickets(text: str, status: str = "open") -> list[dict]:
    if status not in ("open", "pending", "closed"):
        status = "open"
    with _db() as conn:
        rows = conn.execute(
            "SELECT id, title, status FROM tickets WHERE status = ? AND title LIKE ? ORDER BY updated_at DESC LIMIT 20",
            (status, f"%{text}%"),
        ).fetchall()
    return [dict(r) for r in rows]


def read_kb_article(slug: str) -> str:
    if not SLUG_RE.match(slug):
        return "Invalid article slug."
    path = Path(get_settings().kb_dir) / f"{slug}.md"
    if not path.is_file():
        return f"No article named {slug}."
    return path.read_text(encoding="utf-8")[:8000]


def fetch_status_page(url: str) -> str:
    resp = httpx.get(url, timeout=10, follow_redirects=True)
    resp.raise_for_status()
    soup = BeautifulSoup(resp.text, "html.parser")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    text = " ".join(soup.get_text(" ").split())
    return text[:6000]


def calculate(expression: str) -> str:
    if len(expression) > 200:
        return "Expression too long."
    try:
        value = eval(expression, {"__builtins__": {}}, _MATH_NAMES)
    except Exception as exc:  # noqa: BLE001 - reported back to the model
        return f"Error: {exc}"
    return str(value)


REGISTRY = {
    "get_ticket": get_ticket,
    "search_tickets": search_tickets,
    "read_kb_article": read_kb_article,
    "fetch_status_page": fetch_status_page,
    "calculate": calculate,
}


def call_tool(name: str, arguments: str) -> str:
    fn = REGISTRY.get(name)
    if fn is None:
        return json.dumps({"error": f"unknown tool {name}"})
    try:
        args = json.loads(arguments or "{}")
    except json.JSONDecodeError:
        return json.dumps({"error": "arguments were not valid JSON"})
    result = fn(**args)
    return result if isinstance(result, str) else json.dumps(result, default=str)
