"""Gated: LangChain asks a person on the console before the tool runs."""
from langchain_community.callbacks.human import HumanApprovalCallbackHandler
from langchain_community.tools.slack.send_message import SlackSendMessage

# ok: agent-tool-without-human-approval
slack = SlackSendMessage(callbacks=[HumanApprovalCallbackHandler()])
