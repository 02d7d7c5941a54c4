"""Chat history persisted in SQLite so conversations survive a page reload."""
from __future__ import annotations

import sqlite3
import time
import uuid
from contextlib import closing
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
  content TEXT NOT NULL,
  created REAL NOT NULL
);
"""


class History:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, check_same_thread=False)
        self.conn.executescript(SCHEMA)

    def new_conversation(self, title: str = "New chat") -> str:
        cid = uuid.uuid4().hex
        with self.conn:
            self.conn.execute("INSERT INTO conversations (id, title, created) VALUES (?, ?, ?)", (cid, title[:80], time.time()))
        return cid

    def rename(self, cid: str, title: str) -> None:
        with self.conn:
            self.conn.execute("UPDATE conversations SET title = ? WHERE id = ?", (title[:80], cid))

    def conversations(self) -> list[tuple[str, str]]:
        with closing(self.conn.cursor()) as cur:
            return cur.execute("SELECT id, title FROM conversations ORDER BY created DESC").fetchall()

    def append(self, cid: str, role: str, content: str) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT INTO messages (conversation_id, role, content, created) VALUES (?, ?, ?, ?)",
                (cid, role, content, time.time()),
            )

    def messages(self, cid: str, limit: int = 200) -> list[tuple[str, str]]:
        with closing(self.conn.cursor()) as cur:
            rows = cur.execute(
                "SELECT role, content FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?", (cid, limit)
            ).fetchall()
        return list(reversed(rows))

    def delete(self, cid: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM messages WHERE conversation_id = ?", (cid,))
            self.conn.execute("DELETE FROM conversations WHERE id = ?", (cid,))
