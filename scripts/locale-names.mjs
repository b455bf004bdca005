#!/usr/bin/env node
// Writes the CLDR data into geo/locales/*.json: each locale's `cldr` section
// (grouping and decimal separators, minimum grouping digits, the long date
// pattern and the month names it uses) and, outside English, `states`: the
// name of every state in geo/facts.json and of every context state drawn
// around them, keyed by the ISO 3166-1 alpha-3 codes the facts use.
//
// Source: Unicode CLDR through the npm packages cldr-core, cldr-numbers-full,
// cldr-dates-full and cldr-localenames-full, pinned in package.json
// (licence Unicode-3.0; version recorded in each file's `cldr.version` and in
// geo/README.md). The rest of each locale file is written by hand and kept
// as it is; run after changing facts.json or the CLDR version:
//
//   node scripts/locale-names.mjs          # rewrite the files
//   node scripts/locale-names.mjs --check  # fail if a file is out of date

import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(join(root, "package.json"));
const cldr = (pkg, path) => JSON.parse(readFileSync(require.resolve(`${pkg}/${path}`), "utf8"));

// The page's locale → the CLDR locale whose data it follows. The page's
// English is British ("17 December 2021", "colours"): en-GB.
const LOCALES = { en: "en-GB", ru: "ru", uk: "uk", de: "de", fr: "fr", pl: "pl" };

// Where the page's name differs from CLDR's standard one: another of CLDR's
// own forms (`-alt-short`), with the reason. Russian and Ukrainian news
// write "США" for the United States almost without exception.
const ALT = { ru: { US: "short" }, uk: { US: "short" } };

// Codes the facts use that are not CLDR's: Kosovo is XKX in the map's data
// (Natural Earth), XK in CLDR.
const ALPHA2 = { XKX: "XK" };

// Drawn context areas that are not states, so not in CLDR: Natural Earth's
// "Siachen Glacier" (KAS), a disputed area drawn for orientation only.
const NOT_CLDR = {
  KAS: { ru: "Ледник Сиачен", uk: "Льодовик Сіачен", de: "Siachen-Gletscher", fr: "Glacier de Siachen", pl: "Lodowiec Siachen" },
};

const version = cldr("cldr-core", "package.json").version;
const facts = JSON.parse(readFileSync(join(root, "geo/facts.json"), "utf8"));
const mappings = cldr("cldr-core", "supplemental/codeMappings.json").supplemental.codeMappings;
const alpha2 = { ...ALPHA2 };
for (const [a2, m] of Object.entries(mappings)) {
  if (m._alpha3 && !(m._alpha3 in alpha2) && /^[A-Z]{2}$/.test(a2)) alpha2[m._alpha3] = a2;
}
const codes = [...facts.states.map((s) => s.iso), ...facts.context];

// The order of a locale file's sections.
const ORDER = ["locale", "name", "cldr", "glossary", "messages", "treaties", "terms", "demands", "regions", "parties", "states", "state_notes", "hosting"];

const check = process.argv.includes("--check");
let stale = [];
for (const [code, id] of Object.entries(LOCALES)) {
  const file = join(root, "geo/locales", `${code}.json`);
  const text = readFileSync(file, "utf8");
  const data = JSON.parse(text);
  const numbers = cldr("cldr-numbers-full", `main/${id}/numbers.json`).main[id].numbers;
  const symbols = numbers["symbols-numberSystem-latn"];
  const pattern = numbers["decimalFormats-numberSystem-latn"].standard;
  if (pattern !== "#,##0.###") throw new Error(`${id}: decimal pattern ${pattern}; the reader handles only #,##0.###`);
  const gregorian = cldr("cldr-dates-full", `main/${id}/ca-gregorian.json`).main[id].dates.calendars.gregorian;
  const long = gregorian.dateFormats.long;
  // The form of the month names the pattern uses (MMMM: the format
  // context, genitive where the language has one).
  if (!/(^|[^M])MMMM([^M]|$)/.test(long)) throw new Error(`${id}: long date pattern ${long} has no MMMM`);
  const months = Array.from({ length: 12 }, (_, i) => gregorian.months.format.wide[String(i + 1)]);
  data.cldr = {
    version,
    group: symbols.group,
    decimal: symbols.decimal,
    min_grouping: Number(numbers.minimumGroupingDigits),
    date_long: long,
    months,
  };
  if (code !== "en") {
    const territories = cldr("cldr-localenames-full", `main/${id}/territories.json`).main[id].localeDisplayNames.territories;
    const states = {};
    for (const iso of codes) {
      const own = NOT_CLDR[iso]?.[code];
      if (own) {
        states[iso] = own;
        continue;
      }
      const a2 = alpha2[iso];
      const alt = ALT[code]?.[a2];
      const name = (alt && territories[`${a2}-alt-${alt}`]) || territories[a2];
      if (!name) throw new Error(`${code}: no CLDR name for ${iso} (${a2})`);
      states[iso] = name;
    }
    data.states = Object.fromEntries(Object.keys(states).sort().map((k) => [k, states[k]]));
  }
  const ordered = {};
  for (const k of ORDER) if (k in data) ordered[k] = data[k];
  for (const k of Object.keys(data)) if (!(k in ordered)) ordered[k] = data[k];
  const out = JSON.stringify(ordered, null, 1) + "\n";
  if (out !== text) {
    stale.push(code);
    if (!check) writeFileSync(file, out);
  }
}
if (check && stale.length) {
  console.error(`out of date: ${stale.join(", ")} (run node scripts/locale-names.mjs)`);
  process.exit(1);
}
console.log(check ? "locale files up to date" : `CLDR ${version}: ${stale.length ? "wrote " + stale.join(", ") : "no change"}`);
