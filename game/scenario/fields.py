"""The building blocks of the scenario models: strict models, dates, numbers, conditions, and the format mark."""

from __future__ import annotations

import calendar
import datetime as _dt
from typing import Annotated, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, PlainValidator,
                      StringConstraints, Tag, WithJsonSchema)
from pydantic.fields import FieldInfo

from game.i18n import N_, _

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
SCENARIO_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SOURCE_ID_PATTERN = r"^[A-Za-z0-9_.-]+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=64)]
# A reference is plain text here: whether it names something is checked later, with "did you mean".
Ref = str

# The format mark: the one place that says which formats allow a key, or a form of its value. The checks
# of a file's keys (formats.py) and the "expected one of" lists (shape.py) both read it; the schema shows
# it beside the key's description.
FORMATS = "x-formats"  # the formats in which the key may appear; unmarked: every format
FORMS = "x-forms"  # {form: formats}: a form of the value ("mapping", "expression") some formats allow
WHY = "x-why"  # why a key left a format, for the message


def since(fmt: int, **extra: object) -> dict:
    """json_schema_extra for a key that format `fmt` added."""
    return {FORMATS: [fmt], **extra}


def only_in(fmt: int, why: str) -> dict:
    """json_schema_extra for a key that only format `fmt` has."""
    return {FORMATS: [fmt], WHY: why}


def forms(**by_form: int) -> dict:
    """json_schema_extra for a key whose value may take a form that a later format added."""
    return {FORMS: {form: [fmt] for form, fmt in by_form.items()}}


def _extra(info: FieldInfo) -> dict:
    extra = info.json_schema_extra
    return extra if isinstance(extra, dict) else {}


def allowed_in(info: FieldInfo, fmt: int) -> bool:
    """Whether a key may appear in a file of format `fmt`. A key marked for one format stays in the later
    ones, unless it says why it left (WHY)."""
    marked = _extra(info).get(FORMATS)
    if not marked:
        return True
    first = min(marked)  # type: ignore[arg-type]
    return fmt in marked if WHY in _extra(info) else fmt >= first


def key_message(key: str, info: FieldInfo, fmt: int) -> str:
    marked = _extra(info)[FORMATS]
    if WHY in _extra(info):
        return _("'{key}' is for format {format} only: {why}").format(
            key=key, format=marked[0], why=_(_extra(info)[WHY]))
    return _("'{key}' needs format: {min} (this scenario is format {fmt})").format(
        key=key, min=min(marked), fmt=fmt)  # type: ignore[arg-type]


def form_message(key: str, info: FieldInfo, form: str, fmt: int) -> str | None:
    """The problem with a value of the given form under `key` in format `fmt`, if it has one."""
    marked = _extra(info).get(FORMS, {}).get(form)  # type: ignore[union-attr]
    if not marked or fmt >= min(marked):
        return None
    shown = {"mapping": _("a mapping {role: text}"), "expression": _("an expression")}.get(form, form)
    return _("'{key}' as {shown} needs format: {min} (this scenario is format {fmt})").format(
        key=key, shown=shown, min=min(marked), fmt=fmt)


def keys_in(model: type[BaseModel], fmt: int) -> list[str]:
    """A model's keys that a file of format `fmt` may use, in declaration order."""
    return [info.alias or name for name, info in model.model_fields.items() if allowed_in(info, fmt)]


def _date(value: object) -> _dt.date:
    if isinstance(value, _dt.datetime):
        raise ValueError(_("expected a date (YYYY-MM-DD) without a time"))
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(_("'{value}' is not a valid date; write YYYY-MM-DD").format(value=value)) from None
    raise ValueError(_("expected a date, YYYY-MM-DD"))


Day = Annotated[_dt.date, PlainValidator(_date),
                WithJsonSchema({"type": "string", "format": "date", "description": "a date, YYYY-MM-DD"})]


RANGE = ".."  # between a range's first and last day: 2019-02-22..2019-03-04


def _month(text: str) -> tuple[_dt.date, _dt.date] | None:
    """YYYY-MM as its first and last day, or None when the text is not a month."""
    year, _sep, month = text.partition("-")
    if not (len(year) == 4 and len(month) == 2 and year.isdigit() and month.isdigit() and 1 <= int(month) <= 12
            and int(year) >= 1):
        return None
    first = _dt.date(int(year), int(month), 1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])  # 9999-12 has a last day too


def _year(value: object) -> int | None:
    """A year, written as a whole number (2019, bare or quoted), or None when the value is not a number."""
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if not (text.isascii() and text.isdigit()):
        return None
    if len(text) != 4 or int(text) < 1:
        raise ValueError(_("'{value}' is not a year; write one with four digits: 2019").format(value=value))
    return int(text)


def _happened(value: object) -> tuple[_dt.date, _dt.date]:
    """A real date as (first day, last day): a day (2019-03-11), a month (2019-03), a range of days
    (2019-02-22..2019-03-04) or, for what went on all year, a year (2019); each day read as `from` and `until`
    read theirs."""
    year = _year(value)
    if year is not None:
        return _dt.date(year, 1, 1), _dt.date(year, 12, 31)
    if isinstance(value, str) and RANGE in value:
        start, _sep, end = value.partition(RANGE)
        first, last = _date(start), _date(end)
        if last < first:
            raise ValueError(_("'{value}' ends before it starts; write the earlier day first").format(value=value))
        return first, last
    if isinstance(value, str):
        month = _month(value.strip())
        if month is not None:
            return month
        try:
            day = _date(value)
        except ValueError:  # say every form, not only the day's
            raise ValueError(_("'{value}' is not a date, a month, a range or a year; write 2019-03-11, 2019-03,"
                               " 2019-02-22..2019-03-04 or 2019").format(value=value)) from None
        return day, day
    if isinstance(value, _dt.date):
        day = _date(value)  # refuses a date with a time, as `from` does
        return day, day
    raise ValueError(_("expected a date (2019-03-11), a month (2019-03), a range (2019-02-22..2019-03-04) or a"
                       " year (2019)"))


Happened = Annotated[tuple[_dt.date, _dt.date], PlainValidator(_happened),
                     WithJsonSchema({"type": ["string", "integer"],
                                     "pattern": r"^\d{4}(-\d{2}(-\d{2}(\.\.\d{4}-\d{2}-\d{2})?)?)?$",
                                     "description": "a day (2019-03-11), a month (2019-03), a range of days"
                                                    " (2019-02-22..2019-03-04) or a year (2019)"})]


def free_text(value: object) -> object:
    """Text that YAML may read as something else when unquoted: a date (2019-01-24) or a whole number (2019, a
    version 2) is taken as written. A decimal (1.10 reads as 1.1) or true/false is refused, with one message
    for every such key: "expected text, got 1.1; put it in quotes"."""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


# A version, a source's date: text, written with or without quotes when YAML would read it unchanged.
FreeText = Annotated[str, BeforeValidator(free_text),
                     WithJsonSchema({"type": ["string", "integer"], "description": "text (a bare date or whole"
                                                                                 " number is read as written)"})]


def _number_kind(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return "number"
    return "expression" if isinstance(value, str) else None


NumberOrExpr = Annotated[
    Union[Annotated[float, Tag("number")], Annotated[str, Tag("expression")]],
    Discriminator(_number_kind, custom_error_type="number_or_expression",
                  custom_error_message=N_("expected a number or an expression in quotes")),
]


# An amount: a whole number, or (format 2) an expression in quotes. Anything else is checked as a whole
# number, so that its message stays the one format 1 gave.
WholeOrExpr = Annotated[
    Union[Annotated[int, Tag("whole")], Annotated[str, Tag("expression")]],
    Discriminator(lambda value: "expression" if isinstance(value, str) else "whole"),
]

# Text to read: a string, or (format 2) a mapping {role id: text}. Anything but a mapping is checked as
# text, so that its message stays the one format 1 gave.
RoleText = Annotated[
    Union[Annotated[str, Tag("text")], Annotated[dict[Ref, str], Tag("role texts")]],
    Discriminator(lambda value: "role texts" if isinstance(value, dict) else "text"),
]
VALUE_TAGS: dict[str, object] = {"number": float, "expression": str, "whole": int, "text": str,
                                 "role texts": dict}


class Strict(BaseModel):
    """Unknown keys are errors, and no silent conversions ("5" is not 5)."""

    model_config = ConfigDict(extra="forbid", strict=True)


# Structured conditions: each form its own model, picked by its key.
class MeterTest(Strict):
    meter: Ref = Field(description="a meter id, or turn")
    gt: float | None = Field(None, description="holds when the meter is greater than this")
    gte: float | None = Field(None, description="holds when the meter is at least this")
    lt: float | None = Field(None, description="holds when the meter is less than this")
    lte: float | None = Field(None, description="holds when the meter is at most this")
    eq: float | None = Field(None, description="holds when the meter equals this")
    ne: float | None = Field(None, description="holds when the meter is not this")


class FlagTest(Strict):
    flag: Ref = Field(description="holds when this flag is set")


class NotTest(Strict):
    not_: Condition = Field(alias="not", description="holds when the condition does not")


class AllTest(Strict):
    all_: list[Condition] = Field(alias="all", min_length=1, description="holds when every condition holds")


class AnyTest(Strict):
    any_: list[Condition] = Field(alias="any", min_length=1, description="holds when any condition holds")


CONDITION_KEYS = ("meter", "flag", "not", "all", "any")
CONDITION_TAGS = {"meter test": MeterTest, "flag test": FlagTest, "not test": NotTest, "all test": AllTest,
                  "any test": AnyTest}


def _condition_kind(value: object) -> str | None:
    if isinstance(value, str):
        return "expression"
    if isinstance(value, dict):
        return next((f"{key} test" for key in CONDITION_KEYS if key in value), None)
    return None


Condition = Annotated[
    Union[Annotated[str, Tag("expression")], Annotated[MeterTest, Tag("meter test")],
          Annotated[FlagTest, Tag("flag test")], Annotated[NotTest, Tag("not test")],
          Annotated[AllTest, Tag("all test")], Annotated[AnyTest, Tag("any test")]],
    Discriminator(_condition_kind, custom_error_type="unknown_condition",
                  custom_error_message=N_("a condition is an expression in quotes, or a mapping with one of"
                                          " meter, flag, not, all, any")),
]

for _model in (NotTest, AllTest, AnyTest):
    _model.model_rebuild()
