//! Markdown scanning: the prose of a draft as blocks of text with exact byte spans.
//!
//! pulldown-cmark finds the structure; we keep what a reader reads as prose (paragraphs,
//! headings, list items, table cells) and leave out what is not (code blocks, inline
//! code, raw HTML, link destinations, URLs, images). Each block's text maps back to
//! exact byte offsets in the file, whatever came before it (front matter, CRLF, a BOM).

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::base::word_regex::WordRegex;

/// What kind of prose a block is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph (or the text of a tight list item).
    Paragraph,
    /// A heading of the given level (1–6).
    Heading(u8),
    /// A table cell: its table (index into [`Document::tables`]), its row (0 is the
    /// header row) and its column.
    TableCell {
        /// Index of the table in [`Document::tables`].
        table: usize,
        /// Row number; 0 is the header row.
        row: usize,
        /// Column number, from 0.
        col: usize,
    },
}

/// One stretch of the block's text and where it came from in the file.
#[derive(Clone, Debug)]
struct Piece {
    /// Offset of the piece in the block text.
    text_start: usize,
    /// Length of the piece in the block text.
    text_len: usize,
    /// Source range of the piece.
    src: Range<usize>,
    /// True when the block text equals the source text byte for byte.
    exact: bool,
}

/// A block of prose: its text as a reader reads it, with a map back to the file.
#[derive(Clone, Debug)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The prose text. Skipped inline parts (code, HTML, line breaks) are one space;
    /// URLs are blanked with spaces of the same length.
    pub text: String,
    /// Byte range of the whole block in the file.
    pub span: Range<usize>,
    /// True for the text of a list item.
    pub list_item: bool,
    pieces: Vec<Piece>,
}

impl Block {
    /// Maps a byte range of [`Block::text`] to a byte range of the file.
    pub fn to_source(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.map_offset(r.start, false);
        let end = self.map_offset(r.end, true).max(start);
        start..end
    }

    fn map_offset(&self, off: usize, is_end: bool) -> usize {
        // The piece that holds `off` (for an end offset, the piece holding `off - 1`).
        let probe = if is_end && off > 0 { off - 1 } else { off };
        let idx = match self.pieces.binary_search_by(|p| {
            if probe < p.text_start {
                std::cmp::Ordering::Greater
            } else if probe >= p.text_start + p.text_len {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => {
                // Between pieces: snap to the nearest piece edge.
                if is_end {
                    return self
                        .pieces
                        .get(i.saturating_sub(1))
                        .map_or(self.span.end, |p| p.src.end);
                }
                return self.pieces.get(i).map_or(self.span.end, |p| p.src.start);
            }
        };
        let p = &self.pieces[idx];
        if p.exact {
            p.src.start + (off - p.text_start)
        } else if is_end {
            p.src.end
        } else {
            p.src.start
        }
    }
}

/// A Markdown table: its header texts, and its cells as indices into
/// [`Document::blocks`].
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// The header row's cell texts, trimmed.
    pub header: Vec<String>,
    /// Rows after the header; each row lists block indices of its cells, by column.
    pub rows: Vec<Vec<usize>>,
    /// Index of the first block after which the table stands (for context).
    pub first_block: usize,
}

/// A `<!-- … -->` comment (or an MDX `{/* … */}` comment) whose body starts with
/// `factlint`.
#[derive(Clone, Debug)]
pub struct Directive {
    /// Byte range of the whole comment in the file.
    pub span: Range<usize>,
    /// The comment body, trimmed ("factlint-disable-next-line value-mismatch").
    pub body: String,
}

pub use super::front_matter::FrontMatter;

/// A scanned Markdown file.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Front matter, if the file has any.
    pub front_matter: Option<FrontMatter>,
    /// Prose blocks in document order.
    pub blocks: Vec<Block>,
    /// Tables in document order.
    pub tables: Vec<Table>,
    /// `factlint` comments in document order.
    pub directives: Vec<Directive>,
    /// Byte ranges of code blocks and code spans, in document order: never read as
    /// prose (`factlint claims` counts the values in them).
    pub code: Vec<Range<usize>>,
}

static URL: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+").expect("constant regex")
});

/// The pulldown-cmark extensions [`scan`] reads Markdown with: tables, footnotes,
/// strikethrough and task lists.
pub fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Scans a Markdown text. Never fails: anything pulldown-cmark accepts (any text) is
/// scanned.
pub fn scan(text: &str) -> Document {
    // About one block per 200 bytes in prose-heavy drafts: most documents never grow
    // (and copy) their list of blocks.
    let mut doc = Document {
        blocks: Vec::with_capacity(text.len() / 256),
        ..Document::default()
    };
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let (front_matter, body_start) = front_matter(text, bom);
    doc.front_matter = front_matter;
    let body = &text[body_start..];

    let mut builder: Option<Builder> = None;
    let mut code_depth = 0usize;
    let mut skip_depth = 0usize; // inside images and autolinks
    let mut table: Option<usize> = None;
    let mut row = 0usize;
    let mut col = 0usize;
    let mut kind_stack: Vec<BlockKind> = Vec::new();
    let mut item_depth = 0usize;
    // Code blocks and code spans, where an MDX comment is an example, not a directive.
    let mut code_ranges: Vec<Range<usize>> = Vec::new();

    for (event, range) in Parser::new_ext(body, parser_options()).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Item | Tag::Heading { .. } | Tag::TableCell => {
                    flush(&mut builder, &mut doc);
                    if matches!(tag, Tag::Item) {
                        item_depth += 1;
                    }
                    let kind = match tag {
                        Tag::Heading { level, .. } => BlockKind::Heading(level as u8),
                        Tag::TableCell => BlockKind::TableCell {
                            table: table.unwrap_or(0),
                            row,
                            col,
                        },
                        _ => kind_stack
                            .last()
                            .copied()
                            .filter(|k| matches!(k, BlockKind::Paragraph))
                            .unwrap_or(BlockKind::Paragraph),
                    };
                    kind_stack.push(kind);
                    builder = Some(Builder::new(
                        kind,
                        range.start,
                        item_depth > 0,
                        range.len().min(1 << 14),
                    ));
                }
                Tag::CodeBlock(_) => {
                    code_ranges.push(range.clone());
                    code_depth += 1;
                }
                Tag::HtmlBlock | Tag::MetadataBlock(_) => code_depth += 1,
                Tag::Image { .. } => skip_depth += 1,
                Tag::Link { link_type, .. } => {
                    if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                        skip_depth += 1;
                    }
                }
                Tag::Table(_) => {
                    flush(&mut builder, &mut doc);
                    doc.tables.push(Table {
                        first_block: doc.blocks.len(),
                        ..Table::default()
                    });
                    table = Some(doc.tables.len() - 1);
                    row = 0;
                }
                Tag::TableHead => {
                    row = 0;
                    col = 0;
                }
                Tag::TableRow => {
                    row += 1;
                    col = 0;
                    if let Some(t) = table {
                        doc.tables[t].rows.push(Vec::new());
                    }
                }
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableCell => {
                    let is_cell = matches!(end, TagEnd::TableCell);
                    if matches!(end, TagEnd::Item) {
                        item_depth = item_depth.saturating_sub(1);
                    }
                    if let Some(b) = builder.as_mut() {
                        b.end = b.end.max(range.end);
                    }
                    let idx = flush(&mut builder, &mut doc);
                    if is_cell {
                        if let Some(t) = table {
                            let cell_text = idx.map(|i| doc.blocks[i].text.trim().to_string());
                            if row == 0 {
                                doc.tables[t].header.push(cell_text.unwrap_or_default());
                            } else if let (Some(r), Some(i)) = (doc.tables[t].rows.last_mut(), idx)
                            {
                                while r.len() < col {
                                    r.push(usize::MAX);
                                }
                                r.push(i);
                            }
                        }
                        col += 1;
                    }
                    kind_stack.pop();
                    // A list item's text after a nested list continues as a new block.
                    if let Some(kind) = kind_stack.last().copied()
                        && !is_cell
                    {
                        builder = Some(Builder::new(kind, range.end, item_depth > 0, 0));
                    }
                }
                TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                    code_depth = code_depth.saturating_sub(1)
                }
                TagEnd::Image => skip_depth = skip_depth.saturating_sub(1),
                // Autolinks were counted at their start; plain links were not.
                TagEnd::Link if skip_depth > 0 && is_autolink_range(text, &range) => {
                    skip_depth -= 1;
                }
                TagEnd::Table => table = None,
                _ => {}
            },
            Event::Text(t) => {
                if code_depth > 0 {
                    continue;
                }
                if let Some(b) = builder.as_mut() {
                    if skip_depth > 0 {
                        b.gap(range);
                    } else {
                        b.push(text, &t, range);
                    }
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                read_directive(&h, range.clone(), &mut doc);
                if let Some(b) = builder.as_mut() {
                    b.gap(range);
                }
            }
            Event::Code(_) | Event::SoftBreak | Event::HardBreak | Event::InlineMath(_) => {
                if matches!(event, Event::Code(_)) {
                    code_ranges.push(range.clone());
                }
                if let Some(b) = builder.as_mut() {
                    b.gap(range);
                }
            }
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {
                if let Some(b) = builder.as_mut() {
                    b.gap(range);
                }
            }
            Event::DisplayMath(_) | Event::Rule => {}
        }
    }
    flush(&mut builder, &mut doc);
    read_mdx_directives(text, body_start, &code_ranges, &mut doc);
    doc.code = code_ranges;
    doc
}

fn is_autolink_range(text: &str, range: &Range<usize>) -> bool {
    text.get(range.clone()).is_some_and(|s| s.starts_with('<'))
}

fn read_directive(html: &str, span: Range<usize>, doc: &mut Document) {
    let h = html.trim();
    if let Some(inner) = h.strip_prefix("<!--") {
        let inner = inner.trim_end().strip_suffix("-->").unwrap_or(inner).trim();
        if inner.starts_with("factlint") {
            doc.directives.push(Directive {
                span,
                body: inner.to_string(),
            });
        }
    }
}

static MDX_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{/\*\s*(factlint[^*]*?)\s*\*/\}").expect("constant regex"));

fn read_mdx_directives(text: &str, body_start: usize, code: &[Range<usize>], doc: &mut Document) {
    if !text[body_start..].contains("{/*") {
        return;
    }
    for c in MDX_COMMENT.captures_iter(&text[body_start..]) {
        let (Some(all), Some(body)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let start = all.start() + body_start;
        if code.iter().any(|r| r.contains(&start)) {
            continue;
        }
        doc.directives.push(Directive {
            span: all.start() + body_start..all.end() + body_start,
            body: body.as_str().trim().to_string(),
        });
    }
    doc.directives.sort_by_key(|d| d.span.start);
}

struct Builder {
    kind: BlockKind,
    list_item: bool,
    text: String,
    pieces: Vec<Piece>,
    start: usize,
    end: usize,
}

impl Builder {
    /// A block starting at byte `start`; `size` is what its text will likely take
    /// (the source span of the element, when known), so that it is allocated once.
    fn new(kind: BlockKind, start: usize, list_item: bool, size: usize) -> Builder {
        Builder {
            kind,
            list_item,
            text: String::with_capacity(size),
            // A piece for each line and one for each break between lines, about.
            pieces: Vec::with_capacity(size / 32 + 1),
            start,
            end: start,
        }
    }

    fn push(&mut self, src_text: &str, t: &str, range: Range<usize>) {
        let exact = src_text.get(range.clone()) == Some(t);
        self.pieces.push(Piece {
            text_start: self.text.len(),
            text_len: t.len(),
            src: range.clone(),
            exact,
        });
        self.text.push_str(t);
        self.end = self.end.max(range.end);
    }

    fn gap(&mut self, range: Range<usize>) {
        if !self.text.ends_with(' ') && !self.text.is_empty() {
            self.pieces.push(Piece {
                text_start: self.text.len(),
                text_len: 1,
                src: range.clone(),
                exact: false,
            });
            self.text.push(' ');
        }
        self.end = self.end.max(range.end);
    }
}

fn flush(builder: &mut Option<Builder>, doc: &mut Document) -> Option<usize> {
    let b = builder.take()?;
    if b.text.trim().is_empty() {
        return None;
    }
    let mut text = b.text;
    // Blank URLs so that no recognizer reads the numbers in them; same length keeps
    // every offset.
    if may_hold_url(text.as_bytes()) {
        let ranges: Vec<Range<usize>> = URL
            .for_text(&text)
            .find_iter(&text)
            .map(|m| m.range())
            .collect();
        for r in ranges {
            let blank = " ".repeat(r.len());
            text.replace_range(r, &blank);
        }
    }
    doc.blocks.push(Block {
        kind: b.kind,
        text,
        span: b.start..b.end.max(b.start),
        list_item: b.list_item,
        pieces: b.pieces,
    });
    Some(doc.blocks.len() - 1)
}

/// True when a block's text holds "://" or "www." (in any case), as every URL the
/// URL pattern blanks does: most blocks hold neither, and are not searched with the
/// pattern.
fn may_hold_url(t: &[u8]) -> bool {
    memchr::memchr_iter(b':', t).any(|i| t[i + 1..].starts_with(b"//"))
        || memchr::memchr2_iter(b'w', b'W', t).any(|i| {
            t.get(i..i + 4)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"www."))
        })
}

/// The end of the line that starts at `pos`, past its line ending: `\n`, `\r\n`, or a
/// lone `\r` (old Mac files; CommonMark reads it as a line ending too).
fn line_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes[pos..].iter().position(|&b| b == b'\n' || b == b'\r') {
        None => text.len(),
        Some(i) if bytes[pos + i] == b'\r' && bytes.get(pos + i + 1) == Some(&b'\n') => pos + i + 2,
        Some(i) => pos + i + 1,
    }
}

/// Finds YAML (`---`) or TOML (`+++`) front matter at the start of the file; returns it
/// and the byte offset where the Markdown body starts.
fn front_matter(text: &str, start: usize) -> (Option<FrontMatter>, usize) {
    let rest = &text[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return (None, start);
    };
    let first_line_end = line_end(rest, 0);
    if rest[..first_line_end].trim_end() != fence {
        return (None, start);
    }
    // Find the closing fence line.
    let mut pos = first_line_end;
    while pos < rest.len() {
        let line_end = line_end(rest, pos);
        let line = rest[pos..line_end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            let content = start + first_line_end..start + pos;
            let first_line =
                start..start + rest[..first_line_end].trim_end_matches(['\n', '\r']).len();
            let fm = FrontMatter::read(
                text,
                content,
                fence == "+++",
                start..start + line_end,
                first_line,
            );
            return (Some(fm), start + line_end);
        }
        pos = line_end;
    }
    // Unterminated: not front matter; the whole file is Markdown.
    (None, start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Date;

    fn texts(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn code_and_urls_are_not_prose() {
        let md = "Amazon put `$9 billion` in.\n\n```\n$9 billion\n```\n\nSee [the post](https://x.com/9-billion) or https://example.com/4bn now.\n";
        let doc = scan(md);
        let t = texts(&doc);
        assert_eq!(t.len(), 2);
        assert!(!t[0].contains('9'));
        assert!(!t[1].contains("4bn") && !t[1].contains("9-billion"));
        assert!(t[1].contains("the post"));
    }

    #[test]
    fn urls_in_any_case_are_blanked() {
        for url in [
            "www.example.com/4bn",
            "WWW.Example.com/4bn",
            "HTTPS://x.io/4bn",
        ] {
            let md = format!("Read {url} today.\n");
            let doc = scan(&md);
            let t = texts(&doc);
            assert!(!t[0].contains("4bn"), "{url}: {t:?}");
            assert_eq!(t[0].len(), md.trim_end().len(), "{url}: offsets are kept");
        }
        assert!(!may_hold_url(b"Amazon: $4 billion, wwwx."));
        assert!(may_hold_url(b"see ftp://host"));
    }

    #[test]
    fn spans_map_back_exactly_after_front_matter_and_crlf() {
        let md = "---\r\ndate: 2024-11-22\r\n---\r\n# Title\r\n\r\nAmazon invested **$4 billion**\r\nmore.\r\n";
        let doc = scan(md);
        assert_eq!(
            doc.front_matter.as_ref().and_then(|f| f.date),
            Some(Date::constant(2024, 11, 22))
        );
        let b = &doc.blocks[1];
        let i = b.text.find("$4 billion").expect("found");
        let src = b.to_source(&(i..i + 10));
        assert_eq!(&md[src], "$4 billion");
        let j = b.text.find("more").expect("found");
        assert_eq!(&md[b.to_source(&(j..j + 4))], "more");
    }

    #[test]
    fn tables_know_rows_and_headers() {
        let md = "| Date | Investment |\n|---|---|\n| March 2024 | $2.75 billion |\n";
        let doc = scan(md);
        assert_eq!(doc.tables.len(), 1);
        assert_eq!(doc.tables[0].header, vec!["Date", "Investment"]);
        let row = &doc.tables[0].rows[0];
        assert_eq!(doc.blocks[row[1]].text.trim(), "$2.75 billion");
        assert!(matches!(
            doc.blocks[row[1]].kind,
            BlockKind::TableCell { row: 1, col: 1, .. }
        ));
    }

    #[test]
    fn directives_are_read_from_html_and_mdx_comments() {
        let md = "<!-- factlint-disable value-mismatch -->\n\nText.\n\n{/* factlint-enable */}\n";
        let doc = scan(md);
        let bodies: Vec<&str> = doc.directives.iter().map(|d| d.body.as_str()).collect();
        assert_eq!(
            bodies,
            vec!["factlint-disable value-mismatch", "factlint-enable"]
        );
        // In code, a comment is an example: not a directive.
        let md = "```mdx\n{/* factlint-disable-file */}\n```\n\n`{/* factlint-disable */}` and <!-- factlint-enable -->\n";
        let bodies: Vec<String> = scan(md).directives.into_iter().map(|d| d.body).collect();
        assert_eq!(bodies, vec!["factlint-enable"]);
    }

    #[test]
    fn toml_front_matter_and_unterminated_front_matter() {
        let doc = scan("+++\ndate = 2023-09-25\n+++\nText\n");
        assert_eq!(
            doc.front_matter.and_then(|f| f.date),
            Some(Date::constant(2023, 9, 25))
        );
        let doc = scan("---\ndate: 2023-09-25\nno end\n");
        assert!(doc.front_matter.is_none());
    }

    #[test]
    fn front_matter_with_lone_cr_line_endings() {
        let md = "---\rtitle: x\rdate: 2024-11-22\r---\rAmazon invested $4 billion.\r";
        let doc = scan(md);
        let fm = doc.front_matter.expect("front matter");
        assert_eq!(fm.date, Some(Date::constant(2024, 11, 22)));
        assert_eq!(
            &md[fm.span.clone()],
            "---\rtitle: x\rdate: 2024-11-22\r---\r"
        );
        let b = &doc.blocks[0];
        let i = b.text.find("$4 billion").expect("found");
        assert_eq!(&md[b.to_source(&(i..i + 10))], "$4 billion");
    }

    #[test]
    fn list_items_are_blocks() {
        let doc = scan("- first $1 billion\n- second $2 billion\n\nAfter.\n");
        assert_eq!(
            texts(&doc),
            vec!["first $1 billion", "second $2 billion", "After."]
        );
        let items: Vec<bool> = doc.blocks.iter().map(|b| b.list_item).collect();
        assert_eq!(items, vec![true, true, false]);
    }
}
