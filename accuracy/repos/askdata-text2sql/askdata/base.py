import re
from abc import ABC, abstractmethod

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import sqlglot
from sqlglot import exp


class AskDataBase(ABC):
    def __init__(self, config: dict | None = None):
        self.config = config or {}
        self.dialect = "DuckDB"
        self.allow_llm_to_see_data = self.config.get("allow_llm_to_see_data", False)
        self.run_sql_is_set = False

    # ---- to implement by the LLM and memory mixins ----
    @abstractmethod
    def submit_prompt(self, prompt: list[dict], **kwargs) -> str: ...

    @abstractmethod
    def get_related_ddl(self, question: str) -> list[str]: ...

    @abstractmethod
    def get_similar_question_sql(self, question: str) -> list[dict]: ...

    @abstractmethod
    def get_related_documentation(self, question: str) -> list[str]: ...

    @abstractmethod
    def add_question_sql(self, question: str, sql: str) -> str: ...

    @abstractmethod
    def add_ddl(self, ddl: str) -> str: ...

    # ---- prompts ----
    def get_sql_prompt(self, question: str, question_sql_list: list[dict], ddl_list: list[str], doc_list: list[str]) -> list[dict]:
        system = f"You are a {self.dialect} expert. Generate a SQL query to answer the question. Respond with only SQL.\n"
        system += "\n===Tables\n" + "\n\n".join(ddl_list)
        if doc_list:
            system += "\n===Additional Context\n" + "\n\n".join(doc_list)
        system += (
            "\n===Response Guidelines\n"
            "1. If the context is sufficient, generate a valid SQL query without any explanations.\n"
            "2. If the context is almost sufficient but requires knowledge of a specific string in a column, "
            "generate an intermediate SQL query to find the distinct strings in that column. Prepend it with intermediate_sql\n"
            "3. If the context is insufficient, explain why it can't be generated.\n"
        )
        messages = [{"role": "system", "content": system}]
        for ex in question_sql_list:
            messages.append({"role": "user", "content": ex["question"]})
            messages.append({"role": "assistant", "content": ex["sql"]})
        messages.append({"role": "user", "content": question})
        return messages

    # ---- SQL ----
    def extract_sql(self, llm_response: str) -> str:
        fenced = re.search(r"```sql\n(.*?)```", llm_response, re.DOTALL)
        if fenced:
            return fenced.group(1).strip()
        select = re.search(r"\b(WITH|SELECT)\b.*?(;|$)", llm_response, re.DOTALL | re.IGNORECASE)
        return select.group(0).strip() if select else llm_response.strip()

    def is_sql_valid(self, sql: str) -> bool:
        try:
            statements = sqlglot.parse(sql, read="duckdb")
        except sqlglot.errors.ParseError:
            return False
        return len(statements) == 1 and isinstance(statements[0], (exp.Select, exp.Union, exp.With))

    def generate_sql(self, question: str, allow_llm_to_see_data: bool = False) -> str:
        question_sql_list = self.get_similar_question_sql(question)
        ddl_list = self.get_related_ddl(question)
        doc_list = self.get_related_documentation(question)
        prompt = self.get_sql_prompt(question, question_sql_list, ddl_list, doc_list)
        llm_response = self.submit_prompt(prompt)

        if "intermediate_sql" in llm_response and allow_llm_to_see_data:
            intermediate_sql = self.extract_sql(llm_response)
            df = self.run_sql(intermediate_sql)
            doc_list = doc_list + [f"The following is a pandas DataFrame with the results of the intermediate SQL query {intermediate_sql}: \n" + df.to_markdown()]
            prompt = self.get_sql_prompt(question, question_sql_list, ddl_list, doc_list)
            llm_response = self.submit_prompt(prompt)
        return self.extract_sql(llm_response)

    def connect_to_duckdb(self, path: str = ":memory:", read_only: bool = True) -> None:
        import duckdb

        conn = duckdb.connect(database=path, read_only=read_only and path != ":memory:")

        def run_sql_duckdb(sql: str) -> pd.DataFrame:
            return conn.sql(sql).df()

        self.run_sql = run_sql_duckdb
        self.run_sql_is_set = True

    def run_sql(self, sql: str) -> pd.DataFrame:
        raise RuntimeError("call connect_to_duckdb() first")

    # ---- charts ----
    def generate_plotly_code(self, question: str, sql: str, df_metadata: str) -> str:
        system = (
            f"The following is a pandas DataFrame that contains the results of the query that answers the question the user asked: '{question}'"
            f"\n\nThe DataFrame was produced using this query: {sql}\n\n"
            f"The following is information about the resulting pandas DataFrame 'df': \n{df_metadata}"
        )
        messages = [
            {"role": "system", "content": system},
            {"role": "user", "content": "Can you generate the Python plotly code to chart the results of the dataframe? Assume the data is in a pandas dataframe called 'df'. Respond with only Python code. Do not answer with any explanations -- just the code."},
        ]
        return self._sanitize_plotly_code(self.submit_prompt(messages))

    def _sanitize_plotly_code(self, raw: str) -> str:
        code = re.sub(r"^```(python)?\n?|```$", "", raw.strip(), flags=re.MULTILINE)
        return code.replace("fig.show()", "")

    def get_plotly_figure(self, plotly_code: str, df: pd.DataFrame, dark_mode: bool = True) -> go.Figure:
        ldict = {"df": df, "px": px, "go": go}
        try:
            exec(plotly_code, globals(), ldict)
            fig = ldict.get("fig", None)
        except Exception:
            numeric = df.select_dtypes(include=["number"]).columns.tolist()
            fig = px.bar(df, x=df.columns[0], y=numeric[0]) if numeric and len(df.columns) > 1 else go.Figure()
        if fig is not None and dark_mode:
            fig.update_layout(template="plotly_dark")
        return fig

    # ---- high level ----
    def ask(self, question: str, visualize: bool = True):
        sql = self.generate_sql(question, allow_llm_to_see_data=self.allow_llm_to_see_data)
        if not self.is_sql_valid(sql):
            return sql, None, None
        df = self.run_sql(sql)
        fig = None
        if visualize and len(df) > 0:
            code = self.generate_plotly_code(question, sql, f"Running df.dtypes gives:\n {df.dtypes}")
            fig = self.get_plotly_figure(code, df)
        return sql, df, fig

    def train(self, question: str | None = None, sql: str | None = None, ddl: str | None = None) -> str:
        if ddl:
            return self.add_ddl(ddl)
        if question and sql:
            return self.add_question_sql(question, sql)
        raise ValueError("give ddl, or question and sql")
