from autogen.coding import LocalCommandLineCodeExecutor
from autogen_ext.code_executors.jupyter import JupyterCodeExecutor
from autogen_agentchat.agents import CodeExecutorAgent

# ruleid: code-execution-tool-enabled
executor = LocalCommandLineCodeExecutor(timeout=30, work_dir="coding")
# ruleid: code-execution-tool-enabled
jupyter_agent = CodeExecutorAgent("jupyter", code_executor=JupyterCodeExecutor())
