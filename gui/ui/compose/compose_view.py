"""The 内容 page: pick the SMS type, write it, see the counters, problems and the phone preview as you type."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.domain.param_links import DEFAULT_PARAM_LINK_KEY
from gui.domain.sms_text import (
    MAX_CONTENT_LENGTH,
    SINGLE_SMS_LIMIT,
    MarketingDraft,
    NotificationDraft,
    Problem,
    RenderedSms,
    Severity,
    SmsType,
)
from gui.ui.compose.checked import checked, load_rules_after_first_paint
from gui.ui.compose.form_labels import align_form_labels
from gui.ui.compose.forms import MarketingForm
from gui.ui.compose.held_layouts import HeldLayouts
from gui.ui.compose.library_bar import LibraryBar
from gui.ui.compose.preview import PreviewPanel
from gui.ui.compose.problems import editor_footer
from gui.ui.compose.spans import wave_underlines
from gui.ui.compose.type_switch import TypeSwitch
from gui.ui.first_paint import after_first_paint
from gui.ui.labels import field_hint, page_hint, page_title
from gui.ui.style import ERROR, WARNING, set_style_state

if TYPE_CHECKING:  # the recipients arrive, and templates are saved, after the first paint: imported then
    from gui.domain.recipients import Recipient
    from gui.services.drafts.template_library import LibraryTemplate
    from gui.ui.compose.notification_form import NotificationForm

# While the editor is still empty only the signature is worth a red line; the rest is not a mistake yet.
_SHOWN_WHEN_EMPTY = {"signature"}


class ComposeView(QWidget):
    """Marketing or Notification editor with live counters, problems and preview; all rules from sms_text.

    Signals:
        rendered(object): the `RenderedSms` after every change.
    """

    rendered = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, library_path: Path | None = None,
                 styled_later: bool = False) -> None:
        super().__init__(parent)
        self.param_link_key = DEFAULT_PARAM_LINK_KEY  # from 设置 (apply_defaults)
        self.setObjectName("composeView")
        self._last: RenderedSms | None = None
        self._recipients: Sequence[Recipient] = ()

        title = page_title(self.tr("Content"), self)
        hint = page_hint(self.tr("Write the message once; the counters and the preview show exactly what is sent."),
                         self)

        self.switch = TypeSwitch(self)
        self.marketing_button, self.notification_button = self.switch.marketing_button, self.switch.notification_button
        self._type_group = self.switch.group
        self.type_hint = field_hint("", self, wrap=False)

        self.signature_edit = QLineEdit(self)
        self.signature_edit.setObjectName("signatureEdit")
        self.signature_edit.setPlaceholderText(self.tr("Shown in 【】 at the start of every message"))
        self.short_name_edit = QLineEdit(self)
        self.short_name_edit.setObjectName("shortNameEdit")
        self.use_short_name = QCheckBox(self.tr("Use the short name"), self)
        self.use_short_name.setObjectName("useShortNameCheck")
        short_row = QHBoxLayout()
        short_row.setSpacing(12)
        short_row.addWidget(self.short_name_edit, 1)
        short_row.addWidget(self.use_short_name)
        identity = self._identity = QFormLayout()
        identity.setHorizontalSpacing(16)
        identity.setVerticalSpacing(10)
        self.library = LibraryBar(self.library_template, library_path, self)
        identity.addRow(self.tr("Template"), self.library)
        identity.addRow(self.tr("Mini program name"), self.signature_edit)
        identity.addRow(self.tr("Mini program short name"), short_row)

        self.marketing = MarketingForm(self)
        self._notification: NotificationForm | None = None  # built right after the first paint, or when used
        self._columns: list[str] = []
        self.stack = QStackedWidget(self)
        self.held = HeldLayouts()  # until the window's style sheet is set (see held_layouts)
        self.held.hold(self.marketing.layout_)
        self.stack.addWidget(self.marketing)

        self.footer, self.content_counter, self.total_counter, self.problems = editor_footer(self, self.held)

        self.preview = PreviewPanel(self, label=self._row_label)
        # Narrower on a 1024-wide screen, so the form (and its 整条 counter) never scrolls sideways.
        self.preview.setMinimumWidth(200)
        self.preview.setMaximumWidth(340)

        editor_column = QWidget(self)
        editor_column.setObjectName("formColumn")
        column = QVBoxLayout(editor_column)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(14)
        column.addLayout(identity)
        column.addWidget(self.stack)
        column.addStretch(1)
        scroll = self.scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setProperty("horizontalScrollBarPolicy", "ScrollBarAlwaysOff")  # by name: see keyboard_friendly
        scroll.setWidget(editor_column)

        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.type_hint)
        header.addSpacing(12)
        header.addWidget(self.switch)
        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(scroll, 3)
        side = QVBoxLayout()  # the preview at the top of its column, as tall as it needs
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.preview)
        side.addStretch(1)
        body.addLayout(side, 2)
        root = self.held.hold(QVBoxLayout(self))
        root.setContentsMargins(32, 24, 32, 24)
        root.setSpacing(12)
        root.addLayout(header)
        root.addWidget(hint)
        root.addSpacing(8)
        root.addLayout(body, 1)

        self._type_group.buttonToggled.connect(self._on_type_toggled)
        for edit in (self.signature_edit, self.short_name_edit):
            edit.textChanged.connect(self.refresh)
        self.use_short_name.toggled.connect(self.refresh)
        self.marketing.changed.connect(self.refresh)
        self.preview.row_picker.currentIndexChanged.connect(self.refresh)
        self.library.chosen.connect(self.apply_template)
        self._label_width = 0  # set in `settle`, once the style sheet has set the fonts
        for combo in (self.library.combo, self.marketing.suffix_picker):  # a long preset name must not widen the form
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self._place_footer()
        self.refresh()
        # The saved templates are read on the pool right after the first paint, not while the window is built.
        after_first_paint(self, self.library.refresh)
        if not styled_later:
            self.settle()
        after_first_paint(self, self._build_notification)
        load_rules_after_first_paint(self, self.refresh)

    @property
    def notification(self) -> NotificationForm:
        """The Notification editor (its table and the polish of it are not part of the start-up)."""
        return self._build_notification()

    def _build_notification(self) -> NotificationForm:  # once; later calls return it
        if self._notification is None:
            from gui.ui.compose.notification_form import NotificationForm

            form = self._notification = NotificationForm(self)
            self.stack.addWidget(form)
            form.set_columns(self._columns)
            form.changed.connect(self.refresh)
            if self.held.released:  # settled already: line the new form's labels up too
                self._fit_column()
        return self._notification

    def settle(self) -> None:
        """Lay the page out and line its labels up, once, in the fonts it is shown in: the main window calls it after
        setting its style sheet (`styled_later`), a 内容 built alone as it is built. Not in a `showEvent`: an event
        handler in Python makes PySide build Qt's event classes and enums before the first paint (~1 ms)."""
        if self.held.released:
            return
        self.held.release()
        self.ensurePolished()
        self._fit_column()

    def _fit_column(self) -> None:  # never scrolls sideways: the preview gives way first (down to its minimum)
        forms = [form.form for form in (self.marketing, self._notification) if form is not None]
        self._label_width = align_form_labels([self._identity, *forms], self._label_width)
        self.scroll.setMinimumWidth(self.scroll.widget().minimumSizeHint().width()
                                    + self.scroll.verticalScrollBar().sizeHint().width())

    # -- public API -------------------------------------------------------------------------------------------
    def sms_type(self) -> SmsType:
        return SmsType.NOTIFICATION if self.notification_button.isChecked() else SmsType.MARKETING

    def set_sms_type(self, sms_type: SmsType) -> None:
        button = self.notification_button if sms_type == SmsType.NOTIFICATION else self.marketing_button
        button.setChecked(True)

    def apply_defaults(self, *, signature: str = "", short_name: str = "", use_short_name: bool = False,
                       suffix_key: str = "", param_link_key: str = "") -> None:
        """Fill the fields the settings provide (only where the user has not typed anything yet)."""
        if param_link_key and param_link_key != self.param_link_key:  # unchanged: nothing to render again
            self.param_link_key = param_link_key
            self.refresh()
        if signature and not self.signature_edit.text():
            self.signature_edit.setText(signature)
        if short_name and not self.short_name_edit.text():
            self.short_name_edit.setText(short_name)
        if use_short_name:
            self.use_short_name.setChecked(True)
        if suffix_key:
            self.marketing.set_suffix_key(suffix_key)

    def draft(self) -> MarketingDraft | NotificationDraft:
        """The draft as the user has it on screen."""
        common = {
            "signature": self.signature_edit.text().strip(),
            "short_name": self.short_name_edit.text().strip(),
            "use_short_name": self.use_short_name.isChecked(),
        }
        if self.sms_type() == SmsType.NOTIFICATION:
            params = list(self.preview_params())
            while params and not params[-1].strip():  # unfilled rows are missing values, not empty ones
                params.pop()
            return NotificationDraft(
                template_text=self.notification.template_edit.toPlainText(),
                params=tuple(params),
                template_id=self.notification.template_id_edit.text().strip(),
                param_link_key=self.param_link_key,
                **common,
            )
        return MarketingDraft(
            content=self.marketing.content_edit.toPlainText(),
            path=self.marketing.path_edit.text().strip(),
            suffix_key=self.marketing.suffix_key(),
            **common,
        )

    def last_rendered(self) -> RenderedSms | None:
        return self._last

    # -- recipients: parameters from columns, the preview row --------------------------------------------------
    def set_recipients(self, result: object | None) -> None:
        """Take the columns and rows of the last import (an `ImportResult`, or None to forget them)."""
        self._recipients = getattr(result, "recipients", None) or ()  # kept as is, never copied
        columns = tuple(getattr(result, "columns", ()) or ())
        phone_column = getattr(result, "phone_column", "")
        self._columns = [c for c in columns if c != phone_column]
        if self._notification is not None:
            self._notification.set_columns(self._columns)
        self.preview.set_recipients(self._recipients)
        self._place_footer()
        self.refresh()

    def _row_label(self, recipient: Recipient) -> str:
        from gui.domain.phone import mask_number

        return self.tr("Row {0} · {1}").format(recipient.row, mask_number(recipient.number))

    def preview_recipient(self) -> Recipient | None:
        """The recipient the preview shows (picked under the bubble), if recipients are imported."""
        index = self.preview.picked_row()
        return self._recipients[index] if index is not None and index < len(self._recipients) else None

    def set_preview_row(self, spreadsheet_row: int) -> bool:
        """Show the recipient of this spreadsheet row in the preview."""
        # O(1) / O(log n) whatever the size: the picker's model reads rows on demand; rows are in sheet order.
        index = bisect_left(self._recipients, spreadsheet_row, key=lambda r: r.row)
        if index < len(self._recipients) and self._recipients[index].row == spreadsheet_row:
            self.preview.pick(index)
            return True
        return False

    def preview_params(self) -> tuple[str, ...]:
        """The parameters for the previewed recipient; a column without a recipient shows as {列名}."""
        recipient = self.preview_recipient()
        fields = recipient.fields if recipient is not None else None
        values = []
        for source in self.notification.param_sources():
            if not source.column:
                values.append(source.literal)
                continue
            value = source.value_for(fields) if fields is not None else None
            values.append(value if value is not None else "{" + source.column + "}")
        return tuple(values)

    # -- template library ------------------------------------------------------------------------------------
    def library_template(self) -> LibraryTemplate:
        """The draft on screen as a library entry (the name is asked when saving)."""
        from gui.ui.compose.templates import draft_as_template

        return draft_as_template(self)

    @Slot(object)
    def apply_template(self, template: LibraryTemplate) -> None:
        """Load a saved draft or template; a parameter named like an imported column reads that column."""
        from gui.ui.compose.templates import apply_template

        apply_template(self, template)

    # -- updates -----------------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Render the draft and update counters, problems, underlines and preview (every keystroke)."""
        result = checked(self.draft())  # with the carrier rule pack's warnings
        self._last = result
        marketing = result.sms_type == SmsType.MARKETING
        editor_text = (self.marketing.content_edit if marketing else self.notification.template_edit).toPlainText()
        problems = [p for p in (*result.errors, *result.warnings)
                    if editor_text.strip() or p.field in _SHOWN_WHEN_EMPTY]
        self._show_counters(result, problems)
        self.problems.set_problems(problems)
        self._mark_fields(problems)
        self.preview.set_text(result.text, self._caption(result))
        self.rendered.emit(result)

    def _show_counters(self, result: RenderedSms, problems: list[Problem]) -> None:
        content_length = result.content_length or 0
        self.content_counter.setVisible(result.sms_type == SmsType.MARKETING)
        self.content_counter.setText(self.tr("Body {0}/{1}").format(content_length, MAX_CONTENT_LENGTH))
        content_bad = content_length > MAX_CONTENT_LENGTH or any(
            p.field == "content" and p.code != "empty_content" and p in result.errors for p in problems)
        set_style_state(self.content_counter, "state", "error" if content_bad else "")
        self.total_counter.setText(
            self.tr("Whole message {0}/{1} · %n part(s)", "", result.parts).format(result.length, SINGLE_SMS_LIMIT)
        )
        shown_errors = [p for p in problems if p in result.errors]
        state = "error" if shown_errors else ("warning" if result.parts > 1 else "")
        set_style_state(self.total_counter, "state", state)

    def _mark_fields(self, problems: list[Problem]) -> None:
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem)
        form = self._notification  # not built yet: nothing to mark on it
        for field, editor in (("content", self.marketing.content_edit),
                              *((("template", form.template_edit),) if form is not None else ())):
            spans = [(p.start, p.end, ERROR if p.severity == Severity.ERROR else WARNING)
                     for p in by_field.get(field, [])]
            editor.setExtraSelections(wave_underlines(editor, spans))
        for field, widget in (("signature", self.signature_edit), ("path", self.marketing.path_edit),
                              *((("params", form.params_table),) if form is not None else ())):
            has_error = any(p.severity == Severity.ERROR for p in by_field.get(field, []))
            set_style_state(widget, "problem", has_error)

    def _caption(self, result: RenderedSms) -> str:
        return self.tr("%n billed part(s) per recipient", "", result.parts)

    # -- type switch -------------------------------------------------------------------------------------------
    @Slot(object, bool)
    def _on_type_toggled(self, _button: object, checked: bool) -> None:
        if not checked:
            return
        self._place_footer()
        self.refresh()

    def _place_footer(self) -> None:
        """Counters and problems sit right under whichever editor is showing."""
        notification = self.sms_type() == SmsType.NOTIFICATION
        form = self.notification if notification else self.marketing
        self.stack.setCurrentWidget(form)
        form.layout_.insertWidget(form.footer_index, self.footer)
        self.footer.show()  # reparenting hides a widget
        self.preview.row_box.setVisible(notification and bool(self._recipients))
        self.library.set_sms_type(str(self.sms_type()))
        self.type_hint.setText(
            self.tr("Approved template, any time of day") if notification
            else self.tr("Up to 30 characters plus a link, 08:00–22:00 only")
        )
