from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

from .tools import ArchiveTool, run_tests

prompt = ChatPromptTemplate.from_messages([
    ("system", "You help developers with their repository."),
    ("human", "{input}"),
    ("placeholder", "{agent_scratchpad}"),
])
llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=1024)
tools = [run_tests, ArchiveTool()]
agent = create_tool_calling_agent(llm, tools, prompt)
executor = AgentExecutor(agent=agent, tools=tools, max_iterations=8)


def handle(question: str) -> str:
    return executor.invoke({"input": question})["output"]
