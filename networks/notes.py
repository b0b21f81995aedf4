"""Notes on a network: the form, and the notes as one user may read them (confidential ones hidden)."""

from django import forms
from django.utils.translation import gettext as _

from networks.models import CareNetwork, Note


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["text", "confidential"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write the note."))
        return text


def notes_for(network: CareNetwork, user) -> list[Note]:
    """The network's notes, each with `.text_visible` for this user (confidential ones hidden)."""
    notes = list(network.notes.select_related("author", "organisation").order_by("-created_at"))
    for note in notes:
        note.text_visible = note.readable_by(user)
        if not note.text_visible:
            note.text = ""
    return notes
