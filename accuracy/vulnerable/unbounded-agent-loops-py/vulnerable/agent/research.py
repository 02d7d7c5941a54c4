from langchain.agents import AgentExecutor, create_react_agent
from langchain_openai import ChatOpenAI

from .prompts import REACT_PROMPT
from .lc_tools import search_tools

llm = ChatOpenAI(model="gpt-4o", max_tokens=1000)
agent = create_react_agent(llm, search_tools, REACT_PROMPT)
executor = AgentExecutor(agent=agent, tools=search_tools, max_iterations=None, max_execution_time=None)
