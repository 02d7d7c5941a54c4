"""A ReAct research agent: the model calls tools until it can answer."""
from datetime import UTC, datetime
from typing import Dict, List, Literal, cast

from langchain.chat_models import init_chat_model
from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableConfig
from langgraph.graph import StateGraph
from langgraph.prebuilt import ToolNode

from agent.configuration import Configuration
from agent.state import InputState, State
from agent.tools import TOOLS


async def call_model(state: State, config: RunnableConfig) -> Dict[str, List[AIMessage]]:
    configuration = Configuration.from_runnable_config(config)
    model = init_chat_model(configuration.model, max_tokens=2048).bind_tools(TOOLS)
    system_message = configuration.system_prompt + f"\n\nSystem time: {datetime.now(tz=UTC).isoformat()}"
    response = cast(AIMessage, await model.ainvoke([{"role": "system", "content": system_message}, *state.messages], config))
    if state.is_last_step and response.tool_calls:
        return {"messages": [AIMessage(id=response.id, content="Sorry, I could not find an answer in the allowed number of steps.")]}
    return {"messages": [response]}


def route_model_output(state: State) -> Literal["__end__", "tools"]:
    last_message = state.messages[-1]
    if not isinstance(last_message, AIMessage):
        raise ValueError(f"Expected AIMessage in output edges, but got {type(last_message).__name__}")
    return "tools" if last_message.tool_calls else "__end__"


builder = StateGraph(State, input=InputState, config_schema=Configuration)
builder.add_node(call_model)
builder.add_node("tools", ToolNode(TOOLS))
builder.add_edge("__start__", "call_model")
builder.add_conditional_edges("call_model", route_model_output)
builder.add_edge("tools", "call_model")

graph = builder.compile(name="Research Agent")
