"""Small HTTP front end for the agent (the LangGraph server is used in production)."""
from fastapi import FastAPI
from pydantic import BaseModel

from agent.graph import graph

app = FastAPI()


class Question(BaseModel):
    question: str
    workspace: str = "./workspace"


@app.post("/run")
async def run(q: Question):
    result = await graph.ainvoke(
        {"messages": [("user", q.question)]},
        {"configurable": {"workspace_dir": q.workspace}, "recursion_limit": 25},
    )
    return {"answer": result["messages"][-1].content}
