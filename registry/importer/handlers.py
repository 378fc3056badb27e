"""Which handler serves which kind."""

from __future__ import annotations

from registry.importer.model import Handler


def handler_for(kind: str) -> Handler:
    from registry.importer.hours import Hours
    from registry.importer.organizations import Organizations
    from registry.importer.roles import SocialWorkers, Volunteers
    from registry.importer.training import Trainings

    handlers: dict[str, Handler] = {"volunteers": Volunteers(), "social-workers": SocialWorkers(),
                                    "organizations": Organizations(), "hours": Hours(),
                                    "training": Trainings()}
    return handlers[kind]
