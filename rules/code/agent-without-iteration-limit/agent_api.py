from fastapi import FastAPI
from langchain.agents import AgentExecutor

from .agent import agent, tools

app = FastAPI()


@app.post("/run")
def run(task: str, max_iterations: int = 5):
    # ruleid: agent-without-iteration-limit
    executor = AgentExecutor(agent=agent, tools=tools, max_iterations=max_iterations)
    return executor.invoke({"input": task})


@app.post("/run-clamped")
def run_clamped(task: str, max_iterations: int = 5):
    # ok: agent-without-iteration-limit
    executor = AgentExecutor(agent=agent, tools=tools, max_iterations=min(max_iterations, 10))
    return executor.invoke({"input": task})
