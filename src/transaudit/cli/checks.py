"""``transaudit checks``: the check catalogue."""

from __future__ import annotations

import click


def checks_markdown() -> str:
    """The check catalogue as a Markdown table (README.md embeds it verbatim)."""
    from transaudit.checks import all_checks

    lines = ["| code | name | MQM category | severity | on by default | what it finds |",
             "|---|---|---|---|---|---|"]
    for check in all_checks():
        title = check.title().replace("|", "\\|")
        lines.append(f"| {check.code} | {check.name} | {check.category} | {check.severity.value} | "
                     f"{'yes' if check.default_enabled else 'no'} | {title} |")
    return "\n".join(lines) + "\n"


@click.command("checks")
@click.option("--verbose", "-v", is_flag=True, help="Print each check's documentation too.")
@click.option("--markdown", is_flag=True, help="Print the catalogue as a Markdown table.")
def list_checks(verbose: bool, markdown: bool) -> None:
    """List every check: code, name, MQM category, default severity, description."""
    from transaudit.checks import all_checks

    if markdown:
        click.echo(checks_markdown(), nl=False)
        return
    for check in all_checks():
        state = "" if check.default_enabled else "  (off by default)"
        click.echo(f"{check.code}  {check.name:<28} {check.category:<34} {check.severity.value:<8} "
                   f"{check.title()}{state}")
        if verbose:
            doc = check.documentation().split("\n", 1)
            if len(doc) > 1:
                click.echo("\n".join("      " + line for line in doc[1].strip().splitlines()))
            click.echo("")
