#!/usr/bin/env python
import sys
import warnings
from datetime import datetime

from dotenv import load_dotenv

from market_research.crew import MarketResearch

warnings.filterwarnings("ignore", category=SyntaxWarning, module="pysbd")


def _inputs() -> dict:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    return {
        "topic": args[0] if args else "vertical farming",
        "region": args[1] if len(args) > 1 else "EU",
        "current_year": str(datetime.now().year),
    }


def run():
    """Run the crew."""
    load_dotenv()
    try:
        result = MarketResearch().crew().kickoff(inputs=_inputs())
        print(result.raw)
    except Exception as e:
        raise Exception(f"An error occurred while running the crew: {e}")


def train():
    """Train the crew for a given number of iterations."""
    load_dotenv()
    try:
        MarketResearch().crew().train(n_iterations=int(sys.argv[1]), filename=sys.argv[2], inputs=_inputs())
    except Exception as e:
        raise Exception(f"An error occurred while training the crew: {e}")


def replay():
    """Replay the crew execution from a specific task."""
    try:
        MarketResearch().crew().replay(task_id=sys.argv[1])
    except Exception as e:
        raise Exception(f"An error occurred while replaying the crew: {e}")


def test():
    """Test the crew execution and return the results."""
    load_dotenv()
    try:
        MarketResearch().crew().test(n_iterations=int(sys.argv[1]), eval_llm=sys.argv[2], inputs=_inputs())
    except Exception as e:
        raise Exception(f"An error occurred while testing the crew: {e}")


if __name__ == "__main__":
    run()
