//! A large fact file read in pieces, on every core and with less memory: a 10,000-fact
//! base in one file is 4.9 MB of TOML, which the toml crate reads on one thread in
//! about 115 ms, more than half of a one-file check, holding 124 MB meanwhile.
//!
//! The file is cut before lines that open an element of a top-level array
//! (`[[product]]` and the five others, alone on their line), each piece is read as a
//! document of its own, and the pieces' arrays are joined in order, their spans moved
//! to where the piece starts. That is the file's reading whenever every piece reads
//! and none can see what another defines: every piece but the first opens with such a
//! header, so it holds no top-level key, and a table it names under the header belongs
//! to its own elements. What could still differ is refused, and the file is then read
//! whole, as are files with an error (the whole reading gives the error its message
//! and place):
//!
//! - a piece that does not read (a cut inside a multi-line string or array leaves one
//!   unclosed; a `[[lineup.members]]` whose `[[lineup]]` is in an earlier piece has no
//!   array to join);
//! - `[meta]` in two pieces (the whole file defines it twice);
//! - a file with top-level keys (its first line that is not blank or a comment is not
//!   a table header): `product = […]` with `[[product]]` later is an error of the
//!   whole file.
//!
//! A test compares the pieces' reading with the whole reading, spans included, on the
//! built-in base and on generated ones, and checks each refusal.

use std::ops::Range;

use rayon::prelude::*;
use toml::Spanned;

use super::schema::{
    RawEntity, RawEvent, RawFamily, RawFile, RawLineup, RawMember, RawProduct, RawQuantity,
    RawTimedValue,
};

/// A file is cut into pieces of at least this many bytes. The toml crate holds about
/// twenty times a document's size while it reads it (its tokens, events and tables):
/// a one-file check with a 4.9 MB base peaked at 124 MB reading it whole, at 63 MB
/// reading it in pieces of 128 KB (one thread), and the page faults of the whole
/// reading were a third of the run. Pieces of 32 KB to 128 KB were measured equal; of
/// 512 KB, the run took 1.1 times as long.
const PIECE_MIN_BYTES: usize = 128 * 1024;

/// The top-level arrays of a fact file, whose `[[…]]` lines a file may be cut before.
const ARRAYS: [&str; 6] = ["entity", "event", "quantity", "product", "family", "lineup"];

/// Reads a fact file: in pieces (on every thread) when it is large and the pieces read
/// as the whole does, otherwise whole.
pub(super) fn read(text: &str) -> Result<RawFile, toml::de::Error> {
    let count = text.len() / PIECE_MIN_BYTES;
    if count >= 2
        && let Some(raw) = read_in_pieces(text, count)
    {
        return Ok(raw);
    }
    toml::from_str(text)
}

/// The file read in about `count` pieces, or `None` when the pieces might not read as
/// the whole file does (see the module's comment).
fn read_in_pieces(text: &str, count: usize) -> Option<RawFile> {
    let pieces = cut(text, count);
    let first = pieces.first()?;
    if pieces.len() < 2 || may_have_top_level_keys(&text[first.clone()]) {
        return None;
    }
    // Once a piece does not read, the others are not read (the file is read whole).
    let read: Vec<RawFile> = pieces
        .par_iter()
        .map(|r| {
            toml::from_str::<RawFile>(&text[r.clone()])
                .ok()
                .map(|raw| raw.moved(r.start))
        })
        .collect::<Option<Vec<RawFile>>>()?;
    let mut whole = RawFile::default();
    for raw in read {
        let RawFile {
            meta,
            mut entity,
            mut event,
            mut quantity,
            mut product,
            mut family,
            mut lineup,
        } = raw;
        if meta.is_some() {
            if whole.meta.is_some() {
                return None;
            }
            whole.meta = meta;
        }
        whole.entity.append(&mut entity);
        whole.event.append(&mut event);
        whole.quantity.append(&mut quantity);
        whole.product.append(&mut product);
        whole.family.append(&mut family);
        whole.lineup.append(&mut lineup);
    }
    Some(whole)
}

/// Cuts `text` into at most `count` pieces of about equal size, each but the first
/// starting at a line that is a top-level array's `[[…]]` header alone.
fn cut(text: &str, count: usize) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    for k in 1..count {
        let from = (text.len() * k / count).max(starts.last().map_or(0, |&s| s + 1));
        match header_line_from(text, from) {
            Some(at) if at > *starts.last().unwrap_or(&0) => starts.push(at),
            _ => break,
        }
    }
    let mut pieces: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    pieces.push(starts.last().copied().unwrap_or(0)..text.len());
    pieces
}

/// The start of the first line at or after `from` that is `[[name]]` for a top-level
/// array, alone on its line (trailing spaces and a carriage return allowed).
fn header_line_from(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let finder = memchr::memmem::Finder::new(b"\n[[");
    let mut at = from.checked_sub(1)?;
    while let Some(found) = bytes.get(at..).and_then(|rest| finder.find(rest)) {
        let start = at + found + 1;
        let line_end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        let line = text
            .get(start..line_end)?
            .trim_end_matches([' ', '\t', '\r']);
        if let Some(name) = line.strip_prefix("[[").and_then(|l| l.strip_suffix("]]"))
            && ARRAYS.contains(&name)
        {
            return Some(start);
        }
        at = start;
    }
    None
}

/// True unless the first line of `text` that is not blank or a comment is a table
/// header (`[meta]`, `[[entity]]`): only then does the file have no top-level key,
/// which could assign a top-level array that a later `[[…]]` extends (an error of the
/// whole file that no piece would see). Fact files open with comments and `[meta]`.
fn may_have_top_level_keys(text: &str) -> bool {
    let Some(line) = text
        .lines()
        .map(|l| l.trim_end_matches([' ', '\t', '\r']))
        .find(|l| !l.trim_start().is_empty() && !l.trim_start().starts_with('#'))
    else {
        return false;
    };
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')));
    !inner.is_some_and(|key| {
        !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
    })
}

/// A span moved by `by` bytes.
fn at<T>(s: Spanned<T>, by: usize) -> Spanned<T> {
    let r = s.span();
    Spanned::new(r.start + by..r.end + by, s.into_inner())
}

fn all<T>(v: Vec<Spanned<T>>, by: usize) -> Vec<Spanned<T>> {
    v.into_iter().map(|s| at(s, by)).collect()
}

fn opt<T>(o: Option<Spanned<T>>, by: usize) -> Option<Spanned<T>> {
    o.map(|s| at(s, by))
}

/// Every span of a piece's reading moved to where the piece starts. Each value is
/// taken apart whole, so that a field added to the schema must be moved here too (or
/// the build fails).
trait Moved {
    fn moved(self, by: usize) -> Self;
}

impl Moved for RawFile {
    fn moved(self, by: usize) -> Self {
        let RawFile {
            meta,
            entity,
            event,
            quantity,
            product,
            family,
            lineup,
        } = self;
        RawFile {
            meta: meta.map(|m| super::schema::RawMeta {
                title: m.title,
                checked: opt(m.checked, by),
            }),
            entity: entity.into_iter().map(|x| x.moved(by)).collect(),
            event: event.into_iter().map(|x| x.moved(by)).collect(),
            quantity: quantity.into_iter().map(|x| x.moved(by)).collect(),
            product: product.into_iter().map(|x| x.moved(by)).collect(),
            family: family.into_iter().map(|x| x.moved(by)).collect(),
            lineup: lineup.into_iter().map(|x| x.moved(by)).collect(),
        }
    }
}

impl Moved for RawEntity {
    fn moved(self, by: usize) -> Self {
        let RawEntity {
            id,
            names,
            descriptions,
            kinds,
            note,
        } = self;
        RawEntity {
            id: at(id, by),
            names: all(names, by),
            descriptions: all(descriptions, by),
            kinds: all(kinds, by),
            note,
        }
    }
}

impl Moved for RawEvent {
    fn moved(self, by: usize) -> Self {
        let RawEvent {
            id,
            what,
            date,
            entities,
            cues,
            amount,
            valuation,
            valuation_source,
            sum_of,
            source,
            note,
        } = self;
        RawEvent {
            id: at(id, by),
            what,
            date: at(date, by),
            entities: all(entities, by),
            cues,
            amount: opt(amount, by),
            valuation: opt(valuation, by),
            valuation_source: opt(valuation_source, by),
            sum_of: all(sum_of, by),
            source: opt(source, by),
            note,
        }
    }
}

impl Moved for RawQuantity {
    fn moved(self, by: usize) -> Self {
        let RawQuantity {
            id,
            what,
            entities,
            cues,
            sum_of,
            values,
            source,
            note,
        } = self;
        RawQuantity {
            id: at(id, by),
            what,
            entities: all(entities, by),
            cues,
            sum_of: all(sum_of, by),
            values: values
                .into_iter()
                .map(|v| {
                    let v = at(v, by);
                    let r = v.span();
                    Spanned::new(r, v.into_inner().moved(by))
                })
                .collect(),
            source: opt(source, by),
            note,
        }
    }
}

impl Moved for RawTimedValue {
    fn moved(self, by: usize) -> Self {
        let RawTimedValue {
            value,
            from,
            source,
        } = self;
        RawTimedValue {
            value: at(value, by),
            from: at(from, by),
            source,
        }
    }
}

impl Moved for RawProduct {
    fn moved(self, by: usize) -> Self {
        let RawProduct {
            id,
            name,
            aliases,
            vendor,
            family,
            announced,
            released,
            source,
            released_source,
            secondary,
            note,
        } = self;
        RawProduct {
            id: at(id, by),
            name: at(name, by),
            aliases: all(aliases, by),
            vendor: at(vendor, by),
            family: opt(family, by),
            announced: opt(announced, by),
            released: opt(released, by),
            source: opt(source, by),
            released_source,
            secondary,
            note,
        }
    }
}

impl Moved for RawFamily {
    fn moved(self, by: usize) -> Self {
        let RawFamily {
            id,
            vendor,
            patterns,
            note,
        } = self;
        RawFamily {
            id: at(id, by),
            vendor: at(vendor, by),
            patterns: all(patterns, by),
            note,
        }
    }
}

impl Moved for RawLineup {
    fn moved(self, by: usize) -> Self {
        let RawLineup {
            id,
            what,
            entities,
            members,
            source,
            note,
        } = self;
        RawLineup {
            id: at(id, by),
            what,
            entities: all(entities, by),
            members: members
                .into_iter()
                .map(|m| {
                    let m = at(m, by);
                    let r = m.span();
                    Spanned::new(r, m.into_inner().moved(by))
                })
                .collect(),
            source: opt(source, by),
            note,
        }
    }
}

impl Moved for RawMember {
    fn moved(self, by: usize) -> Self {
        let RawMember {
            product,
            from,
            until,
            source,
            note,
        } = self;
        RawMember {
            product: at(product, by),
            from: opt(from, by),
            until: opt(until, by),
            source,
            note,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::facts::FactBase;

    /// The whole reading, or its error, as text (spans included).
    fn whole(text: &str) -> String {
        match toml::from_str::<RawFile>(text) {
            Ok(raw) => format!("{raw:?}"),
            Err(e) => format!("error: {e}"),
        }
    }

    /// A generated fact file of every kind of item, with line-ups whose members are
    /// `[[lineup.members]]` tables and inline ones, quantities with values, CRLF line
    /// ends in places, and comments and blank lines between items.
    fn generated(items: usize) -> String {
        let mut s = String::from(
            "# generated\n[meta]\ntitle = \"generated\"\nchecked = \"2026-11-26\"\n\n",
        );
        for i in 0..items {
            let _ = write!(
                s,
                "[[entity]]\nid = \"e{i}\"\nnames = [\"Entity {i}\", \"E{i} Inc\"]\r\n\n\
                 [[family]]\nid = \"f{i}\"\nvendor = \"e{i}\"\npatterns = ['Fam{i} \\d']\n\n\
                 [[product]]  \nid = \"p{i}\"\nname = \"Fam{i} 1\"\naliases = [\"F{i}\"]\nvendor = \"e{i}\"\n\
                 family = \"f{i}\"\nreleased = 2024-01-{:02}\nsource = \"https://example.org/{i}\"\n\n\
                 # a comment\n[[event]]\nid = \"ev{i}\"\nwhat = \"a deal\"\ndate = \"2024-02-01\"\n\
                 entities = [\"e{i}\"]\namount = \"$1 billion\"\nsource = \"s\"\nnote = '''\nmulti\nline\n'''\n\n\
                 [[quantity]]\nid = \"q{i}\"\nwhat = \"a total\"\nentities = [\"e{i}\"]\n\
                 values = [\n  {{ value = \"$1 billion\", from = \"2024-02-01\" }},\n  {{ value = \"$2 billion\", from = \"2024-03-01\" }},\n]\n\n",
                1 + i % 28
            );
            if i % 3 == 0 {
                let _ = write!(
                    s,
                    "[[lineup]]\nid = \"l{i}\"\nwhat = \"a line-up\"\nentities = [\"e{i}\"]\n\n\
                     [[lineup.members]]\nproduct = \"p{i}\"\nfrom = \"2024-01-01\"\n\n"
                );
            } else {
                let _ = write!(
                    s,
                    "[[lineup]]\nid = \"l{i}\"\nwhat = \"a line-up\"\nentities = [\"e{i}\"]\n\
                     members = [ {{ product = \"p{i}\" }} ]\n\n"
                );
            }
        }
        s
    }

    #[test]
    fn the_pieces_read_as_the_whole_file_spans_included() {
        let mut texts: Vec<String> = FactBase::builtin_files()
            .into_iter()
            .map(|f| f.text)
            .collect();
        texts.push(generated(200));
        for text in &texts {
            let want = whole(text);
            assert!(!want.starts_with("error"), "{want}");
            for count in 2..=9 {
                let pieces = cut(text, count);
                assert!(pieces.len() >= 2, "{count}");
                let got = read_in_pieces(text, count).expect("read in pieces");
                assert_eq!(format!("{got:?}"), want, "{count} pieces");
            }
        }
        // The spans are moved: a piece read alone has them from its own start.
        let text = &texts[texts.len() - 1];
        let second = cut(text, 2)[1].clone();
        let alone = toml::from_str::<RawFile>(&text[second.clone()]).expect("a piece reads");
        let moved = alone.moved(second.start);
        assert!(whole(text).contains(&format!("{:?}", moved.entity[0].id)));
        // A large file is read in pieces by `read` itself (on any number of threads):
        // the pieces it is cut into read, and `read` gives the whole file's reading.
        let big = generated(2_000);
        assert!(big.len() > 2 * PIECE_MIN_BYTES);
        assert!(read_in_pieces(&big, big.len() / PIECE_MIN_BYTES).is_some());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(4)
            .build()
            .expect("a pool");
        let got = pool.install(|| read(&big)).expect("it reads");
        assert_eq!(format!("{got:?}"), whole(&big));
    }

    #[test]
    fn a_file_whose_pieces_might_read_otherwise_is_read_whole() {
        let items = generated(40);
        // Entities, then one product: every piece but the last has no `[[product]]`.
        let entities: String = (0..300)
            .map(|i| format!("[[entity]]\nid = \"x{i}\"\nnames = [\"X{i}\"]\n\n"))
            .collect();
        let product = "[[product]]\nid = \"p\"\nname = \"P 1\"\nvendor = \"x1\"\nreleased = \"2024-01-01\"\nsource = \"s\"\n";
        let cases = [
            // A cut inside a multi-line string leaves it unclosed.
            format!("note = \"\"\"\n{items}\"\"\"\n"),
            // `[meta]` twice: an error of the whole file.
            format!("{items}[meta]\ntitle = \"again\"\n"),
            // A top-level array assigned as a key, then extended by `[[product]]`.
            format!("product = []\n{entities}{product}"),
            format!("\"product\" = []\n{entities}{product}"),
            format!("# c\nproduct = [\n]\n{entities}{product}"),
            format!("product . x = 1\n{items}"),
            // `[[lineup.members]]` after a `[[product]]`: it joins the last line-up,
            // which is in an earlier piece.
            {
                let mut s = items.clone();
                s.push_str("[[lineup]]\nid = \"lx\"\nwhat = \"w\"\nentities = [\"e1\"]\n\n[[product]]\nid = \"px\"\nname = \"X 1\"\nvendor = \"e1\"\nreleased = \"2024-01-01\"\nsource = \"s\"\n\n");
                s.push_str(
                    &items
                        .replace("[[lineup]]", "[[lineup.members]]")
                        .replacen("[meta]", "[x]", 1),
                );
                s
            },
        ];
        for (i, text) in cases.iter().enumerate() {
            for count in 2..=6 {
                assert!(
                    read_in_pieces(text, count).is_none(),
                    "case {i}, {count} pieces"
                );
            }
            let got = match read(text) {
                Ok(raw) => format!("{raw:?}"),
                Err(e) => format!("error: {e}"),
            };
            assert_eq!(got, whole(text), "case {i}");
        }
        // Errors of the whole file, not of a piece, are what `read` reports.
        for case in &cases[1..=4] {
            assert!(whole(case).starts_with("error"), "{}", &case[..20]);
        }
    }

    #[test]
    fn cuts_fall_before_a_top_level_arrays_header_alone_on_its_line() {
        let text = "[meta]\n[[product]] # not alone\n[[lineup.members]]\n  [[entity]]\n[[family]]\r\nid = 1\n[[event]]\n";
        let at = |from| header_line_from(text, from).map(|i| &text[i..i + 10]);
        assert_eq!(at(1), Some("[[family]]"));
        assert_eq!(at(text.find("id").unwrap_or(0)), Some("[[event]]\n"));
        assert_eq!(header_line_from(text, text.len()), None);
        assert!(
            cut(text, 4)
                .iter()
                .skip(1)
                .all(|r| text[r.clone()].starts_with("[["))
        );
    }

    #[test]
    fn only_a_file_that_opens_with_a_table_header_has_no_top_level_keys() {
        for text in [
            "# c\n\n[meta]\nx = 1",
            "[[entity]]\r\n",
            "  # c\n[a.b-c_1]  \n",
            "",
        ] {
            assert!(!may_have_top_level_keys(text), "{text:?}");
        }
        for text in [
            "x = 1\n[meta]",
            "\u{feff}[meta]",
            "[ meta ]",
            "[meta] # c",
            "[\"meta\"]",
            "note = \"\"\"\n[meta]\n\"\"\"",
        ] {
            assert!(may_have_top_level_keys(text), "{text:?}");
        }
    }
    proptest::proptest! {
        /// Fact files built from parts of valid and invalid TOML (headers of every
        /// kind, keys that clash, multi-line strings and arrays that hold header lines,
        /// CRLF, comments): read in pieces they are either refused or read exactly as
        /// the whole file is, and `read` gives the whole reading or its error.
        #[test]
        fn the_pieces_are_refused_or_read_as_the_whole(
            parts in proptest::collection::vec(0usize..22, 1..40),
            count in 2usize..6,
        ) {
            const PARTS: [&str; 22] = [
                "[meta]\ntitle = \"t\"\n",
                "[meta]\n",
                "[[entity]]\nid = \"e1\"\nnames = [\"E\"]\n",
                "[[entity]]\r\nid = \"e2\"\r\nnames = [\r\n  \"F\",\r\n]\r\n",
                "[[product]]\nid = \"p\"\nname = \"P 1\"\nvendor = \"e1\"\nreleased = \"2024-01-01\"\n",
                "[[product]]  \nid = \"q\"\nname = 'Q 1'\nvendor = \"e1\"\nreleased = 2024-01-01\n",
                "[[family]]\nid = \"f\"\nvendor = \"e1\"\npatterns = ['F \\d']\n",
                "[[lineup]]\nid = \"l\"\nwhat = \"w\"\nentities = [\"e1\"]\n",
                "[[lineup.members]]\nproduct = \"p\"\n",
                "members = [ { product = \"p\" } ]\n",
                "[[event]]\nid = \"v\"\nwhat = \"w\"\ndate = \"2024-01-01\"\nentities = [\"e1\"]\n",
                "[[quantity]]\nid = \"u\"\nwhat = \"w\"\nentities = [\"e1\"]\nvalues = [ { value = \"1\", from = \"2024-01-01\" } ]\n",
                "note = \"\"\"\n[[product]]\n[meta]\n\"\"\"\n",
                "note = '''\n[[entity]]\n'''\n",
                "aliases = [\n\"x\",\n]\n",
                "# [[product]]\n",
                "\n",
                "product = []\n",
                "\"entity\" = []\n",
                "[product]\n",
                "[meta.x]\n",
                "[[family]]\r\n",
            ];
            let text: String = parts.iter().map(|&i| PARTS[i]).collect();
            let want = whole(&text);
            if let Some(raw) = read_in_pieces(&text, count) {
                proptest::prop_assert_eq!(format!("{raw:?}"), want.clone());
            }
            let got = match read(&text) {
                Ok(raw) => format!("{raw:?}"),
                Err(e) => format!("error: {e}"),
            };
            proptest::prop_assert_eq!(got, want);
        }
    }
}
