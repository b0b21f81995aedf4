"""What the audit trail audits: the models the apps above register in their AppConfig.ready().

A registration says where a record's scope is found (the network or the youth it belongs to,
so that the lead's audit page and the export find its events), whether reading its pages and
changing it are audited, and by which English names and Dutch path words the URLs name it.
The trail itself knows no app above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

# A lookup path from the model to the id of its network or youth (`"plan__network_id"`; `"pk"` for
# the network or the youth itself), or a function of an instance that returns that id.
Scope = str | Callable[[models.Model], int | None] | None


@dataclass(frozen=True)
class Registration:
    model: type[models.Model]
    network: Scope
    youth: Scope
    read_audited: bool
    write_audited: bool
    url_names: tuple[str, ...]
    url_words: tuple[str, ...]

    @property
    def model_name(self) -> str:
        return self.model._meta.model_name

    @property
    def scope(self) -> tuple[str, Scope]:
        """("network", path), ("youth", path) or ("", None)."""
        if self.network is not None:
            return "network", self.network
        if self.youth is not None:
            return "youth", self.youth
        return "", None


_registry: dict[str, Registration] = {}


def register(
    model: type[models.Model],
    *,
    network: Scope = None,
    youth: Scope = None,
    read_audited: bool = True,
    write_audited: bool = True,
    url_names: tuple[str, ...] = (),
    url_words: tuple[str, ...] = (),
) -> Registration:
    """Make the audit trail know `model`.

    `network` or `youth`: where its scope is found. `read_audited`: a page that names one is a
    read of a youth's record. `write_audited`: its creates, changes and deletes are recorded
    (with the names of the changed fields, never their values). `url_names`: the English words
    besides its model name by which URLs name it, in kwargs (`<name>_pk`, `<name>_id`) and as
    the first word of a URL name (`plan_detail`). `url_words`: the Dutch path words before a
    bare `<int:pk>` (`netwerken/<int:pk>/`).
    """
    if network is not None and youth is not None:
        raise ValueError(f"{model._meta.label}: a record belongs to a network or to a youth, not both.")
    registration = Registration(
        model=model,
        network=network,
        youth=youth,
        read_audited=read_audited,
        write_audited=write_audited,
        url_names=tuple(url_names),
        url_words=tuple(url_words),
    )
    for known in _registry.values():
        if known.model is model:
            continue
        if known.model_name == registration.model_name:
            raise ValueError(f"{model._meta.label}: {known.model._meta.label} is audited under the same name.")
        shared = set(known.url_names + known.url_words) & set(registration.url_names + registration.url_words)
        if shared:
            raise ValueError(f"{model._meta.label}: URLs already name {known.model._meta.label} {sorted(shared)}.")
    _registry[registration.model_name] = registration
    if write_audited:
        from audit.signals import connect_model

        connect_model(model)
    return registration


def registration(model_name: str) -> Registration | None:
    return _registry.get(model_name)


def registrations() -> list[Registration]:
    return list(_registry.values())


def write_audited(model: type[models.Model]) -> bool:
    found = _registry.get(model._meta.model_name)
    return found is not None and found.model is model and found.write_audited


def _model_named(word: str) -> str | None:
    """The model a URL calls `word` (`network` in `network_pk` or `network_detail`)."""
    for found in _registry.values():
        if word == found.model_name or word in found.url_names:
            return found.model_name
    return None


def _model_of_path_word(word: str) -> str | None:
    for found in _registry.values():
        if word in found.url_words:
            return found.model_name
    return None


def _model_for_pk(route: str, key: str, url_name: str) -> str | None:
    """A bare `pk` is named by the path word before it (`netwerken/<int:pk>/`), else by the URL name."""
    segments = route.split("/")
    for index, segment in enumerate(segments):
        names_key = segment.startswith("<") and segment.strip("<>").split(":")[-1] == key
        if names_key and index > 0:
            model_name = _model_of_path_word(segments[index - 1])
            if model_name:
                return model_name
    return _model_named((url_name or "").split("_")[0])


def url_objects(route: str, url_name: str, kwargs: dict) -> dict[str, str]:
    """{model name: id} of the objects a URL names, in the order of its kwargs.

    Kwargs say it in English (`network_pk`, `youth_id`); kwargs it cannot place are left out.
    """
    found = {}
    for key, value in kwargs.items():
        if key in ("pk", "id"):
            model_name = _model_for_pk(route or "", key, url_name)
        elif key.endswith(("_id", "_pk")):
            model_name = _model_named(key.rsplit("_", 1)[0])
        else:
            continue
        if model_name:
            found[model_name] = str(value)
    return found
