from typing import List

from crewai import Agent, Crew, Process, Task
from crewai.agents.agent_builder.base_agent import BaseAgent
from crewai.project import CrewBase, agent, crew, task

from market_research.tools import CompanyLookupTool, ReadNotesTool, SaveReportTool, WebSearchTool


@CrewBase
class MarketResearch:
    """MarketResearch crew"""

    agents: List[BaseAgent]
    tasks: List[Task]

    agents_config = "config/agents.yaml"
    tasks_config = "config/tasks.yaml"

    @agent
    def researcher(self) -> Agent:
        return Agent(
            config=self.agents_config["researcher"],
            tools=[WebSearchTool()],
            max_iter=10,
            max_rpm=20,
            verbose=True,
        )

    @agent
    def analyst(self) -> Agent:
        return Agent(
            config=self.agents_config["analyst"],
            tools=[CompanyLookupTool(), ReadNotesTool()],
            allow_code_execution=True,
            code_execution_mode="unsafe",
            max_iter=15,
            verbose=True,
        )

    @agent
    def writer(self) -> Agent:
        return Agent(
            config=self.agents_config["writer"],
            tools=[SaveReportTool()],
            allow_delegation=False,
            verbose=True,
        )

    @task
    def research_task(self) -> Task:
        return Task(config=self.tasks_config["research_task"])

    @task
    def analysis_task(self) -> Task:
        return Task(config=self.tasks_config["analysis_task"])

    @task
    def briefing_task(self) -> Task:
        return Task(config=self.tasks_config["briefing_task"])

    @crew
    def crew(self) -> Crew:
        """Creates the MarketResearch crew"""
        return Crew(
            agents=self.agents,
            tasks=self.tasks,
            process=Process.sequential,
            verbose=True,
        )
