"""axe-core's accessibility check of the page open in a browser tab: the one rule of what blocks
(serious and critical findings) and how they are reported, for every browser test."""

import pytest

BLOCKING_IMPACTS = {"serious", "critical"}


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}: {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def blocking_violations(tab, url):
    """axe-core's serious and critical findings on the page open in `tab`, described; or ""."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    return f"axe-core on {url}:\n{describe(blocking)}" if blocking else ""


def assert_no_blocking_violations(tab, url):
    found = blocking_violations(tab, url)
    if found:
        pytest.fail(found, pytrace=False)


def fail_on(found):
    """Fail with every page's findings together (blocking_violations of a walk's pages)."""
    if any(found):
        pytest.fail("\n".join(filter(None, found)), pytrace=False)
