import json
import sqlite3
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def settings_env(tmp_path, monkeypatch):
    from assistant import settings

    db = tmp_path / "helpdesk.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE tickets (id INTEGER PRIMARY KEY, title TEXT, status TEXT, priority TEXT, assignee TEXT, updated_at TEXT)")
    conn.executemany(
        "INSERT INTO tickets VALUES (?, ?, ?, ?, ?, ?)",
        [
            (4211, "VPN drops every 10 minutes", "open", "P2", "alice", "2024-10-02T09:00:00"),
            (4212, "New laptop for Dana", "pending", "P4", "bob", "2024-10-02T10:30:00"),
        ],
    )
    conn.commit()
    conn.close()
    monkeypatch.setenv("HELPDESK_DB", str(db))
    monkeypatch.setenv("KB_DIR", str(Path(__file__).parents[1] / "kb"))
    settings.get_settings.cache_clear()
    yield
    settings.get_settings.cache_clear()


@pytest.fixture
def tool_call_response():
    return json.loads((FIXTURES / "chat_completion_tool_call.json").read_text())
