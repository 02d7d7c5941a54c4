import sqlite3

import pandas as pd
from openai import OpenAI

from .base import READ_ONLY, AskBase


class OpenAIAsk(AskBase):
    def __init__(self, db_path: str, model: str = "gpt-4o-mini"):
        self.client = OpenAI()
        self.model = model
        # read-only connection: the database refuses writes whatever SQL the model writes
        self.conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)

    def submit_prompt(self, messages: list[dict]) -> str:
        resp = self.client.chat.completions.create(model=self.model, messages=messages, max_tokens=800)
        return resp.choices[0].message.content

    def run_sql(self, sql: str) -> pd.DataFrame:
        if not READ_ONLY.match(sql) or ";" in sql.strip().rstrip(";"):
            raise ValueError("only a single SELECT is allowed")
        return pd.read_sql_query(sql, self.conn)
