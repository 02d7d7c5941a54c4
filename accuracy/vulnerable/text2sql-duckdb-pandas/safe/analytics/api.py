import duckdb
import pandas as pd
import sqlglot
from anthropic import Anthropic
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel
from sqlalchemy import create_engine

app = FastAPI()
client = Anthropic()
warehouse = create_engine("postgresql+psycopg://analytics_readonly@db/warehouse")
ALLOWED_TABLES = {"events"}


class Question(BaseModel):
    text: str


def to_sql(question: str) -> str:
    msg = client.messages.create(
        model="claude-3-5-sonnet-20240620",
        max_tokens=500,
        system="Translate the question into SQL over the events table. Reply with SQL only.",
        messages=[{"role": "user", "content": question}],
    )
    return msg.content[0].text


def checked(sql: str) -> str:
    tree = sqlglot.parse_one(sql)
    if not isinstance(tree, sqlglot.exp.Select):
        raise HTTPException(400, "only SELECT queries")
    if {t.name for t in tree.find_all(sqlglot.exp.Table)} - ALLOWED_TABLES:
        raise HTTPException(400, "table not allowed")
    return tree.sql()


@app.post("/local")
def local(q: Question):
    con = duckdb.connect("events.duckdb", read_only=True)
    return con.sql(checked(to_sql(q.text))).df().to_dict("records")


@app.post("/warehouse")
def warehouse_query(q: Question):
    frame = pd.read_sql(checked(to_sql(q.text)), warehouse)
    return frame.to_dict("records")
