import json
import re

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

CHARTS = {"bar": px.bar, "line": px.line, "scatter": px.scatter, "pie": px.pie}
READ_ONLY = re.compile(r"^\s*select\b", re.I)


class AskBase:
    """Question -> SQL -> dataframe -> chart. The model picks a chart spec; no model text is executed."""

    def submit_prompt(self, messages: list[dict]) -> str:
        raise NotImplementedError

    def run_sql(self, sql: str) -> pd.DataFrame:
        raise NotImplementedError

    def generate_sql(self, question: str) -> str:
        messages = [
            {"role": "system", "content": "Write one SQLite SELECT query answering the question. Reply with SQL only."},
            {"role": "user", "content": question},
        ]
        return self._extract_sql(self.submit_prompt(messages))

    def _extract_sql(self, text: str) -> str:
        m = re.search(r"```sql\n(.*?)```", text, re.S)
        return m.group(1) if m else text

    def generate_chart_spec(self, question: str, df: pd.DataFrame) -> dict:
        messages = [
            {"role": "system", "content": 'Reply with JSON {"kind": "bar|line|scatter|pie", "x": column, "y": column}.'},
            {"role": "user", "content": f"Columns: {list(df.columns)}. Question: {question}"},
        ]
        return json.loads(self.submit_prompt(messages))

    def get_plotly_figure(self, spec: dict, df: pd.DataFrame) -> go.Figure | None:
        chart = CHARTS.get(spec.get("kind"))
        if chart is None or spec.get("x") not in df.columns or spec.get("y") not in df.columns:
            return None
        return chart(df, x=spec["x"], y=spec["y"])

    def ask(self, question: str):
        sql = self.generate_sql(question)
        df = self.run_sql(sql)
        return sql, df, self.get_plotly_figure(self.generate_chart_spec(question, df), df)
