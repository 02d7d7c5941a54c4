import re

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go


class AskBase:
    """Question -> SQL -> dataframe -> chart. Subclasses provide submit_prompt and the database."""

    def submit_prompt(self, messages: list[dict]) -> str:
        raise NotImplementedError

    def run_sql(self, sql: str) -> pd.DataFrame:
        raise NotImplementedError

    def generate_sql(self, question: str) -> str:
        messages = [
            {"role": "system", "content": "Write one SQLite query answering the question. Reply with SQL only."},
            {"role": "user", "content": question},
        ]
        return self._extract_sql(self.submit_prompt(messages))

    def _extract_sql(self, text: str) -> str:
        m = re.search(r"```sql\n(.*?)```", text, re.S)
        return m.group(1) if m else text

    def generate_plotly_code(self, question: str, df: pd.DataFrame) -> str:
        messages = [
            {"role": "system", "content": f"The dataframe `df` has columns {list(df.columns)}."},
            {"role": "user", "content": f"Write Python Plotly code that charts the answer to: {question}"},
        ]
        return self._strip_fences(self.submit_prompt(messages))

    def _strip_fences(self, text: str) -> str:
        return text.replace("```python", "").replace("```", "").strip()

    def get_plotly_figure(self, plotly_code: str, df: pd.DataFrame) -> go.Figure:
        scope = {"df": df, "px": px, "go": go}
        exec(plotly_code, globals(), scope)
        return scope.get("fig")

    def ask(self, question: str):
        sql = self.generate_sql(question)
        df = self.run_sql(sql)
        code = self.generate_plotly_code(question, df)
        return sql, df, self.get_plotly_figure(code, df)
