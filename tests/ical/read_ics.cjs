// Read a .ics with ical.js and print the same normal form as read_ics.py.
'use strict';
const fs = require('fs');
const path = require('path');
const ICALmod = require(path.join(__dirname, 'node_modules', 'ical.js'));
const ICAL = ICALmod.default || ICALmod;

function pad(n) { return String(n).padStart(2, '0'); }
function normTime(t) {
  if (t.isDate) return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  if (t.zone && t.zone.tzid === 'floating') throw new Error('floating time ' + t.toString());
  return t.toJSDate().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function text(c, name) {
  const v = c.getFirstPropertyValue(name);
  return v === null || v === undefined ? null : String(v);
}

const jcal = ICAL.parse(fs.readFileSync(process.argv[2], 'utf8'));
const cal = new ICAL.Component(jcal);
for (const tz of cal.getAllSubcomponents('vtimezone'))
  ICAL.TimezoneService.register(tz);
const head = {};
for (const k of ['version', 'calscale', 'method', 'x-wr-timezone'])
  head[k.toUpperCase()] = text(cal, k);
head.tzids = cal.getAllSubcomponents('vtimezone').map(t => t.getFirstPropertyValue('tzid'));
const sortKeys = o => Object.keys(o).sort().reduce((r, k) => {
  r[k] = o[k] && typeof o[k] === 'object' && !Array.isArray(o[k]) ? sortKeys(o[k]) :
    Array.isArray(o[k]) ? o[k].map(x => x && typeof x === 'object' ? sortKeys(x) : x) : o[k];
  return r;
}, {});
console.log(JSON.stringify({ calendar: sortKeys(head) }));
const events = [];
for (const c of cal.getAllSubcomponents('vevent')) {
  const start = c.getFirstPropertyValue('dtstart');
  const end = c.getFirstPropertyValue('dtend');
  const lm = c.getFirstPropertyValue('last-modified');
  const cats = [];
  for (const p of c.getAllProperties('categories')) cats.push(...p.getValues().map(String));
  const alarms = c.getAllSubcomponents('valarm').map(a => {
    const trig = a.getFirstPropertyValue('trigger');
    return { action: text(a, 'action'), description: text(a, 'description'),
             trigger_days: trig.days + trig.weeks * 7, before: trig.isNegative };
  });
  events.push({
    uid: text(c, 'uid'), kind: text(c, 'x-madoguchi-kind'),
    start: normTime(start), end: end ? normTime(end) : null,
    summary: text(c, 'summary'), location: text(c, 'location'),
    description: text(c, 'description'), categories: cats, status: text(c, 'status'),
    sequence: Number(c.getFirstPropertyValue('sequence')),
    last_modified: lm ? normTime(lm) : null, dtstamp: normTime(c.getFirstPropertyValue('dtstamp')),
    alarms,
  });
}
events.sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
for (const ev of events) console.log(JSON.stringify(sortKeys(ev)));
