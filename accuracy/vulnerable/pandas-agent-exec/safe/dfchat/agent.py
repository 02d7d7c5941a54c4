import json

import pandas as pd
from openai import OpenAI

AGGREGATES = {"sum", "mean", "min", "max", "count"}


class DataFrameAgent:
    """The model returns a query plan (JSON); only whitelisted pandas operations run."""

    def __init__(self, df: pd.DataFrame, model: str = "gpt-4o-mini"):
        self.df = df
        self.client = OpenAI()
        self.model = model

    def _plan(self, question: str) -> dict:
        prompt = f'df has columns {list(self.df.columns)}. Reply JSON {{"group_by": col, "column": col, "agg": "sum|mean|min|max|count"}}. Question: {question}'
        resp = self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": prompt}], max_tokens=200)
        return json.loads(resp.choices[0].message.content)

    def chat(self, question: str):
        plan = self._plan(question)
        if plan.get("agg") not in AGGREGATES or plan.get("column") not in self.df.columns or plan.get("group_by") not in self.df.columns:
            raise ValueError("unsupported plan")
        return self.df.groupby(plan["group_by"])[plan["column"]].agg(plan["agg"])
