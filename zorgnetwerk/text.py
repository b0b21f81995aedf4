"""Small helpers for the copy shown to users; they import no app.

`elide` applies French elision to a translated text: "Réseau de Ahmad" becomes "Réseau d'Ahmad".
A name is passed into a sentence by gettext, so the catalogue cannot choose between "de" and "d'";
this runs after the sentence is built, and only when the active language is French.
"""

import re

from django.utils.translation import get_language

# "de" + a word that starts with a capital vowel (a name or an acronym: Ahmad, Omar, OKAN). Not before
# Y or H: "de Yasmin", "de Hassan" (h aspiré and y consonant keep "de").
_DE_VOWEL = re.compile(r"\b([Dd])e (?=[AEIOUÀÂÉÈÊËÎÏÔÛÙ])")


def elide(text: str, language: str | None = None) -> str:
    """The text with French elision ("de Ahmad" → "d'Ahmad") when the language is French."""
    language = language or get_language() or ""
    if not language.startswith("fr"):
        return text
    return _DE_VOWEL.sub(lambda match: f"{match.group(1)}'", text)
