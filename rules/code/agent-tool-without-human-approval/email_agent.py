"""A support agent built with LangGraph: reads the inbox, answers customers."""
from langchain_community.agent_toolkits import FileManagementToolkit
from langchain_community.agent_toolkits.load_tools import load_tools
from langchain_community.tools import WriteFileTool, ReadFileTool
from langchain_community.tools.requests.tool import RequestsPostTool, RequestsGetTool
from langchain_community.utilities.requests import TextRequestsWrapper
from langchain_community.tools.slack.send_message import SlackSendMessage
from langchain_core.tools import tool
from langchain_google_community import GmailToolkit
from langchain_google_community.gmail.send_message import GmailSendMessage
from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
import smtplib
import shutil

llm = ChatOpenAI(model="gpt-4o-mini")

# ruleid: agent-tool-without-human-approval
gmail_tools = GmailToolkit().get_tools()
# ruleid: agent-tool-without-human-approval
send = GmailSendMessage(api_resource=None)
# ruleid: agent-tool-without-human-approval
slack = SlackSendMessage()
# ruleid: agent-tool-without-human-approval
poster = RequestsPostTool(requests_wrapper=TextRequestsWrapper())
# ok: agent-tool-without-human-approval
getter = RequestsGetTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True)
# ok: agent-tool-without-human-approval
dangerous_poster = RequestsPostTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=True)
# ruleid: agent-tool-without-human-approval
writer = WriteFileTool(root_dir="/srv/reports")
# ok: agent-tool-without-human-approval
reader = ReadFileTool(root_dir="/srv/reports")

# ruleid: agent-tool-without-human-approval
files = FileManagementToolkit(root_dir="/srv/workspace").get_tools()
# ruleid: agent-tool-without-human-approval
some_files = FileManagementToolkit(root_dir="/srv/workspace", selected_tools=["read_file", "write_file"])
# ok: agent-tool-without-human-approval
read_files = FileManagementToolkit(root_dir="/srv/workspace", selected_tools=["read_file", "list_directory"])

# ruleid: agent-tool-without-human-approval
http_tools = load_tools(["requests_get", "requests_post"], llm=llm)
# ok: agent-tool-without-human-approval
opted_in = load_tools(["requests_post"], llm=llm, allow_dangerous_tools=True)


@tool
# ruleid: agent-tool-without-human-approval
def refund_order(order_id: str, amount: float) -> str:
    """Refund a customer order."""
    import stripe
    # the model decides who gets money back
    stripe.Refund.create(payment_intent=order_id, amount=int(amount * 100))
    return "refunded"


@tool
# ruleid: agent-tool-without-human-approval
def email_customer(to: str, body: str) -> str:
    """Email a customer."""
    with smtplib.SMTP("smtp.example.com") as server:
        server.sendmail("support@example.com", [to], body)
    return "sent"


@tool
# ruleid: agent-tool-without-human-approval
def purge_cache(path: str) -> str:
    """Remove a cache directory."""
    shutil.rmtree(path)
    return "purged"


@tool
# ok: agent-tool-without-human-approval
def lookup_order(order_id: str) -> str:
    """Read-only: look up an order."""
    with open("orders.csv") as f:
        return next((line for line in f if line.startswith(order_id)), "not found")


agent = create_react_agent(llm, [*gmail_tools, send, slack, email_customer, purge_cache, lookup_order])
