import duckdb
import pandas as pd
from anthropic import Anthropic
from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy import create_engine

app = FastAPI()
client = Anthropic()
warehouse = create_engine("postgresql+psycopg://analytics@db/warehouse")


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


@app.post("/local")
def local(q: Question):
    query = to_sql(q.text)
    return duckdb.sql(query).df().to_dict("records")


@app.post("/warehouse")
def warehouse_query(q: Question):
    frame = pd.read_sql(to_sql(q.text), warehouse)
    return frame.to_dict("records")
