"""The full-screen reviewer (Textual): the article in view, one keystroke a decision.

Imported only when ``mtcheck review`` opens on a terminal. Every decision goes
to the engine (:mod:`mtcheck.review.decisions`); this module only shows its
state (:mod:`mtcheck.review.view`) and maps keys to it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from mtcheck.engine import RuleSet
from mtcheck.printable import one_line
from mtcheck.review import view
from mtcheck.review.decisions import Decisions


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    #help { width: auto; height: auto; padding: 1 2; border: round $accent; background: $surface; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text(view.HELP), id="help")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(None)


class AskScreen(ModalScreen[str | None]):
    """One line of input at the bottom, prefilled: Enter gives it, Escape cancels."""

    DEFAULT_CSS = """
    AskScreen { align: center bottom; }
    #ask { height: auto; border: round $accent; background: $surface; padding: 0 1; }
    """
    BINDINGS: ClassVar = [Binding("escape", "cancel", "cancel")]

    def __init__(self, label: str, value: str) -> None:
        super().__init__()
        self.label = label
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(id="ask"):
            yield Static(Text(self.label))
            yield Input(value=self.value, id="answer")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SaveScreen(ModalScreen[bool | None]):
    """The full diff before quitting: y save, n discard, Escape back to the review."""

    DEFAULT_CSS = """
    SaveScreen { align: center middle; }
    #save { width: 100%; height: 100%; border: round $accent; background: $surface; }
    #question { dock: bottom; height: 1; padding: 0 1; }
    """

    def __init__(self, diff: Text, question: str) -> None:
        super().__init__()
        self.diff = diff
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="save"):
            yield Static(Text(self.question, style="bold"), id="question")
            with VerticalScroll(id="diff"):
                yield Static(self.diff)

    def on_key(self, event: events.Key) -> None:
        answer = {"y": True, "n": False, "escape": None}.get(event.key, ...)
        if answer is ...:
            return  # scrolling keys go on to the diff
        event.stop()
        self.dismiss(answer)


class ReviewScreen(Screen[None]):
    DEFAULT_CSS = """
    #article { height: 1fr; padding: 0 1; overflow-x: hidden; scrollbar-gutter: stable; }
    #panel { height: auto; max-height: 14; border-top: solid $accent; padding: 0 1; }
    #status { height: 2; background: $panel; text-wrap: nowrap; text-overflow: ellipsis; }
    """
    BINDINGS: ClassVar = [
        Binding("y", "accept(0)", "accept"),
        *(Binding(str(n), f"accept({n - 1})", show=False) for n in range(1, 10)),
        Binding("n", "reject", "reject"),
        Binding("e", "edit", "edit"),
        Binding("a", "accept_rule", "all of rule"),
        Binding("s", "skip", "skip"),
        Binding("u", "undo", "undo"),
        Binding("j,down", "move(1)", "next", show=False),
        Binding("k,up", "move(-1)", "previous", show=False),
        Binding("slash", "filter", "filter"),
        Binding("left_square_bracket", "file(-1)", "previous file", show=False),
        Binding("right_square_bracket", "file(1)", "next file", show=False),
        Binding("question_mark", "help", "help"),
        Binding("q", "quit_review", "quit"),
    ]

    def __init__(self, engines: list[Decisions], rules: RuleSet | None, dry_run: bool) -> None:
        super().__init__()
        self.engines = engines
        self.index = 0
        self.rules = rules
        self.dry_run = dry_run
        self.message = ""
        self.rendered_width = 0

    @property
    def engine(self) -> Decisions:
        return self.engines[self.index]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="article"):
            yield Static(id="text")
        yield Static(id="panel")
        yield Static(id="status")

    async def on_mount(self) -> None:
        await self.refresh_view()

    async def refresh_view(self) -> None:
        engine = self.engine
        current = engine.current()
        article = self.query_one("#article", VerticalScroll)
        # One widget for the whole article, wrapped here: hundreds of line widgets
        # would cost more in styling and layout than the check itself.
        width = max(20, (article.scrollable_content_region.width or self.app.size.width - 3))
        self.rendered_width = width
        body, rows = view.wrapped_article(engine, current, width)
        self.query_one("#text", Static).update(body)
        panel = view.panel(engine, current, self.rules)
        if self.message:
            panel = Text(self.message + "\n", style="bold cyan") + panel
            self.message = ""
        self.query_one("#panel", Static).update(panel)
        self.query_one("#status", Static).update(view.status(self.engines, self.index, current))
        if current is not None:
            row = rows[view.line_of(engine, current.finding)]
            height = article.scrollable_content_region.height or 10
            self.call_after_refresh(article.scroll_to, y=max(0, row - height // 3), animate=False)

    async def on_resize(self) -> None:
        article = self.query_one("#article", VerticalScroll)
        if article.scrollable_content_region.width != self.rendered_width:
            await self.refresh_view()

    async def _after(self, done: bool, otherwise: str = "") -> None:
        if not done and otherwise:
            self.message = otherwise
        if done and self.engine.current() is None:
            self._next_file_with_findings()
        await self.refresh_view()

    def _next_file_with_findings(self) -> None:
        for step in range(1, len(self.engines)):
            index = (self.index + step) % len(self.engines)
            if self.engines[index].current() is not None:
                self.index = index
                self.message = f"Next file: {one_line(self.engine.document.path)}"
                return

    async def action_accept(self, choice: int) -> None:
        current = self.engine.current()
        if current is not None and not current.options:
            await self._after(False, "Nothing to accept here: e edits the text, n goes on.")
            return
        await self._after(self.engine.accept(choice), f"No alternative {choice + 1}.")

    async def action_reject(self) -> None:
        await self._after(self.engine.reject())

    async def action_skip(self) -> None:
        await self._after(self.engine.skip())

    async def action_accept_rule(self) -> None:
        current = self.engine.current()
        count = self.engine.accept_rule()
        if count and current is not None:
            self.message = f"Accepted {count} of {current.finding.rule_id} at once."
        await self._after(bool(count), "Nothing to accept here: e edits the text, n goes on.")

    async def action_undo(self) -> None:
        done = self.engine.undo()
        self.message = "Undone." if done else "Nothing to undo."
        await self.refresh_view()

    async def action_move(self, step: int) -> None:
        self.engine.move(step)
        await self.refresh_view()

    async def action_file(self, step: int) -> None:
        if len(self.engines) > 1:
            self.index = (self.index + step) % len(self.engines)
        await self.refresh_view()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_edit(self) -> None:
        current = self.engine.current()
        if current is None:
            return
        finding = current.finding
        default = current.options[0] if current.options else finding.matched

        async def done(value: str | None) -> None:
            if value is not None:
                self.engine.edit(value)
            await self._after(value is not None)

        self.app.push_screen(AskScreen(f"Replace “{finding.matched}” with:", default), done)

    def action_filter(self) -> None:
        async def done(value: str | None) -> None:
            if value is not None:
                self.engine.set_filter(value.replace(",", " ").split())
            await self.refresh_view()

        label = "Show only (categories, rule ids or names; empty for all):"
        self.app.push_screen(AskScreen(label, " ".join(self.engine.codes)), done)

    def action_quit_review(self) -> None:
        changed = [e for e in self.engines if e.changed]
        if not changed:
            self.app.exit([False] * len(self.engines))
            return
        names = ", ".join(one_line(e.document.path) for e in changed)
        if self.dry_run:
            question = f"Dry run: nothing is written. y or n quits, Esc goes back. ({names})"
        else:
            question = f"Save the changes to {names}? y save and quit · n quit · Esc back"

        def done(save: bool | None) -> None:
            if save is None:
                return
            write = save and not self.dry_run
            self.app.exit([write and e.changed for e in self.engines])

        self.app.push_screen(SaveScreen(view.diff_text(changed), question), done)


class ReviewApp(App[list[bool]]):
    """Review the findings of several files; returns, for each, whether to save it."""

    TITLE = "mtcheck review"
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, engines: list[Decisions], rules: RuleSet | None = None, dry_run: bool = False
    ) -> None:
        super().__init__()
        self.engines = engines
        self.rules = rules
        self.dry_run = dry_run

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.engines, self.rules, self.dry_run))


def review_in_full_screen(
    engines: list[Decisions], rules: RuleSet | None = None, dry_run: bool = False
) -> list[bool]:
    """Run the reviewer; for each file, whether the editor chose to save it."""
    result = ReviewApp(engines, rules, dry_run).run()
    return result if result is not None else [False] * len(engines)
