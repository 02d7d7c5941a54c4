"""A text-to-SQL assistant in the shape of vanna: a base class whose ask() generates plotting code through
abstract methods that provider subclasses implement with an LLM client, then runs it."""
from abc import ABC, abstractmethod

import pandas as pd
import plotly.express as px
from openai import OpenAI


class AssistantBase(ABC):
    def __init__(self, config=None):
        self.config = config or {}
        self.last_code = None

    @abstractmethod
    def submit_prompt(self, prompt, **kwargs) -> str:
        ...

    def generate_plotly_code(self, question: str, df_metadata: str) -> str:
        prompt = f"Write plotly code for {question}. The dataframe: {df_metadata}"
        response = self.submit_prompt(prompt)
        return self._extract_python_code(response)

    def _extract_python_code(self, markdown: str) -> str:
        return markdown.replace("```python", "").replace("```", "").strip()

    def get_plotly_figure(self, plotly_code: str, df: pd.DataFrame):
        ldict = {"df": df, "px": px}
        # ruleid: llm-output-code-execution
        exec(plotly_code, globals(), ldict)
        return ldict.get("fig")

    def ask(self, question: str, df: pd.DataFrame):
        code = self.generate_plotly_code(question=question, df_metadata=str(df.dtypes))
        self.last_code = code
        return self.get_plotly_figure(code, df)

    def replay(self, df: pd.DataFrame):
        # ruleid: llm-output-code-execution
        return eval(self.last_code, {"df": df})

    def describe(self) -> str:
        # ok: llm-output-code-execution
        return eval("1 + 1")


class OpenAIChat(AssistantBase):
    def __init__(self, client=None, config=None):
        AssistantBase.__init__(self, config=config)
        self.client = client or OpenAI()

    def submit_prompt(self, prompt, **kwargs) -> str:
        response = self.client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
        return response.choices[0].message.content


class MyAssistant(OpenAIChat):
    pass


class Report:
    """Not an assistant: its own generate method returns a constant."""

    def generate_summary(self) -> str:
        return "print('ok')"

    def run(self):
        # ok: llm-output-code-execution
        exec(self.generate_summary())


def plot_answer(question: str, df: pd.DataFrame):
    vn = MyAssistant(config={"model": "gpt-4o"})
    code = vn.generate_plotly_code(question, str(df.dtypes))
    # ruleid: llm-output-code-execution
    exec(code, {"df": df})
    report = Report()
    # ok: llm-output-code-execution
    exec(report.generate_summary())


class Planner:
    def __init__(self, llm):
        self.llm = llm
        self._plan = ""

    def plan(self, goal: str) -> None:
        self._plan = self.llm.invoke(f"Write a bash script that achieves: {goal}").content

    @property
    def script(self) -> str:
        return self._plan

    def execute(self) -> int:
        import os

        # ruleid: llm-output-code-execution
        return os.system(self.script)
