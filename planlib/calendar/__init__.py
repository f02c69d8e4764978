"""The plan in the team's calendars: iCalendar feeds (`feed`), written by `planlib calendar` and each report."""
