"""The calendar: pages, iCalendar feeds and structured data for the activities."""
