"""axe-core, as bundled by axe-playwright-python, limited to the WCAG A and AA rules."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def audit(page):
    """The violations of ``page`` as readable lines: rule, impact, element, help URL."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    lines = []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    element: {' '.join(map(str, node['target']))}  {node['html'][:200]}\n"
                f"    help: {violation['helpUrl']}"
            )
    return lines
