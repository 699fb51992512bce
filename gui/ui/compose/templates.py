"""The 内容 page and the template library: the draft on screen as a library entry, and an entry loaded back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.domain.sms_text import SmsType

if TYPE_CHECKING:  # the library (SQLite) loads after the first paint; the view imports this module
    from gui.services.drafts.template_library import LibraryTemplate
    from gui.ui.compose.compose_view import ComposeView


def draft_as_template(view: ComposeView) -> LibraryTemplate:
    """The draft on screen as a library entry (the name is asked when saving)."""
    from gui.services.drafts.template_library import LibraryTemplate

    if view.sms_type() == SmsType.NOTIFICATION:
        form = view.notification
        return LibraryTemplate("", str(SmsType.NOTIFICATION), form.template_edit.toPlainText(),
                               template_id=form.template_id_edit.text().strip(), param_names=form.param_names())
    marketing = view.marketing
    return LibraryTemplate("", str(SmsType.MARKETING), marketing.content_edit.toPlainText(),
                           path=marketing.path_edit.text().strip(), suffix_key=marketing.suffix_key())


def apply_template(view: ComposeView, template: LibraryTemplate) -> None:
    """Load a saved draft or template; a parameter named like an imported column reads that column."""
    if template.sms_type == SmsType.NOTIFICATION:
        from gui.domain.campaign import ParamSource

        view.set_sms_type(SmsType.NOTIFICATION)
        form = view.notification
        form.template_id_edit.setText(template.template_id)
        form.template_edit.setPlainText(template.text)
        form.set_param_names(template.param_names)
        form.set_param_sources([ParamSource(column=name) if name in form.columns() else ParamSource()
                                for name in template.param_names])
    else:
        view.set_sms_type(SmsType.MARKETING)
        view.marketing.content_edit.setPlainText(template.text)
        view.marketing.path_edit.setText(template.path)
        if template.suffix_key:
            view.marketing.set_suffix_key(template.suffix_key)
