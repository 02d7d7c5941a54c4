"""Training data (DDL, docs, question/SQL pairs) kept in SQLite; retrieval by keyword overlap."""
import os
import re
import sqlite3
import uuid

from .base import AskDataBase

_WORD = re.compile(r"[a-z0-9_]+")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


class SqliteMemory(AskDataBase):
    def __init__(self, config: dict | None = None):
        AskDataBase.__init__(self, config=config)
        path = (config or {}).get("memory_path") or os.getenv("ASKDATA_MEMORY", "askdata_memory.sqlite3")
        self.mem = sqlite3.connect(path, check_same_thread=False)
        self.mem.execute("CREATE TABLE IF NOT EXISTS training (id TEXT PRIMARY KEY, kind TEXT, question TEXT, content TEXT)")
        self.n_results = (config or {}).get("n_results", 5)

    def _add(self, kind: str, content: str, question: str | None = None) -> str:
        item_id = f"{uuid.uuid4()}-{kind}"
        self.mem.execute("INSERT INTO training (id, kind, question, content) VALUES (?, ?, ?, ?)", (item_id, kind, question, content))
        self.mem.commit()
        return item_id

    def add_ddl(self, ddl: str) -> str:
        return self._add("ddl", ddl)

    def add_documentation(self, doc: str) -> str:
        return self._add("doc", doc)

    def add_question_sql(self, question: str, sql: str) -> str:
        return self._add("sql", sql, question)

    def remove_training_data(self, item_id: str) -> bool:
        cur = self.mem.execute("DELETE FROM training WHERE id = ?", (item_id,))
        self.mem.commit()
        return cur.rowcount > 0

    def _ranked(self, kind: str, question: str) -> list[tuple]:
        rows = self.mem.execute("SELECT question, content FROM training WHERE kind = ?", (kind,)).fetchall()
        q = _words(question)
        return sorted(rows, key=lambda r: -len(q & _words((r[0] or "") + " " + r[1])))[: self.n_results]

    def get_related_ddl(self, question: str) -> list[str]:
        return [r[1] for r in self._ranked("ddl", question)]

    def get_related_documentation(self, question: str) -> list[str]:
        return [r[1] for r in self._ranked("doc", question)]

    def get_similar_question_sql(self, question: str) -> list[dict]:
        return [{"question": r[0], "sql": r[1]} for r in self._ranked("sql", question)]
