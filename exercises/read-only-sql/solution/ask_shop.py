import sqlite3

import pandas as pd
from openai import OpenAI

client = OpenAI()
# the model writes the query: open the database read-only so a prompt injection cannot change data
conn = sqlite3.connect("file:shop.db?mode=ro", uri=True)
SCHEMA = "products(id INTEGER, name TEXT, category TEXT, price REAL)"


def ask(question: str) -> pd.DataFrame:
    """Answer a question about the catalogue with a query the model writes."""
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        max_tokens=300,
        messages=[
            {"role": "system", "content": f"Write one SQLite SELECT statement for the table {SCHEMA}. Reply with SQL only."},
            {"role": "user", "content": question},
        ],
    )
    sql = resp.choices[0].message.content
    return pd.read_sql(sql, conn)
