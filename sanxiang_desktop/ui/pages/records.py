"""The record pages of a unit, put in their entries' places in PAGE_FACTORIES when imported (ui/pages/base.py).

Simple one-list pages live here; the pages with more on them have their own modules
(association_page, page_leadership, page_activities, page_teams)."""
from __future__ import annotations

from sanxiang_desktop.ui.pages.association import AssociationPage, LeadingGroupPage, VillagesPage
from sanxiang_desktop.ui.pages.activities import ActivitiesPage
from sanxiang_desktop.ui.pages.leadership import LeadershipPage
from sanxiang_desktop.ui.pages.panel import ListPage
from sanxiang_desktop.ui.pages.teams import PlansPage, TeamsPage
from sanxiang_desktop.ui.pages.base import ALL_LEVELS, UPPER, register_page


class PeoplePage(ListPage):
    """人员库: the people entered by the unit and every unit below it, with a unit column."""
    key = "people"
    tables = frozenset({"people"})
    levels = ALL_LEVELS
    list_name = "people"
    watch = ("units",)

    def title(self) -> str:
        return self.tr("People")


class VisitsPage(ListPage):
    """调研走访: visits the unit made (county, city) or received (township)."""
    key = "visits"
    tables = frozenset({"visits"})
    levels = frozenset({"city", "county", "township"})
    list_name = "visits"
    watch = ("units",)
    year_filter = True

    def title(self) -> str:
        return self.tr("Survey Visits")

    def dialog_options(self) -> dict:
        unit = self.unit_code or self.context.ws.home_unit
        defaults = {"unit_code": unit, "visited_on": self.context.ws.today()}
        if self.unit_level in ("township", "village"):
            defaults["visited_unit_code"] = unit
        return {"defaults": defaults, "hidden": ("unit_code",)}


class VenuesPage(ListPage):
    """阵地: science venues of the unit and its villages."""
    key = "venues"
    tables = frozenset({"venues"})
    levels = ALL_LEVELS
    list_name = "venues"
    watch = ("units",)

    def title(self) -> str:
        return self.tr("Venues")


class MilestonesPage(ListPage):
    """时间节点 of the year; a new one gets its code from the service (units.custom_milestone_code)."""
    key = "milestones"
    tables = frozenset({"milestones"})
    levels = UPPER
    list_name = "milestones"
    year_filter = True

    def title(self) -> str:
        return self.tr("Milestones")

    def dialog_options(self) -> dict:
        unit = self.unit_code or self.context.ws.home_unit
        return {"defaults": {"unit_code": unit, "year": self.context.year}, "hidden": ("unit_code", "code")}


class BulletinsPage(ListPage):
    """信息通报: the periodic progress bulletins sent up the chain."""
    key = "bulletins"
    tables = frozenset({"bulletins"})
    levels = UPPER
    list_name = "bulletins"
    year_filter = True

    def title(self) -> str:
        return self.tr("Bulletins")

    def dialog_options(self) -> dict:
        unit = self.unit_code or self.context.ws.home_unit
        return {"defaults": {"unit_code": unit, "issued_on": self.context.ws.today()}, "hidden": ("unit_code",)}


PAGES = (AssociationPage, LeadershipPage, PeoplePage, ActivitiesPage, VisitsPage, VenuesPage, TeamsPage,
         VillagesPage, LeadingGroupPage, PlansPage, MilestonesPage, BulletinsPage)

for _page in PAGES:
    register_page(_page)
