import autogen

config_list = [{"model": "gpt-4o", "api_key": "${OPENAI_API_KEY}"}]
assistant = autogen.AssistantAgent("assistant", llm_config={"config_list": config_list}, max_consecutive_auto_reply=10)
executor = autogen.UserProxyAgent(
    "executor",
    human_input_mode="ALWAYS",
    max_consecutive_auto_reply=10,
    code_execution_config={"work_dir": "scratch", "use_docker": "python:3.12-slim"},
)
