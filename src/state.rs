//! What the reader chose, and its mirror in the URL's query string, so any
//! view can be shared, embedded or projected.
//!
//! `demands=us-4a,nato-6&date=2021-12-17&ee=narrow&europe=narrow&ally=belarus&regions=central-asia&embed=1&theme=dark&lang=uk`

use crate::model::date::Date;
use crate::model::demand::Catalogue;
use crate::model::locale::LOCALES;
use crate::model::scope::{set_add, set_find, Readings};
use crate::zone::plan::Kind;

/// The URL parameters the page itself uses; a disputed term's id adds one.
pub const PARAMETERS: [&str; 15] = ["read", "demands", "date", "regions", "embed", "theme", "lang", "static", "present", "steps", "step", "range", "band", "sea", "view"];

/// A distance slider: its URL parameter, limits and default, km.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dial {
    pub kind: Kind,
    pub param: &'static str,
    pub min: u32,
    pub max: u32,
    pub step: u32,
    pub default: u32,
}

/// The three sliders: missile range (the INF classes: shorter-range
/// 500–1,000 km, intermediate-range 1,000–5,500 km), the border band's
/// width (the draft names none) and the strike range over the sea.
pub const DIALS: [Dial; 3] = [
    Dial { kind: Kind::Reach, param: "range", min: 500, max: 5_500, step: 50, default: 500 },
    Dial { kind: Kind::Band, param: "band", min: 10, max: 500, step: 10, default: 100 },
    Dial { kind: Kind::Sea, param: "sea", min: 100, max: 5_500, step: 50, default: 500 },
];

pub fn dial(kind: Kind) -> Dial {
    DIALS.into_iter().find(|d| d.kind == kind).unwrap_or(DIALS[0])
}

/// The distances set on the sliders, km.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dials {
    pub range: u32,
    pub band: u32,
    pub sea: u32,
}

impl Default for Dials {
    fn default() -> Self {
        Dials { range: DIALS[0].default, band: DIALS[1].default, sea: DIALS[2].default }
    }
}

impl Dials {
    pub fn get(&self, kind: Kind) -> u32 {
        match kind {
            Kind::Reach => self.range,
            Kind::Band => self.band,
            Kind::Sea => self.sea,
        }
    }

    /// Sets a distance, held within the slider's limits.
    pub fn set(&mut self, kind: Kind, km: u32) {
        let d = dial(kind);
        let km = km.clamp(d.min, d.max);
        match kind {
            Kind::Reach => self.range = km,
            Kind::Band => self.band = km,
            Kind::Sea => self.sea = km,
        }
    }

    /// `range=1000`-style pairs for the values that differ from the default.
    fn changed(&self) -> impl Iterator<Item = (&'static str, u32)> + '_ {
        DIALS.into_iter().filter(|d| self.get(d.kind) != d.default).map(|d| (d.param, self.get(d.kind)))
    }

    /// Reads one slider's value; `None` if `key` is not a slider.
    fn read(&mut self, key: &str, value: &str, ignored: &mut Vec<String>) -> Option<()> {
        let d = DIALS.into_iter().find(|d| d.param == key)?;
        match value.trim_end_matches("km").trim().parse::<u32>() {
            Ok(km) if (d.min..=d.max).contains(&km) => self.set(d.kind, km),
            _ => ignored.push(format!("{key}=\"{}\" (use {} to {} km)", clip(value), group(d.min), group(d.max))),
        }
        Some(())
    }
}

/// 5500 → "5,500".
pub fn group(n: impl Into<u64>) -> String {
    let n: u64 = n.into();
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The dates the reader can evaluate memberships on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AsOf {
    /// 27 May 1997: the NATO-Russia Founding Act, the drafts' reference date.
    Founding1997,
    /// 17 December 2021: the drafts' publication.
    #[default]
    Drafts2021,
    /// The reader's today.
    Today,
}

impl AsOf {
    pub const ALL: [AsOf; 3] = [AsOf::Founding1997, AsOf::Drafts2021, AsOf::Today];

    pub fn param(self) -> &'static str {
        match self {
            AsOf::Founding1997 => "1997-05-27",
            AsOf::Drafts2021 => "2021-12-17",
            AsOf::Today => "today",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AsOf::Founding1997 => "27 May 1997",
            AsOf::Drafts2021 => "17 December 2021",
            AsOf::Today => "Today",
        }
    }

    /// The calendar date, given what today is.
    pub fn date(self, today: Date) -> Date {
        match self {
            AsOf::Founding1997 => Date::new(1997, 5, 27),
            AsOf::Drafts2021 => Date::new(2021, 12, 17),
            AsOf::Today => today,
        }
    }

    pub fn from_param(s: &str) -> Option<AsOf> {
        AsOf::ALL.into_iter().find(|a| a.param() == s)
    }
}

/// Everything the reader chose.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    /// Active demands, in the catalogue's order.
    pub demands: Vec<String>,
    pub as_of: AsOf,
    pub readings: Readings,
    /// Region outlines switched on, sorted.
    pub regions: Vec<String>,
    /// `embed=1`: the map, the legend and the attribution only.
    pub embed: bool,
    /// `theme=dark|light`; `None` (`theme=auto`, the default) follows the
    /// reader's system.
    pub theme: Option<Theme>,
    /// `lang=ru`: the page's language chosen in the URL (one of
    /// `model::locale::LOCALES`); `None` follows the browser's languages
    /// (`model::locale::pick`). Kept in shared links, embeds and the
    /// presentation's link.
    pub lang: Option<&'static str>,
    /// `static=1`: a picture of the view, with no controls and no pointer,
    /// keyboard or zoom interaction.
    pub still: bool,
    /// `present=1`: the presentation, full screen, step by step.
    pub present: bool,
    /// `steps=`: a teacher's sequence of views; empty means the default tour.
    pub steps: Vec<Step>,
    /// `step=N` (from 1 in the URL): the step shown while presenting.
    pub step: usize,
    /// `range=`, `band=`, `sea=`: the distances of the zones, km.
    pub dials: Dials,
    /// `view=table`: the table of the reached states is open.
    pub table: bool,
    /// `read=us-4` (an article) or `read=us-4a` (a demand): the reading
    /// view is open there.
    pub read: Option<String>,
}

/// Whether `anchor` is an article (`us-4`) or a demand (`us-4a`) of the
/// catalogue: what `read=` and `#…` may name.
pub fn read_anchor_known(cat: &Catalogue, anchor: &str) -> bool {
    cat.demands.iter().any(|d| d.id == anchor || format!("{}-{}", d.treaty, d.article) == anchor)
}

/// One view of a presentation: demands, date, readings and distances.
///
/// Written in `steps=` as `ids/date/term.value/range.km`, steps joined by
/// `;`: `steps=us-4a,us-4b;nato-7a/today/ee.broad;nato-5/range.1000`.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub demands: Vec<String>,
    pub as_of: AsOf,
    /// Readings that differ from the defaults.
    pub readings: Readings,
    pub dials: Dials,
}

impl Step {
    /// The step showing what `c` shows now.
    pub fn of(c: &Choices, cat: &Catalogue) -> Step {
        let defaults = cat.default_readings();
        let readings = c.readings.iter().filter(|(k, v)| defaults.get(k.as_str()) != Some(*v)).map(|(k, v)| (k.clone(), v.clone())).collect();
        Step { demands: c.demands.clone(), as_of: c.as_of, readings, dials: c.dials }
    }

    /// Puts this step's view into `c`, readings over the defaults.
    pub fn apply(&self, c: &mut Choices, cat: &Catalogue) {
        c.demands = self.demands.clone();
        c.as_of = self.as_of;
        c.readings = cat.default_readings();
        for (k, v) in self.readings.iter() {
            c.readings.insert(k.clone(), v.clone());
        }
        c.dials = self.dials;
    }

    fn write(&self) -> String {
        let mut parts = vec![self.demands.join(",")];
        if self.as_of != AsOf::default() {
            parts.push(self.as_of.param().to_string());
        }
        parts.extend(self.readings.iter().map(|(k, v)| format!("{k}.{v}")));
        parts.extend(self.dials.changed().map(|(k, v)| format!("{k}.{v}")));
        parts.join("/")
    }

    fn read(text: &str, cat: &Catalogue, ignored: &mut Vec<String>) -> Step {
        let mut fields = text.split('/');
        let mut step = Step { demands: Vec::new(), as_of: AsOf::default(), readings: Readings::new(), dials: Dials::default() };
        // Sorted and each once, as the notices list them.
        let mut wanted: Vec<String> = Vec::new();
        for id in fields.next().unwrap_or("").split(',').map(str::trim).filter(|s| !s.is_empty()) {
            set_add(&mut wanted, id);
        }
        for id in &wanted {
            if cat.demand(id).is_none() {
                ignored.push(format!("unknown demand \"{}\" in a step", clip(id)));
            }
        }
        step.demands = cat.demands.iter().filter(|d| set_find(&wanted, &d.id).is_ok()).map(|d| d.id.clone()).collect();
        for f in fields.map(str::trim).filter(|f| !f.is_empty()) {
            if let Some(a) = AsOf::from_param(f) {
                step.as_of = a;
                continue;
            }
            if let Some((k, v)) = f.split_once('.') {
                if step.dials.read(k, v, ignored).is_some() {
                    continue;
                }
            }
            let ok = f.split_once('.').filter(|(k, v)| cat.term(k).is_some_and(|t| t.options.iter().any(|o| o.value == *v)));
            match ok {
                Some((k, v)) => {
                    step.readings.insert(k.to_string(), v.to_string());
                }
                None => ignored.push(format!("\"{}\" in a step", clip(f))),
            }
        }
        step
    }
}

/// The default tour: one step for each demand with a map layer, in the
/// drafts' order.
pub fn default_tour(cat: &Catalogue) -> Vec<Step> {
    cat.demands
        .iter()
        .filter(|d| d.has_map_layer())
        .map(|d| Step { demands: vec![d.id.clone()], as_of: AsOf::default(), readings: Readings::new(), dials: Dials::default() })
        .collect()
}

/// A colour theme the URL can force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn param(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Choices {
    pub fn new(cat: &Catalogue) -> Self {
        Choices {
            demands: Vec::new(),
            as_of: AsOf::default(),
            readings: cat.default_readings(),
            regions: Vec::new(),
            embed: false,
            theme: None,
            lang: None,
            still: false,
            present: false,
            steps: Vec::new(),
            step: 0,
            dials: Dials::default(),
            table: false,
            read: None,
        }
    }

    /// The one demand on, when everything else is as a new page has it
    /// (embed mode aside): the view a demand's own link shows.
    pub fn only_demand(&self, cat: &Catalogue) -> Option<&str> {
        let [id] = self.demands.as_slice() else { return None };
        let plain = Choices { demands: self.demands.clone(), embed: self.embed, ..Choices::new(cat) };
        (*self == plain).then_some(id.as_str())
    }

    /// Switches a demand on or off, keeping the catalogue's order.
    pub fn toggle(&mut self, cat: &Catalogue, id: &str) {
        let on = !self.demands.iter().any(|d| d == id);
        let keep = |d: &str| if d == id { on } else { self.demands.iter().any(|x| x == d) };
        self.demands = cat.demands.iter().filter(|d| keep(&d.id)).map(|d| d.id.clone()).collect();
    }

    /// The steps of the presentation: the teacher's, or the default tour.
    pub fn tour(&self, cat: &Catalogue) -> Vec<Step> {
        if self.steps.is_empty() { default_tour(cat) } else { self.steps.clone() }
    }

    /// Moves the presentation to step `i` (clamped) and shows its view.
    pub fn go_to(&mut self, i: usize, cat: &Catalogue) {
        let tour = self.tour(cat);
        if let Some(last) = tour.len().checked_sub(1) {
            self.step = i.min(last);
            tour[self.step].apply(self, cat);
        }
    }

    pub fn is_on(&self, id: &str) -> bool {
        self.demands.iter().any(|d| d == id)
    }

    /// Reads a query string (with or without its `?`). Whatever cannot be
    /// used is skipped and described in the returned list; the rest applies.
    pub fn from_query(query: &str, cat: &Catalogue, outline_regions: &[&str]) -> (Choices, Vec<String>) {
        let mut c = Choices::new(cat);
        let mut ignored = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let (key, value) = (key.trim(), value.trim());
            match key {
                "" => {}
                "demands" => {
                    let mut wanted: Vec<String> = Vec::new();
                    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        match cat.demand(id) {
                            Some(_) => {
                                set_add(&mut wanted, id);
                            }
                            None => ignored.push(format!("unknown demand \"{}\"", clip(id))),
                        }
                    }
                    c.demands = cat.demands.iter().filter(|d| set_find(&wanted, &d.id).is_ok()).map(|d| d.id.clone()).collect();
                }
                "date" => match AsOf::from_param(value) {
                    Some(a) => c.as_of = a,
                    None => ignored.push(format!("date \"{}\" (use 1997-05-27, 2021-12-17 or today)", clip(value))),
                },
                "embed" => match value {
                    "1" | "true" => c.embed = true,
                    "0" | "false" => c.embed = false,
                    _ => ignored.push(format!("embed=\"{}\" (use 1 or 0)", clip(value))),
                },
                "theme" => match value {
                    "light" => c.theme = Some(Theme::Light),
                    "dark" => c.theme = Some(Theme::Dark),
                    "auto" => c.theme = None,
                    _ => ignored.push(format!("theme=\"{}\" (use dark, light or auto)", clip(value))),
                },
                "static" => match value {
                    "1" | "true" => c.still = true,
                    "0" | "false" => c.still = false,
                    _ => ignored.push(format!("static=\"{}\" (use 1 or 0)", clip(value))),
                },
                "lang" => match LOCALES.into_iter().find(|l| l.eq_ignore_ascii_case(value)) {
                    Some(l) => c.lang = Some(l),
                    None => ignored.push(format!("lang=\"{}\" (use {})", clip(value), LOCALES.join(", "))),
                },
                "present" => match value {
                    "1" | "true" => c.present = true,
                    "0" | "false" => c.present = false,
                    _ => ignored.push(format!("present=\"{}\" (use 1 or 0)", clip(value))),
                },
                "steps" => {
                    c.steps = value.split(';').filter(|s| !s.trim().is_empty()).map(|s| Step::read(s, cat, &mut ignored)).collect();
                }
                "step" => match value.parse::<usize>() {
                    Ok(n) if n >= 1 => c.step = n - 1,
                    _ => ignored.push(format!("step=\"{}\" (use 1, 2, …)", clip(value))),
                },
                "regions" => {
                    for id in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        if outline_regions.contains(&id) {
                            set_add(&mut c.regions, id);
                        } else {
                            ignored.push(format!("unknown region \"{}\"", clip(id)));
                        }
                    }
                }
                "view" => match value {
                    "table" => c.table = true,
                    "map" => c.table = false,
                    _ => ignored.push(format!("view=\"{}\" (use table or map)", clip(value))),
                },
                "read" => {
                    if read_anchor_known(cat, value) {
                        c.read = Some(value.to_string());
                    } else {
                        ignored.push(format!("read=\"{}\" (use an article such as us-4 or a demand such as nato-7b)", clip(value)));
                    }
                }
                "range" | "band" | "sea" => {
                    c.dials.read(key, value, &mut ignored);
                }
                _ => match cat.term(key) {
                    Some(term) => {
                        if term.options.iter().any(|o| o.value == value) {
                            c.readings.insert(key.to_string(), value.to_string());
                        } else {
                            let options: Vec<&str> = term.options.iter().map(|o| o.value.as_str()).collect();
                            ignored.push(format!("{key}=\"{}\" (use {})", clip(value), options.join(" or ")));
                        }
                    }
                    None => ignored.push(format!("unknown parameter \"{}\"", clip(key))),
                },
            }
        }
        (c, ignored)
    }

    /// The query string that reproduces these choices, without its `?`.
    /// Defaults are left out so a shared link stays short.
    pub fn to_query(&self, cat: &Catalogue) -> String {
        let mut parts = Vec::new();
        if !self.demands.is_empty() {
            parts.push(format!("demands={}", self.demands.join(",")));
        }
        if self.as_of != AsOf::default() {
            parts.push(format!("date={}", self.as_of.param()));
        }
        for t in &cat.terms {
            if let Some(v) = self.readings.get(&t.id).filter(|v| **v != t.default) {
                parts.push(format!("{}={v}", t.id));
            }
        }
        parts.extend(self.dials.changed().map(|(k, v)| format!("{k}={v}")));
        if !self.regions.is_empty() {
            parts.push(format!("regions={}", self.regions.join(",")));
        }
        if self.table {
            parts.push("view=table".into());
        }
        if let Some(r) = &self.read {
            parts.push(format!("read={r}"));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if let Some(t) = self.theme {
            parts.push(format!("theme={}", t.param()));
        }
        if let Some(l) = self.lang {
            parts.push(format!("lang={l}"));
        }
        if self.still {
            parts.push("static=1".into());
        }
        if !self.steps.is_empty() {
            parts.push(format!("steps={}", self.steps.iter().map(Step::write).collect::<Vec<_>>().join(";")));
        }
        if self.present {
            parts.push("present=1".into());
            if self.step > 0 {
                parts.push(format!("step={}", self.step + 1));
            }
        }
        parts.join("&")
    }
}

/// Keeps a reader's garbage short in a notice.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().filter(|c| !c.is_control()).take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}
