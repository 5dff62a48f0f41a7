//! Front matter: the YAML (`---`) or TOML (`+++`) block at the start of a draft, read
//! with a real parser (`yaml-rust2` for YAML, `toml` for TOML) so that quoted values,
//! block scalars and comments are read as those formats define them. The Markdown
//! scanner ([`super::markdown`]) only finds where the block ends.
//!
//! Only the top-level keys that carry the article's dates are looked at: the article
//! date (`date`, `published`, `pubDate`, …) and the date of its last update
//! (`updated`, `lastmod`, …).

use std::ops::Range;

use jiff::civil::Date;

/// The keys of the article date, in order of preference (compared case-insensitively).
pub const DATE_KEYS: &[&str] = &["date", "published", "pubdate", "publishdate", "pub_date"];
/// The keys of the date of the last update, in order of preference.
pub const UPDATED_KEYS: &[&str] = &["updated", "lastmod", "modified", "last_modified"];

/// A top-level key of the front matter that holds a date, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateField {
    /// The key as written ("date", "pubDate").
    pub key: String,
    /// Its value as text ("2024-11-22", "November 22, 2024"); a value that is no
    /// scalar (a list, a table) is `None`.
    pub value: Option<String>,
    /// Byte range in the file of the key's line (without its line ending).
    pub line: Range<usize>,
}

/// The article metadata read from front matter.
#[derive(Clone, Debug, Default)]
pub struct FrontMatter {
    /// Byte range of the whole front matter block.
    pub span: Range<usize>,
    /// Byte range of its first line (the opening `---` or `+++`, without line ending).
    pub first_line: Range<usize>,
    /// The article date, when its key holds a date factlint reads.
    pub date: Option<Date>,
    /// The date the article was last updated, when one is given and read.
    pub updated: Option<Date>,
    /// The key of the article date, as written, read or not.
    pub date_field: Option<DateField>,
    /// The key of the update date, as written, read or not.
    pub updated_field: Option<DateField>,
    /// Why the block could not be read at all ("not valid YAML: …"); then no key of
    /// it is known.
    pub error: Option<String>,
}

impl FrontMatter {
    /// Reads the block whose content (between the fences) is `content`, a range of
    /// `text`; `toml` for `+++` fences. The dates are read with [`parse_date`] and no
    /// configured format (see [`FrontMatter::apply_date_format`]).
    pub fn read(
        text: &str,
        content: Range<usize>,
        toml: bool,
        span: Range<usize>,
        first_line: Range<usize>,
    ) -> FrontMatter {
        let mut fm = FrontMatter {
            span,
            first_line,
            ..FrontMatter::default()
        };
        let body = &text[content.clone()];
        let keys = if toml {
            toml_keys(body)
        } else {
            yaml_keys(body)
        };
        let keys = match keys {
            Ok(k) => k,
            Err(e) => {
                fm.error = Some(e);
                return fm;
            }
        };
        // The key's line in the file, from its line number in the block (1-based).
        let line_range = |line: usize| -> Range<usize> {
            let mut start = content.start;
            for _ in 1..line {
                match body[start - content.start..].find(['\n', '\r']) {
                    Some(i) => {
                        start += i + 1;
                        if text.as_bytes().get(start - 1) == Some(&b'\r')
                            && text.as_bytes().get(start) == Some(&b'\n')
                        {
                            start += 1;
                        }
                    }
                    None => break,
                }
            }
            let end = text[start..content.end]
                .find(['\n', '\r'])
                .map_or(content.end, |i| start + i);
            start..end
        };
        let pick = |wanted: &[&str]| -> Option<DateField> {
            wanted.iter().find_map(|w| {
                keys.iter()
                    .find(|k| k.key.eq_ignore_ascii_case(w))
                    .map(|k| DateField {
                        key: k.key.clone(),
                        value: k.value.clone(),
                        line: line_range(k.line),
                    })
            })
        };
        fm.date_field = pick(DATE_KEYS);
        fm.updated_field = pick(UPDATED_KEYS);
        fm.apply_date_format(None);
        fm
    }

    /// Reads the dates again, with `format` (a `strftime` format such as `%d/%m/%Y`)
    /// tried before the common forms.
    pub fn apply_date_format(&mut self, format: Option<&str>) {
        let read = |f: &Option<DateField>| {
            f.as_ref()
                .and_then(|f| f.value.as_deref())
                .and_then(|v| parse_date(v, format))
        };
        self.date = read(&self.date_field);
        self.updated = read(&self.updated_field);
    }
}

/// A top-level key with a scalar value, and the line (1-based, in the block) it is on.
struct Key {
    key: String,
    value: Option<String>,
    line: usize,
}

/// The top-level keys of a YAML block, in order.
fn yaml_keys(body: &str) -> Result<Vec<Key>, String> {
    use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
    use yaml_rust2::scanner::Marker;

    #[derive(Default)]
    struct Keys {
        keys: Vec<Key>,
        /// Nesting depth: 1 inside the top-level mapping.
        depth: usize,
        /// Inside the top-level mapping, the next node is a key.
        want_key: bool,
        /// A top-level mapping was seen (a block that is a list or a scalar has none).
        top_is_mapping: bool,
        /// Only the first document is read.
        done: bool,
    }

    impl MarkedEventReceiver for Keys {
        fn on_event(&mut self, ev: Event, mark: Marker) {
            if self.done {
                return;
            }
            match ev {
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    if self.depth == 0 {
                        self.top_is_mapping = matches!(ev, Event::MappingStart(..));
                        self.want_key = true;
                    } else if self.depth == 1 && self.top_is_mapping {
                        if self.want_key {
                            // A complex key: nothing factlint reads.
                            self.keys.push(Key {
                                key: String::new(),
                                value: None,
                                line: mark.line(),
                            });
                        }
                        self.want_key = !self.want_key;
                    }
                    self.depth += 1;
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        self.done = true;
                    }
                }
                Event::Scalar(s, ..) if self.depth == 1 && self.top_is_mapping => {
                    if self.want_key {
                        self.keys.push(Key {
                            key: s,
                            value: None,
                            line: mark.line(),
                        });
                    } else if let Some(k) = self.keys.last_mut() {
                        k.value = Some(s);
                    }
                    self.want_key = !self.want_key;
                }
                Event::Alias(_) if self.depth == 1 && self.top_is_mapping => {
                    self.want_key = !self.want_key;
                }
                Event::DocumentEnd => self.done = true,
                _ => {}
            }
        }
    }

    let mut keys = Keys::default();
    Parser::new_from_str(body)
        .load(&mut keys, false)
        .map_err(|e| {
            format!(
                "not valid YAML: {} (line {} of the front matter)",
                e.info(),
                e.marker().line()
            )
        })?;
    Ok(keys.keys)
}

/// The top-level keys of a TOML block, in order of their place in the block.
fn toml_keys(body: &str) -> Result<Vec<Key>, String> {
    let table: toml::Spanned<toml::Table> = toml::from_str(body).map_err(|e| {
        let line = e
            .span()
            .map(|s| body[..s.start.min(body.len())].matches('\n').count() + 1);
        format!(
            "not valid TOML: {}{}",
            e.message().trim(),
            line.map_or_else(String::new, |l| format!(" (line {l} of the front matter)"))
        )
    })?;
    // Spans of the keys themselves are not kept by `toml::Table`: find each key's line
    // as the first line of the block that starts with it (top-level keys are written
    // at the start of their line, before any table header).
    let mut out = Vec::new();
    for (k, v) in table.get_ref() {
        let value = match v {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Datetime(d) => Some(d.to_string()),
            _ => None,
        };
        let line = body
            .lines()
            .position(|l| {
                let l = l.trim_start();
                let l = l.trim_start_matches(['"', '\'']);
                l.len() >= k.len()
                    && l.is_char_boundary(k.len())
                    && l[..k.len()].eq_ignore_ascii_case(k)
                    && l[k.len()..]
                        .trim_start_matches(['"', '\''])
                        .trim_start()
                        .starts_with('=')
            })
            .map_or(1, |i| i + 1);
        out.push(Key {
            key: k.clone(),
            value,
            line,
        });
    }
    out.sort_by_key(|k| k.line);
    Ok(out)
}

/// The forms of a day read without a configured format: ISO 8601 / RFC 3339
/// (`2024-11-22`, `2024-11-22T09:00:00Z`, `2024-11-22 09:00:00 +01:00`), and the
/// English forms `November 22, 2024`, `Nov 22, 2024`, `Nov. 22, 2024`,
/// `22 November 2024`, `22 Nov 2024`.
const WRITTEN_FORMS: &[&str] = &[
    "%B %d, %Y",
    "%B %d %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%b. %d %Y",
    "%d %B %Y",
    "%d %B, %Y",
    "%d %b %Y",
    "%d %b. %Y",
];

/// Reads a front matter date. `format` (a `strftime` format such as `%d/%m/%Y`) is
/// tried first; then the ISO form (a time after the day, as RFC 3339 writes it, is
/// allowed: the day is the one written, whatever the offset), then the English forms
/// of [`WRITTEN_FORMS`]. Forms such as `22/11/2024` are ambiguous and read only with a
/// format.
pub fn parse_date(value: &str, format: Option<&str>) -> Option<Date> {
    let value = value.trim();
    if let Some(f) = format
        && let Ok(d) = Date::strptime(f, value)
    {
        return Some(d);
    }
    if let Some(head) = value.get(..10) {
        let rest = &value[10..];
        if (rest.is_empty() || rest.starts_with(['T', ' ', 't']))
            && let Ok(d) = head.parse::<Date>()
        {
            return Some(d);
        }
    }
    WRITTEN_FORMS
        .iter()
        .find_map(|f| Date::strptime(f, value).ok())
}

/// Checks a configured `date-format`: it must read back the day it writes.
pub fn check_date_format(format: &str) -> Result<(), String> {
    let day = jiff::civil::date(2024, 11, 22);
    let written = jiff::fmt::strtime::format(format, day)
        .map_err(|e| format!("`date-format` `{format}` is not a strftime format: {e}"))?;
    match Date::strptime(format, &written) {
        Ok(d) if d == day => Ok(()),
        _ => Err(format!(
            "`date-format` `{format}` does not give a whole day (it needs a year, a month and a day, e.g. `%d/%m/%Y`)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("a date")
    }

    fn yaml(block: &str) -> FrontMatter {
        let text = format!("---\n{block}---\n");
        FrontMatter::read(&text, 4..4 + block.len(), false, 0..text.len(), 0..3)
    }

    #[test]
    fn common_forms_are_read() {
        for s in [
            "2024-11-22",
            "2024-11-22T09:00:00Z",
            "2024-11-22T23:30:00-05:00",
            "2024-11-22 09:00",
            "November 22, 2024",
            "Nov 22, 2024",
            "Nov. 22, 2024",
            "22 November 2024",
            "22 Nov 2024",
            "november 22 2024",
        ] {
            assert_eq!(parse_date(s, None), Some(d("2024-11-22")), "{s}");
        }
        for s in ["22/11/2024", "11/22/2024", "next tuesday", "2024-13-01", ""] {
            assert_eq!(parse_date(s, None), None, "{s}");
        }
        assert_eq!(
            parse_date("22/11/2024", Some("%d/%m/%Y")),
            Some(d("2024-11-22"))
        );
        assert_eq!(
            parse_date("11/22/2024", Some("%m/%d/%Y")),
            Some(d("2024-11-22"))
        );
        assert_eq!(parse_date("11/22/2024", Some("%d/%m/%Y")), None);
    }

    #[test]
    fn formats_are_checked() {
        assert!(check_date_format("%d/%m/%Y").is_ok());
        assert!(check_date_format("%m/%Y").is_err());
        assert!(check_date_format("%Q").is_err());
    }

    #[test]
    fn yaml_is_read_as_yaml() {
        let fm = yaml("title: \"A: b\"\n# date: 2020-01-01\ndate: 'November 22, 2024' # the day\n");
        assert_eq!(fm.date, Some(d("2024-11-22")));
        let f = fm.date_field.expect("the key");
        assert_eq!(f.key, "date");
        // The key's line in the file: line 4 of "---\ntitle…\n# date…\ndate…".
        let text =
            "---\ntitle: \"A: b\"\n# date: 2020-01-01\ndate: 'November 22, 2024' # the day\n---\n";
        assert_eq!(&text[f.line.clone()], "date: 'November 22, 2024' # the day");
        // A block scalar is a string like any other.
        let fm = yaml("summary: |\n  date: 2020-01-01\npubDate: >-\n  2024-11-22\n");
        assert_eq!(fm.date, Some(d("2024-11-22")));
        assert_eq!(fm.date_field.expect("key").key, "pubDate");
        // A nested `date` is not the article's.
        let fm = yaml("meta:\n  date: 2024-11-22\n");
        assert!(fm.date_field.is_none() && fm.date.is_none());
        // A date that is not one is kept as written.
        let fm = yaml("date: next tuesday\n");
        assert_eq!(fm.date, None);
        assert_eq!(
            fm.date_field.and_then(|f| f.value).as_deref(),
            Some("next tuesday")
        );
    }

    #[test]
    fn broken_yaml_is_an_error_not_a_panic() {
        let fm = yaml("date: 2024-11-22\ntags: [unclosed\n");
        assert!(fm.date.is_none());
        let e = fm.error.expect("an error");
        assert!(e.starts_with("not valid YAML: "), "{e}");
    }

    #[test]
    fn toml_is_read_as_toml() {
        let block = "title = \"x\"\n# date = 2020-01-01\ndate = 2024-11-22T09:00:00Z\n";
        let text = format!("+++\n{block}+++\n");
        let fm = FrontMatter::read(&text, 4..4 + block.len(), true, 0..text.len(), 0..3);
        assert_eq!(fm.date, Some(d("2024-11-22")));
        let f = fm.date_field.expect("key");
        assert_eq!(&text[f.line], "date = 2024-11-22T09:00:00Z");
        let block = "date = \"22/11/2024\"\n";
        let text = format!("+++\n{block}+++\n");
        let mut fm = FrontMatter::read(&text, 4..4 + block.len(), true, 0..text.len(), 0..3);
        assert_eq!(fm.date, None);
        fm.apply_date_format(Some("%d/%m/%Y"));
        assert_eq!(fm.date, Some(d("2024-11-22")));
        let block = "date = [\n";
        let text = format!("+++\n{block}+++\n");
        let fm = FrontMatter::read(&text, 4..4 + block.len(), true, 0..text.len(), 0..3);
        assert!(fm.error.expect("error").starts_with("not valid TOML: "));
    }
}
