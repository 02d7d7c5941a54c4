from typing import Any

import numexpr
from langchain.chains.base import Chain
from langchain.chains.llm import LLMChain
from langchain.prompts import PromptTemplate

MATH_PROMPT = PromptTemplate.from_template("Translate the problem into one arithmetic expression.\nProblem: {question}\nExpression:")


class MathChain(Chain):
    llm_chain: LLMChain

    @property
    def input_keys(self) -> list[str]:
        return ["question"]

    @property
    def output_keys(self) -> list[str]:
        return ["answer"]

    def _evaluate(self, expression: str) -> str:
        # numexpr evaluates arithmetic only (no names, calls or attributes)
        return str(numexpr.evaluate(expression.strip(), global_dict={}, local_dict={}))

    def _call(self, inputs: dict[str, Any], run_manager=None) -> dict[str, Any]:
        expression = self.llm_chain.predict(question=inputs["question"])
        return {"answer": self._evaluate(expression)}
