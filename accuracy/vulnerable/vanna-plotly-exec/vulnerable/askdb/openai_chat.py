import sqlite3

import pandas as pd
from openai import OpenAI

from .base import AskBase


class OpenAIAsk(AskBase):
    def __init__(self, db_path: str, model: str = "gpt-4o-mini"):
        self.client = OpenAI()
        self.model = model
        self.conn = sqlite3.connect(db_path)

    def submit_prompt(self, messages: list[dict]) -> str:
        resp = self.client.chat.completions.create(model=self.model, messages=messages, max_tokens=800)
        return resp.choices[0].message.content

    def run_sql(self, sql: str) -> pd.DataFrame:
        return pd.read_sql_query(sql, self.conn)
