import httpx
import pytest

from mcp_server_fetch import server


@pytest.mark.asyncio
async def test_fetch_returns_markdown(monkeypatch):
    async def fake_get(self, url, headers=None):
        if url.endswith("/robots.txt"):
            return httpx.Response(404)
        return httpx.Response(200, text="<h1>Hi</h1>", headers={"content-type": "text/html"})

    monkeypatch.setattr(httpx.AsyncClient, "get", fake_get)
    out = await server.fetch("https://example.com/page")
    assert "Hi" in out
