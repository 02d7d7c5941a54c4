"""Data-analysis assistant: LangChain, OpenAI Agents SDK and LlamaIndex tool sets."""
from agents import Agent, LocalShellTool, WebSearchTool
from langchain.agents import AgentType, initialize_agent, load_tools
from langchain_community.tools import ShellTool
from langchain_experimental.agents.agent_toolkits import create_pandas_dataframe_agent, create_python_agent
from langchain_experimental.tools import PythonAstREPLTool
from langchain_experimental.tools.python.tool import PythonREPLTool
from langchain_experimental.utilities import PythonREPL
from langchain_openai import ChatOpenAI
from llama_index.tools.code_interpreter import CodeInterpreterToolSpec
import langchain_experimental.tools as lx

llm = ChatOpenAI(model="gpt-4o-mini", max_tokens=800)


def build_tools(df):
    return [
        # ruleid: code-execution-tool-enabled
        PythonREPLTool(),
        # ruleid: code-execution-tool-enabled
        PythonAstREPLTool(locals={"df": df}),
        # ruleid: code-execution-tool-enabled
        ShellTool(ask_human_input=False),
        # ruleid: code-execution-tool-enabled
        lx.PythonREPLTool(name="python"),
    ]


# ruleid: code-execution-tool-enabled
repl = PythonREPL()
# ruleid: code-execution-tool-enabled
python_agent = create_python_agent(llm=llm, tool=PythonREPLTool(), verbose=True)

# ruleid: code-execution-tool-enabled
tools = load_tools(["serpapi", "python_repl", "llm-math"], llm=llm)
# ruleid: code-execution-tool-enabled
ops_tools = load_tools(tool_names=("terminal",), llm=llm)
# ok: code-execution-tool-enabled
search_tools = load_tools(["serpapi", "llm-math"], llm=llm)
# ok: code-execution-tool-enabled
legacy = load_tools(["terminal"], llm=llm, allow_dangerous_tools=True)  # reported by langchain-dangerous-option
agent = initialize_agent(tools, llm, agent=AgentType.ZERO_SHOT_REACT_DESCRIPTION, max_iterations=5)


def analyst(df):
    # ok: code-execution-tool-enabled
    return create_pandas_dataframe_agent(llm, df, allow_dangerous_code=True, max_iterations=5)


# ruleid: code-execution-tool-enabled
code_tools = CodeInterpreterToolSpec().to_tool_list()

ops_agent = Agent(
    name="ops",
    instructions="Diagnose the build server.",
    # ruleid: code-execution-tool-enabled
    tools=[LocalShellTool(executor=lambda req: run_locally(req)), WebSearchTool()],
)
# ok: code-execution-tool-enabled
research_agent = Agent(name="research", instructions="Search the web.", tools=[WebSearchTool()])

