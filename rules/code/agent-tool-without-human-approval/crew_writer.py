"""CrewAI: a writer agent that saves files."""
from crewai import Agent, Task
from crewai_tools import FileReadTool, FileWriterTool

# ruleid: agent-tool-without-human-approval
writer_tool = FileWriterTool()
# ok: agent-tool-without-human-approval
reader_tool = FileReadTool()

writer = Agent(role="Writer", goal="Write the weekly report", backstory="Writes", tools=[writer_tool, reader_tool])
task = Task(description="Write report.md", expected_output="A file", agent=writer)
