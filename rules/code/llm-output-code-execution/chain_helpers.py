from typing import Any

from langchain.chains.base import Chain
from langchain.chains.llm import LLMChain


class SnippetRunner:
    def run(self, source: str) -> Any:
        namespace: dict[str, Any] = {}
        # ruleid: llm-output-code-execution
        exec(source, namespace)
        return namespace.get("answer")


class FixedRunner:
    def run(self, source: str) -> Any:
        namespace: dict[str, Any] = {}
        # ok: llm-output-code-execution
        exec("answer = 42", namespace)
        return namespace.get("answer")


class SolverChain(Chain):
    """The chain keeps its helper as a class-level field and hands it the model's program."""

    llm_chain: LLMChain
    runner: SnippetRunner = SnippetRunner()
    fallback: FixedRunner = FixedRunner()

    def _call(self, inputs: dict[str, Any], run_manager=None) -> dict[str, Any]:
        program = self.llm_chain.predict(question=inputs["question"])
        self.fallback.run(program)
        return {"result": self.runner.run(program)}
