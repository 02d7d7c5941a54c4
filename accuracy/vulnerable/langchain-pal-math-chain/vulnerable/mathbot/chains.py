from typing import Any

from langchain.chains.base import Chain
from langchain.chains.llm import LLMChain
from langchain.prompts import PromptTemplate

PAL_PROMPT = PromptTemplate.from_template(
    "Write a Python function solution() that returns the answer.\nQuestion: {question}\n# solution in Python:\n"
)
MATH_PROMPT = PromptTemplate.from_template("Translate the problem into one Python expression.\nProblem: {question}\nExpression:")


class PythonRunner:
    def run(self, code: str) -> Any:
        scope: dict[str, Any] = {}
        exec(code, scope)
        return scope["solution"]()


class ProgramAidedChain(Chain):
    llm_chain: LLMChain
    runner: PythonRunner = PythonRunner()

    @property
    def input_keys(self) -> list[str]:
        return ["question"]

    @property
    def output_keys(self) -> list[str]:
        return ["result"]

    def _call(self, inputs: dict[str, Any], run_manager=None) -> dict[str, Any]:
        code = self.llm_chain.predict(question=inputs["question"])
        return {"result": self.runner.run(code)}


class MathChain(Chain):
    llm_chain: LLMChain

    @property
    def input_keys(self) -> list[str]:
        return ["question"]

    @property
    def output_keys(self) -> list[str]:
        return ["answer"]

    def _evaluate(self, expression: str) -> str:
        return str(eval(expression.strip()))

    def _call(self, inputs: dict[str, Any], run_manager=None) -> dict[str, Any]:
        expression = self.llm_chain.predict(question=inputs["question"])
        return {"answer": self._evaluate(expression)}
