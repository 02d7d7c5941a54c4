"""An agent that answers questions about a local folder of notes."""
import sys

from agentkit import Agent
from agentkit.builtin import read_file

agent = Agent([read_file], system="Answer from the notes; cite the file names.", max_steps=5)

if __name__ == "__main__":
    print(agent.run(" ".join(sys.argv[1:]) or "What did we decide about the release?"))
