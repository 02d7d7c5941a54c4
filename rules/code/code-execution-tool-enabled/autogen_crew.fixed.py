"""AutoGen and CrewAI code-running agents."""
import autogen
from autogen import AssistantAgent, UserProxyAgent
from autogen.coding import DockerCommandLineCodeExecutor, LocalCommandLineCodeExecutor
from autogen_ext.code_executors.docker import DockerCommandLineCodeExecutor as DockerExec
from crewai import Agent
from e2b_code_interpreter import Sandbox

config_list = autogen.config_list_from_json("OAI_CONFIG_LIST")
assistant = AssistantAgent("assistant", llm_config={"config_list": config_list})

user_proxy = UserProxyAgent(
    "user_proxy",
    human_input_mode="NEVER",
    max_consecutive_auto_reply=5,
    # ruleid: code-execution-tool-enabled
    code_execution_config={"work_dir": "coding", "use_docker": True},
)

# ruleid: code-execution-tool-enabled
exec_config = {"work_dir": "scratch", "use_docker": True, "timeout": 60}
runner = UserProxyAgent("runner", human_input_mode="NEVER", code_execution_config=exec_config)

# ok: code-execution-tool-enabled
sandboxed = UserProxyAgent("sandboxed", code_execution_config={"work_dir": "coding", "use_docker": True})
# ok: code-execution-tool-enabled
docker_proxy = UserProxyAgent("docker", code_execution_config={"executor": DockerCommandLineCodeExecutor(image="python:3.12-slim")})
# ok: code-execution-tool-enabled
no_code = UserProxyAgent("reviewer", code_execution_config=False)
# ok: code-execution-tool-enabled
docker_exec = DockerExec(work_dir="coding")

coder = Agent(
    role="Data engineer",
    goal="Clean the uploaded CSV",
    backstory="Writes pandas code",
    allow_code_execution=True,
    # ruleid: code-execution-tool-enabled
    code_execution_mode="safe",
)
# ok: code-execution-tool-enabled
safe_coder = Agent(role="Analyst", goal="Chart sales", backstory="Plots", allow_code_execution=True, code_execution_mode="safe")


def run_in_e2b(code: str) -> str:
    # ok: code-execution-tool-enabled
    with Sandbox() as sandbox:
        return sandbox.run_code(code).text
