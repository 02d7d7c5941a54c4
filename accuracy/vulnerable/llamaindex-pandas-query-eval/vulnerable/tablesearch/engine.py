import pandas as pd
from llama_index.llms import OpenAI

INSTRUCTIONS = "Convert the query to one pandas expression over `df`. Return only the expression."


def default_output_processor(output: str, df: pd.DataFrame) -> str:
    local_vars = {"df": df}
    return str(eval(output.strip(), {}, local_vars))


class TableQueryEngine:
    def __init__(self, df: pd.DataFrame):
        self._df = df
        self._llm = OpenAI(model="gpt-3.5-turbo", max_tokens=256)
        self._output_processor = default_output_processor

    def query(self, query_str: str) -> str:
        response = self._llm.complete(f"{INSTRUCTIONS}\ndf.head():\n{self._df.head()}\nQuery: {query_str}\nExpression:")
        return self._output_processor(response.text, self._df)
