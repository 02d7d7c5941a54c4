import os

from fastapi import HTTPException
from llama_index.core.agent import AgentRunner
from llama_index.core.settings import Settings
from llama_index.core.tools.query_engine import QueryEngineTool

from app.engine.index import get_index
from app.engine.tools import ToolFactory


def get_chat_engine(filters=None, params=None):
    system_prompt = os.getenv("SYSTEM_PROMPT")
    top_k = int(os.getenv("TOP_K", "3"))
    tools = []

    index = get_index()
    if index is None:
        raise HTTPException(status_code=500, detail="StorageContext is empty - call 'poetry run generate' to generate the storage first")
    query_engine = index.as_query_engine(similarity_top_k=top_k, filters=filters)
    tools.append(QueryEngineTool.from_defaults(query_engine=query_engine, name="query_index", description="Search the handbook and the documents the user uploaded."))

    tools += ToolFactory.from_env()

    return AgentRunner.from_llm(
        llm=Settings.llm,
        tools=tools,
        system_prompt=system_prompt,
        max_function_calls=int(os.getenv("MAX_FUNCTION_CALLS", "8")),
        verbose=True,
    )
