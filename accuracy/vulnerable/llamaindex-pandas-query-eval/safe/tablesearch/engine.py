import pandas as pd
from llama_index.llms import OpenAI

INSTRUCTIONS = "Name the column to summarise. Return only the column name."


class TableQueryEngine:
    def __init__(self, df: pd.DataFrame):
        self._df = df
        self._llm = OpenAI(model="gpt-3.5-turbo", max_tokens=32)

    def query(self, query_str: str) -> str:
        response = self._llm.complete(f"{INSTRUCTIONS}\nColumns: {list(self._df.columns)}\nQuery: {query_str}")
        column = response.text.strip()
        if column not in self._df.columns:
            return "I cannot answer that from this table."
        return self._df[column].describe().to_string()
