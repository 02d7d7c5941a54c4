import json
from pathlib import Path

import pytest

from askdata.base import AskDataBase

FIXTURES = json.loads((Path(__file__).parent / "fixtures" / "llm_responses.json").read_text())


class Recorded(AskDataBase):
    def __init__(self, responses):
        super().__init__()
        self.responses = list(responses)

    def submit_prompt(self, prompt, **kwargs):
        return self.responses.pop(0)

    def get_related_ddl(self, question):
        return ["CREATE TABLE orders (order_id INTEGER, status VARCHAR)"]

    def get_similar_question_sql(self, question):
        return []

    def get_related_documentation(self, question):
        return []

    def add_question_sql(self, question, sql):
        return "x"

    def add_ddl(self, ddl):
        return "x"


@pytest.mark.parametrize("case", FIXTURES["extract"], ids=lambda c: c["name"])
def test_extract_sql(case):
    assert Recorded([]).extract_sql(case["response"]) == case["sql"]


def test_is_sql_valid():
    ad = Recorded([])
    assert ad.is_sql_valid("SELECT 1")
    assert not ad.is_sql_valid("DROP TABLE orders")
    assert not ad.is_sql_valid("SELECT 1; DELETE FROM orders")


def test_generate_sql_uses_recorded_response():
    ad = Recorded([FIXTURES["extract"][0]["response"]])
    assert ad.generate_sql("how many orders?") == FIXTURES["extract"][0]["sql"]


def test_ask_on_duckdb():
    ad = Recorded(["SELECT 42 AS answer", "fig = px.bar(df, x='answer', y='answer')"])
    ad.connect_to_duckdb()
    sql, df, fig = ad.ask("what is the answer?")
    assert sql == "SELECT 42 AS answer"
    assert int(df["answer"][0]) == 42
    assert fig is not None
