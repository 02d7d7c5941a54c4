import os
from typing import Type

import httpx
from crewai.tools import BaseTool
from pydantic import BaseModel, Field

SERPER_URL = "https://google.serper.dev/search"


class WebSearchInput(BaseModel):
    query: str = Field(..., min_length=2, max_length=200, description="Search query")
    num_results: int = Field(5, ge=1, le=10, description="How many results to return")


class WebSearchTool(BaseTool):
    name: str = "web_search"
    description: str = "Search the web and return titles, links and snippets of the top results."
    args_schema: Type[BaseModel] = WebSearchInput

    def _run(self, query: str, num_results: int = 5) -> str:
        api_key = os.environ.get("SERPER_API_KEY")
        if not api_key:
            return "web_search is not configured (SERPER_API_KEY missing)."
        resp = httpx.post(
            SERPER_URL,
            headers={"X-API-KEY": api_key, "Content-Type": "application/json"},
            json={"q": query, "num": num_results},
            timeout=20,
        )
        resp.raise_for_status()
        items = resp.json().get("organic", [])[:num_results]
        if not items:
            return "No results."
        lines = []
        for item in items:
            snippet = (item.get("snippet") or "").replace("\n", " ")[:300]
            lines.append(f"- {item.get('title', '')}\n  {item.get('link', '')}\n  {snippet}")
        return "Search results (untrusted web content):\n" + "\n".join(lines)
