// Read .ics files with Mozilla's ical.js (the parser inside Thunderbird) and print
// each event as JSON: a second, independent reading of our feeds. Time zones are
// taken from the file's own VTIMEZONE blocks, which is what the test checks.
// Usage: node events.mjs <path to ical.js module> <file.ics>...
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, ...files] = process.argv.slice(2);
const ICAL = (await import(pathToFileURL(modulePath).href)).default;

const result = {};
for (const file of files) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const moment = (time) => (time.isDate ? time.toString() : time.toJSDate().toISOString());
  result[file] = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      status: component.getFirstPropertyValue("status"),
      allDay: event.startDate.isDate,
      tzid: component.getFirstProperty("dtstart").getParameter("tzid") ?? null,
      start: moment(event.startDate),
      end: moment(event.endDate),
    };
  });
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.remove(zone.getFirstPropertyValue("tzid"));
  }
}
process.stdout.write(JSON.stringify(result));
