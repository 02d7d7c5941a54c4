from unittest.mock import patch

from market_research.crew import MarketResearch


def test_crew_wiring():
    with patch.dict("os.environ", {"OPENAI_API_KEY": "sk-test", "MODEL": "gpt-4o-mini"}):
        crew = MarketResearch().crew()
    assert [a.role.strip() for a in crew.agents][2] == "Briefing Writer"
    assert len(crew.tasks) == 3
    tool_names = {t.name for a in crew.agents for t in a.tools}
    assert tool_names >= {"web_search", "company_lookup", "save_report"}


def test_kickoff_is_mocked():
    class FakeOutput:
        raw = "# Briefing\n\nSummary..."

    with patch.dict("os.environ", {"OPENAI_API_KEY": "sk-test"}), patch("crewai.Crew.kickoff", return_value=FakeOutput()) as kickoff:
        result = MarketResearch().crew().kickoff(inputs={"topic": "t", "region": "EU", "current_year": "2025"})
    assert result.raw.startswith("# Briefing")
    kickoff.assert_called_once()
