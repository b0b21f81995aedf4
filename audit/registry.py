"""What the audit trail audits: the models the apps above register in their AppConfig.ready().

A registration says where a record's scope is found (the network or the youth it belongs to,
so that the lead's audit page and the export find its events), whether reading its pages and
changing it are audited, and by which names URL keyword arguments name it (`<name>_pk`).
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
) -> Registration:
    """Make the audit trail know `model`.

    `network` or `youth`: where its scope is found. `read_audited`: a page that names one is a
    read of a youth's record. `write_audited`: its creates, changes and deletes are recorded
    (with the names of the changed fields, never their values). `url_names`: the words
    besides its model name by which URL keyword arguments name it (`network_pk` for CareNetwork).
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
    )
    for known in _registry.values():
        if known.model is model:
            continue
        if known.model_name == registration.model_name:
            raise ValueError(f"{model._meta.label}: {known.model._meta.label} is audited under the same name.")
        shared = {known.model_name, *known.url_names} & {registration.model_name, *registration.url_names}
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


def url_objects(route: str, url_name: str, kwargs: dict) -> dict[str, str]:
    """{model name: id} of the objects a URL names by `<name>_pk` kwargs, in their order.

    Every URL names its records so (zorgnetwerk/tests/test_url_kwargs.py); kwargs it cannot
    place are left out.
    """
    found = {}
    for key, value in kwargs.items():
        if not key.endswith("_pk"):
            continue
        model_name = _model_named(key.removesuffix("_pk"))
        if model_name:
            found[model_name] = str(value)
    return found
