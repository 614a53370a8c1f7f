"""Reading a scenario: YAML files -> validated models -> frozen engine objects, every problem located."""

from .catalog import default_id, installed, resolve_scenario
from .loader import check, load
from .problems import Problem, Report, ScenarioError, ScenarioNotFound

__all__ = ["Problem", "Report", "ScenarioError", "ScenarioNotFound", "check", "default_id", "installed",
           "load", "resolve_scenario"]
