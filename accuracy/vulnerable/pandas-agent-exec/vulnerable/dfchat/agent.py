import pandas as pd
from openai import OpenAI


class DataFrameAgent:
    def __init__(self, df: pd.DataFrame, model: str = "gpt-4o-mini"):
        self.df = df
        self.client = OpenAI()
        self.model = model
        self.last_code: str | None = None

    def _generate(self, question: str) -> None:
        prompt = f"df has columns {list(self.df.columns)}. Write pandas code that stores the answer in `result`. Question: {question}"
        resp = self.client.chat.completions.create(model=self.model, messages=[{"role": "user", "content": prompt}], max_tokens=600)
        self.last_code = resp.choices[0].message.content.strip("`")

    def _execute(self):
        env = {"df": self.df, "pd": pd}
        exec(self.last_code, env)
        return env.get("result")

    def chat(self, question: str):
        self._generate(question)
        return self._execute()
