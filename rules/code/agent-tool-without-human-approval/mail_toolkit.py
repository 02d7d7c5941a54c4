"""A toolkit package: classes that list tools for applications to hand to their agents."""
from typing import List

from langchain_community.tools.gmail import GmailSearch, GmailSendMessage
from langchain_community.tools.slack import SlackGetMessage, SlackSendMessage
from langchain_core.tools import BaseTool, BaseToolkit
from langgraph.prebuilt import create_react_agent


class MailToolkit(BaseToolkit):
    """Gmail tools; the application that builds an agent with them decides on approval."""

    api_resource: object = None

    def get_tools(self) -> List[BaseTool]:
        return [
            GmailSearch(api_resource=self.api_resource),
            # ok: agent-tool-without-human-approval
            GmailSendMessage(api_resource=self.api_resource),
        ]


class TeamChatToolkit(BaseToolkit):
    """Used right here: its tools go to this file's agent."""

    client: object = None

    def get_tools(self) -> List[BaseTool]:
        return [
            SlackGetMessage(client=self.client),
            # ruleid: agent-tool-without-human-approval
            SlackSendMessage(client=self.client),
        ]


def team_agent(llm, client):
    return create_react_agent(llm, TeamChatToolkit(client=client).get_tools())


class HttpToolkit(BaseToolkit):
    """Composed by the API toolkit below; neither is given to an agent in this file."""

    def get_tools(self) -> List[BaseTool]:
        from langchain_community.tools.requests.tool import RequestsPostTool
        from langchain_community.utilities.requests import TextRequestsWrapper

        # ok: agent-tool-without-human-approval
        return [RequestsPostTool(requests_wrapper=TextRequestsWrapper(), allow_dangerous_requests=self.allow)]


class ApiToolkit(BaseToolkit):
    def get_tools(self) -> List[BaseTool]:
        return HttpToolkit().get_tools()
