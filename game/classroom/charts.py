"""The report's charts: matplotlib figures rendered to SVG text to put inline in a page that works offline."""

from __future__ import annotations

import io
import re
import textwrap

from markupsafe import Markup

from game.i18n import _

RESULTS = ("win", "draw", "loss")
COLOURS = {"win": "#2a9d8f", "draw": "#e9c46a", "loss": "#e76f51"}


def _figure(width: float, height: float):
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "crisis"  # the same report twice is the same file
    matplotlib.rcParams["svg.fonttype"] = "path"  # letters drawn as shapes: no font needed to read it
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def svg(fig) -> Markup:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.S)  # matplotlib's comments repeat the labels; drop them
    return Markup(text)


def endings_chart(rows: list[dict]) -> Markup:
    """Per role and opponent: the class's results next to the simulator's, as stacked bars."""
    fig = _figure(8, 0.6 + 0.7 * max(1, len(rows)))
    ax = fig.add_subplot()
    labels, y = [], 0
    for row in rows:
        for who, shares in ((_("simulator"), row["sim"]), (_("class"), row["class"])):
            left = 0.0
            for r in RESULTS:
                share = shares.get(r, 0.0)
                ax.barh(y, share, left=left, color=COLOURS[r], label=_(r) if y == 0 else None, height=0.8)
                left += share
            labels.append(_("{role} v {opponent}: {who}").format(role=row["role"], opponent=row["opponent"], who=who))
            y += 1
        y += 0.5
    positions = [i + 0.5 * (i // 2) for i in range(len(labels))]
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel(_("share of games"))
    ax.invert_yaxis()
    ax.legend(loc="lower right", ncols=3, fontsize="small")
    return svg(fig)


def choices_chart(card: dict) -> Markup:
    """How the class chose on one card; history's option marked."""
    fig = _figure(8, 0.9 + 0.55 * max(1, len(card["options"])))
    ax = fig.add_subplot()
    names = [textwrap.fill(o["label"] + (_(" (history)") if o["history"] else ""), 36) for o in card["options"]]
    ax.barh(range(len(names)), [o["count"] for o in card["options"]],
            color=["#264653" if o["history"] else "#8ab17d" for o in card["options"]])
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlabel(_("decisions"))
    ax.xaxis.set_major_locator(_integers())
    fig.suptitle(card["title"], x=0.02, ha="left", fontsize="medium")
    return svg(fig)


def meters_chart(title: str, meters: list[dict], paths: list[dict]) -> Markup:
    """Every game's path on each main meter, one panel per meter, decision by decision."""
    fig = _figure(8, 2.2 * max(1, len(meters)))
    axes = fig.subplots(max(1, len(meters)), 1, squeeze=False, sharex=True)
    for ax, meter in zip(axes[:, 0], meters):
        for p in paths:
            values = p["meters"].get(meter["id"])
            if values:
                ax.plot(range(1, len(values) + 1), values, alpha=0.6, linewidth=1,
                        color=COLOURS.get(p.get("result") or "", "#888888"))
        ax.set_ylabel(textwrap.fill(meter["label"], 18), fontsize="small")
    axes[-1, 0].set_xlabel(_("decision"))
    axes[-1, 0].xaxis.set_major_locator(_integers())
    fig.suptitle(title, x=0.02, ha="left", fontsize="medium")
    return svg(fig)


def _integers():
    from matplotlib.ticker import MaxNLocator

    return MaxNLocator(integer=True)
