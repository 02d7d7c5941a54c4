import math

from crewai import Agent as CrewAgent
from langchain.agents import AgentExecutor, AgentType, create_tool_calling_agent, initialize_agent
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent

llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=800)
tools = []
agent = create_tool_calling_agent(llm, tools, prompt=None)

# ruleid: agent-without-iteration-limit
executor = AgentExecutor(agent=agent, tools=tools, max_iterations=None)
# ok: agent-without-iteration-limit
bounded = AgentExecutor(agent=agent, tools=tools, max_iterations=8, max_execution_time=60)
# ok: agent-without-iteration-limit
default = AgentExecutor(agent=agent, tools=tools)
legacy = initialize_agent(
    tools,
    llm,
    agent=AgentType.ZERO_SHOT_REACT_DESCRIPTION,
    # ruleid: agent-without-iteration-limit
    max_iterations=1000,
)
researcher = CrewAgent(
    role="Researcher",
    goal="Find sources",
    backstory="Careful analyst",
    # ruleid: agent-without-iteration-limit
    max_iter=math.inf,
)
# ok: agent-without-iteration-limit
writer = CrewAgent(role="Writer", goal="Write", backstory="Concise", max_iter=20)

graph = create_react_agent(llm, tools)


def run(question: str):
    # ruleid: agent-without-iteration-limit
    a = graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": 10_000})
    # ok: agent-without-iteration-limit
    b = graph.invoke({"messages": [("user", question)]}, config={"recursion_limit": 30})
    return a, b
