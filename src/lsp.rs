//! `factlint lsp`: a language server, so that editors underline findings as one
//! types and offer their fixes.
//!
//! Synchronous, on the `lsp-server` scaffold (as ruff and rust-analyzer use it): the
//! binary passes a [`Connection`] over standard input and output, and [`run`] serves it
//! until the client says `shutdown` and `exit`. It publishes diagnostics for Markdown
//! documents (language ids `markdown` and `mdx`, or `.md`, `.markdown`, `.mdx` paths)
//! when they are opened, changed and saved (or, to a client that pulls them, in
//! answer to `textDocument/diagnostic`), each checked with the configuration and
//! overrides that apply to its path (the nearest `factlint.toml`, as `check -
//! --stdin-filename PATH` finds it); it answers code actions with the findings'
//! fixes (`quickfix`, and `source.fixAll.factlint` for every fix at once) and with a
//! suppression comment for the finding's line, and hover with what a value, date or
//! model name was tied to ([`crate::explain`]).
//!
//! Settings come from `initializationOptions` ([`InitOptions`]). A client that can
//! register file watchers is asked to watch `factlint.toml` and the fact files in use
//! (`workspace/didChangeWatchedFiles`): a change reads them again and checks every
//! open document again.
//!
//! Positions are UTF-16 code units, as the protocol requires; spans are bytes. A
//! configuration or fact base that cannot be read is shown once (`window/showMessage`)
//! and the document gets no diagnostics until it is fixed (it is read again on save).

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types as lt;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::analysis::Analysis;
use crate::base::diagnostic::{Diagnostic, FileKey, LineIndex, Severity};
use crate::base::rule_id::RuleId;
use crate::config::{self, Config};
use crate::facts::FactBase;
use crate::run::{CheckOptions, check_text};

/// The code action kind of "fix everything": `source.fixAll.factlint`.
pub const FIX_ALL: lt::CodeActionKind = lt::CodeActionKind::new("source.fixAll.factlint");

// ---------------------------------------------------------------------------------
// Positions and URIs
// ---------------------------------------------------------------------------------

/// Converts between byte offsets of a text and LSP positions (0-based lines; columns
/// in UTF-16 code units). Lines end at `\n`, `\r\n` or a lone `\r`, as in the protocol.
pub struct Positions<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Positions<'t> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'t str) -> Positions<'t> {
        Positions {
            text,
            starts: LineIndex::new(text).starts().to_vec(),
        }
    }

    /// The position of a byte offset (clamped to the text, moved back to a character
    /// boundary).
    pub fn position(&self, offset: usize) -> lt::Position {
        let offset = self.text.floor_char_boundary(offset.min(self.text.len()));
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let character = self.text[start..offset].encode_utf16().count();
        lt::Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    /// The range of a byte span.
    pub fn range(&self, span: &Range<usize>) -> lt::Range {
        lt::Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a position: past the end of its line (or of the text) is the
    /// end of the line (or of the text); inside a character is after it.
    pub fn offset(&self, p: lt::Position) -> usize {
        let line = p.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let next = self
            .starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let content = self.text[start..next]
            .strip_suffix("\r\n")
            .or_else(|| self.text[start..next].strip_suffix('\n'))
            .or_else(|| self.text[start..next].strip_suffix('\r'))
            .unwrap_or(&self.text[start..next]);
        let mut units = 0usize;
        for (i, c) in content.char_indices() {
            if units >= p.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + content.len()
    }
}

/// The local path of a `file:` URI (percent-decoded); `None` for other schemes, a
/// remote host or bytes that are not UTF-8.
pub fn uri_to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri
        .strip_prefix("file://")
        .or_else(|| uri.strip_prefix("FILE://"))?;
    let slash = rest.find('/')?;
    let (host, path) = rest.split_at(slash);
    if !(host.is_empty() || host.eq_ignore_ascii_case("localhost")) {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    // A `%` not followed by two hex digits is no URI: refuse it rather than keep it as
    // it is, as `percent_decode_str` would.
    let raw = path.as_bytes();
    let escapes_ok = raw.iter().enumerate().all(|(i, &b)| {
        b != b'%'
            || raw
                .get(i + 1..i + 3)
                .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
    });
    if !escapes_ok {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?
        .into_owned();
    // "file:///C:/x" is the Windows path "C:/x".
    let b = decoded.as_bytes();
    if cfg!(windows) && b.len() >= 3 && b[0] == b'/' && b[1].is_ascii_alphabetic() && b[2] == b':' {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// The `file:` URI of a path (made absolute).
pub fn path_to_uri(path: &Path) -> Option<lt::Uri> {
    let abs = std::path::absolute(path).ok()?;
    crate::report::sarif::uri(&crate::base::paths::display_path(&abs))
        .parse()
        .ok()
}

/// True for documents factlint checks: language id `markdown` or `mdx`, or a path
/// ending in `.md`, `.markdown` or `.mdx`.
pub fn is_markdown(language_id: &str, uri: &str) -> bool {
    matches!(
        language_id.to_ascii_lowercase().as_str(),
        "markdown" | "mdx" | "markdown.mdx"
    ) || {
        let path = uri.split(['?', '#']).next().unwrap_or(uri);
        crate::read::walk::is_markdown(Path::new(path))
    }
}

// ---------------------------------------------------------------------------------
// Settings from the client
// ---------------------------------------------------------------------------------

/// The settings a client sends as `initializationOptions` (every key optional):
///
/// ```json
/// { "facts": ["facts/extra.toml"], "defaultFacts": true,
///   "defaultDate": "2024-11-22", "ruleDocs": "https://example.org/docs/rules.md" }
/// ```
///
/// They apply as the command line's options do: `facts` are added to the fact files
/// of the document's `factlint.toml` (`--facts`), `defaultFacts: false` leaves the
/// built-in base out (`--no-default-facts`), `defaultDate` is the article date of a
/// draft whose front matter has none (`--date`, before the configuration's `date`),
/// and `ruleDocs` is the address of a page of rule documentation: each diagnostic's
/// `codeDescription.href` is `{ruleDocs}#{rule-id}` (none without it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InitOptions {
    /// Extra fact files or folders (relative ones resolved against the workspace root).
    pub facts: Vec<PathBuf>,
    /// `Some(false)`: no built-in fact base.
    pub default_facts: Option<bool>,
    /// The article date of undated drafts.
    pub default_date: Option<jiff::civil::Date>,
    /// The base address of the rule documentation.
    pub rule_docs: Option<String>,
}

/// The keys [`InitOptions::read`] knows.
const OPTION_KEYS: &str = "facts, defaultFacts, defaultDate, ruleDocs";

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl InitOptions {
    /// Reads the options (`None` or `null`: none). A bad value is left out and named in
    /// the problems returned (one sentence each, in key order); the others still apply.
    /// Relative fact paths are taken from `root`; a fact path that cannot be read is a
    /// problem.
    pub fn read(value: Option<&Value>, root: &Path) -> (InitOptions, Vec<String>) {
        let mut o = InitOptions::default();
        let mut problems = Vec::new();
        let map = match value {
            None | Some(Value::Null) => return (o, problems),
            Some(Value::Object(map)) => map,
            Some(other) => {
                problems.push(format!(
                    "initializationOptions must be an object, not {}",
                    kind_of(other)
                ));
                return (o, problems);
            }
        };
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        for key in keys {
            let v = &map[key];
            match (key.as_str(), v) {
                (_, Value::Null) => {}
                ("facts", Value::Array(items)) => {
                    for item in items {
                        match item {
                            Value::String(p) if !p.trim().is_empty() => {
                                o.add_fact_path(p, root, &mut problems);
                            }
                            other => problems.push(format!(
                                "`facts` must list paths (strings), not {}",
                                if other.as_str().is_some() {
                                    "an empty string"
                                } else {
                                    kind_of(other)
                                }
                            )),
                        }
                    }
                }
                ("facts", Value::String(p)) if !p.trim().is_empty() => {
                    o.add_fact_path(p, root, &mut problems);
                }
                ("facts", other) => problems.push(format!(
                    "`facts` must be a list of paths, not {}",
                    kind_of(other)
                )),
                ("defaultFacts", Value::Bool(b)) => o.default_facts = Some(*b),
                ("defaultFacts", other) => problems.push(format!(
                    "`defaultFacts` must be true or false, not {}",
                    kind_of(other)
                )),
                ("defaultDate", Value::String(d)) if d.trim().is_empty() => {}
                ("defaultDate", Value::String(d)) => match d.trim().parse() {
                    Ok(date) => o.default_date = Some(date),
                    Err(_) => problems.push(format!(
                        "`defaultDate` must be a day (YYYY-MM-DD), not `{d}`"
                    )),
                },
                ("defaultDate", other) => problems.push(format!(
                    "`defaultDate` must be a day (YYYY-MM-DD), not {}",
                    kind_of(other)
                )),
                ("ruleDocs", Value::String(u)) => {
                    let u = u.trim();
                    let parsed = u.parse::<lt::Uri>().ok().filter(|p| p.scheme().is_some());
                    if parsed.is_none() || u.contains('#') {
                        problems.push(format!(
                            "`ruleDocs` must be an absolute address without a `#` fragment (https://…/rules.md), not `{u}`"
                        ));
                    } else {
                        o.rule_docs = Some(u.to_string());
                    }
                }
                ("ruleDocs", other) => problems.push(format!(
                    "`ruleDocs` must be an address (a string), not {}",
                    kind_of(other)
                )),
                (other, _) => problems.push(format!(
                    "unknown setting `{other}` (factlint reads {OPTION_KEYS})"
                )),
            }
        }
        (o, problems)
    }

    fn add_fact_path(&mut self, p: &str, root: &Path, problems: &mut Vec<String>) {
        let path = config::normalize(&root.join(p.trim()));
        match std::fs::metadata(&path) {
            Ok(_) => self.facts.push(path),
            Err(e) => problems.push(format!(
                "`facts`: cannot read {}: {}",
                crate::base::paths::display_path(&path),
                crate::read::walk::io_message(&e)
            )),
        }
    }

    /// The documentation address of a rule: `{ruleDocs}#{rule-id}`.
    pub fn rule_href(&self, rule: RuleId) -> Option<lt::Uri> {
        let base = self.rule_docs.as_ref()?;
        format!("{base}#{}", rule.as_str()).parse().ok()
    }
}

/// What the client can do, from its capabilities.
#[derive(Clone, Copy, Debug, Default)]
struct ClientFlags {
    /// It pulls diagnostics (`textDocument/diagnostic`): none are pushed.
    pull: bool,
    /// It can be asked to pull again (`workspace/diagnostic/refresh`).
    refresh: bool,
    /// It registers file watchers when asked (`client/registerCapability`).
    watch: bool,
}

impl ClientFlags {
    fn of(c: &lt::ClientCapabilities) -> ClientFlags {
        let ws = c.workspace.as_ref();
        ClientFlags {
            pull: c
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            refresh: ws
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            watch: ws
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

// ---------------------------------------------------------------------------------
// Configuration and fact bases, per document path
// ---------------------------------------------------------------------------------

/// A file's modification time and length: what says it changed.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(p: &Path) -> Stamp {
    let m = std::fs::metadata(p).ok()?;
    Some((m.modified().ok()?, m.len()))
}

/// Something read from files, with the stamps of those files when it was read.
struct Loaded<T> {
    stamps: Vec<(PathBuf, Stamp)>,
    value: T,
}

impl<T> Loaded<T> {
    fn fresh(&self) -> bool {
        self.stamps.iter().all(|(p, s)| stamp(p) == *s)
    }
}

/// A fact base.
struct Base {
    facts: FactBase,
}

/// What applies to one document.
enum Resolved {
    /// The configuration's `include` / `exclude` leave it out.
    Excluded,
    /// Check it against this base with these options, under this path.
    Check {
        base: Rc<Base>,
        opts: CheckOptions,
        path: PathBuf,
    },
}

/// A fact base's key: whether the built-in base is in, and the fact files' paths.
type BaseKey = (bool, Vec<PathBuf>);

/// Configurations and fact bases, read once and read again when their files change.
struct Setup {
    root: PathBuf,
    options: InitOptions,
    configs: HashMap<PathBuf, Loaded<Result<Rc<Config>, String>>>,
    bases: HashMap<BaseKey, Loaded<Result<Rc<Base>, String>>>,
}

fn today() -> jiff::civil::Date {
    jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}

impl Setup {
    /// The configuration, fact base and options for a document: found from its path's
    /// folder, with the overrides for its path; a document without a path (an unsaved
    /// buffer) gets the configuration of the workspace root without its globs.
    /// `refresh` reads changed files again.
    fn resolve(&mut self, path: Option<&Path>, refresh: bool) -> Result<Resolved, String> {
        let dir = path
            .and_then(Path::parent)
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        let cfg = match config::discover(&dir) {
            Some(file) => self.config(&file, refresh)?,
            None => Rc::new(Config::defaults(&self.root)),
        };
        let (levels, check_path) = match path {
            Some(p) => {
                if cfg.is_excluded(p) {
                    return Ok(Resolved::Excluded);
                }
                (cfg.levels_for(p), p.to_path_buf())
            }
            None => (cfg.rules.clone(), PathBuf::from("untitled.md")),
        };
        let default_facts = cfg.default_facts && self.options.default_facts != Some(false);
        let mut fact_paths = cfg.facts.clone();
        fact_paths.extend(self.options.facts.iter().cloned());
        let base = self.base(default_facts, &fact_paths, refresh)?;
        Ok(Resolved::Check {
            base,
            opts: CheckOptions {
                default_date: self.options.default_date.or(cfg.date),
                levels,
                today: Some(today()),
                report_unused_suppressions: false,
                max_file_size: None,
                coverage: false,
                date_format: cfg.date_format.clone(),
            },
            path: check_path,
        })
    }

    fn config(&mut self, file: &Path, refresh: bool) -> Result<Rc<Config>, String> {
        if let Some(l) = self.configs.get(file)
            && (!refresh || l.fresh())
        {
            return l.value.clone();
        }
        let value = Config::load(file).map(Rc::new).map_err(|e| {
            let shown = crate::base::paths::display_path(&e.path);
            match e.problems.first() {
                Some(p) => {
                    let (line, col) = LineIndex::new(&e.text).line_col(&e.text, p.span.start);
                    format!(
                        "factlint: configuration {shown}:{line}:{col}: {} — no findings until it is fixed",
                        p.message
                    )
                }
                None => format!("factlint: configuration {shown} cannot be used"),
            }
        });
        self.configs.insert(
            file.to_path_buf(),
            Loaded {
                stamps: vec![(file.to_path_buf(), stamp(file))],
                value: value.clone(),
            },
        );
        value
    }

    fn base(
        &mut self,
        default_facts: bool,
        paths: &[PathBuf],
        refresh: bool,
    ) -> Result<Rc<Base>, String> {
        let key = (default_facts, paths.to_vec());
        if let Some(l) = self.bases.get(&key)
            && (!refresh || l.fresh())
        {
            return l.value.clone();
        }
        let mut stamps = Vec::new();
        let read = crate::run::settings::read_fact_files(paths, |p| {
            stamps.push((p.to_path_buf(), stamp(p)));
        });
        let value = read
            .map_err(|e| {
                format!(
                    "factlint: cannot read fact {} {}: {}",
                    if e.folder { "folder" } else { "file" },
                    crate::base::paths::display_path(&e.path),
                    e.message
                )
            })
            .and_then(|own| {
            let mut files = if default_facts {
                FactBase::builtin_files()
            } else {
                Vec::new()
            };
            files.extend(own);
            FactBase::load_keeping_files(files)
                .map(|facts| Rc::new(Base { facts }))
                .map_err(|(errors, kept)| {
                    let first = errors.first().map_or_else(String::new, |e| {
                        let (name, text) = kept
                            .get(e.file)
                            .map_or(("<facts>", ""), |f| (f.name.as_str(), f.text.as_str()));
                        let (line, col) = LineIndex::new(text).line_col(text, e.span.start);
                        format!(": {name}:{line}:{col}: {}", e.message)
                    });
                    format!(
                        "factlint: the fact base has {} error(s){first} — no findings until it is fixed",
                        errors.len()
                    )
                })
        });
        self.bases.insert(
            key,
            Loaded {
                stamps,
                value: value.clone(),
            },
        );
        value
    }
}

/// A path as a glob pattern that matches only itself (`/` separators; `*?[]{}`
/// escaped as one-character classes).
fn glob_literal(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '\\' if cfg!(windows) => out.push('/'),
            '*' | '?' | '[' | ']' | '{' | '}' => {
                out.push('[');
                out.push(c);
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}

impl Setup {
    /// The files to watch: every `factlint.toml` of the workspace, the configurations
    /// read (wherever they are), and the fact files and folders of the bases read.
    fn watched(&self) -> BTreeSet<String> {
        let mut out: BTreeSet<String> = config::FILE_NAMES
            .iter()
            .map(|n| format!("**/{n}"))
            .collect();
        out.extend(self.configs.keys().map(|p| glob_literal(p)));
        for (_, paths) in self.bases.keys() {
            for p in paths {
                let p = std::path::absolute(p).unwrap_or_else(|_| p.clone());
                if p.is_dir() {
                    out.insert(format!("{}/**/*.toml", glob_literal(&p)));
                } else {
                    out.insert(glob_literal(&p));
                }
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------

/// An open document.
struct Document {
    text: String,
    version: i32,
    markdown: bool,
    /// MDX: suppression comments are written `{/* … */}`.
    mdx: bool,
    path: Option<PathBuf>,
    /// The findings last published, and their protocol form (same order).
    findings: Vec<Diagnostic>,
    published: Vec<lt::Diagnostic>,
}

struct Server<'c> {
    conn: &'c Connection,
    setup: Setup,
    docs: HashMap<String, Document>,
    /// The last error shown, so that one broken file is not shown on every keystroke.
    shown: Option<String>,
    flags: ClientFlags,
    /// The watch patterns registered, and the id of their registration.
    watching: Option<(String, BTreeSet<String>)>,
    /// The number of requests sent to the client (for their ids).
    sent: u64,
}

/// The capabilities factlint offers.
pub fn capabilities() -> lt::ServerCapabilities {
    lt::ServerCapabilities {
        position_encoding: Some(lt::PositionEncodingKind::UTF16),
        text_document_sync: Some(lt::TextDocumentSyncCapability::Options(
            lt::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lt::TextDocumentSyncKind::FULL),
                will_save: None,
                will_save_wait_until: None,
                save: Some(lt::TextDocumentSyncSaveOptions::Supported(true)),
            },
        )),
        hover_provider: Some(lt::HoverProviderCapability::Simple(true)),
        diagnostic_provider: Some(lt::DiagnosticServerCapabilities::Options(
            lt::DiagnosticOptions {
                identifier: Some("factlint".to_string()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                work_done_progress_options: lt::WorkDoneProgressOptions::default(),
            },
        )),
        code_action_provider: Some(lt::CodeActionProviderCapability::Options(
            lt::CodeActionOptions {
                code_action_kinds: Some(vec![lt::CodeActionKind::QUICKFIX, FIX_ALL]),
                work_done_progress_options: lt::WorkDoneProgressOptions::default(),
                resolve_provider: None,
            },
        )),
        ..lt::ServerCapabilities::default()
    }
}

/// Serves one client until it says `shutdown` then `exit` (`Ok`), or the connection
/// closes (`Ok`). An `exit` without `shutdown`, or a protocol error, is an `Err`: the
/// binary exits with 1, as the protocol asks.
pub fn run(conn: &Connection) -> Result<(), String> {
    // A malformed `initialize` is answered with an error, and the client may try again.
    let (id, params) = loop {
        let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
        match serde_json::from_value::<lt::InitializeParams>(params) {
            Ok(p) => break (id, p),
            Err(e) => {
                let _ = conn.sender.send(
                    Response::new_err(
                        id,
                        ErrorCode::InvalidParams as i32,
                        format!("factlint: malformed `initialize` parameters: {e}"),
                    )
                    .into(),
                );
            }
        }
    };
    #[allow(deprecated)]
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.as_str().to_string())
        .or_else(|| params.root_uri.as_ref().map(|u| u.as_str().to_string()))
        .and_then(|u| uri_to_path(&u))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."));
    let result = lt::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(lt::ServerInfo {
            name: "factlint".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    conn.initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let (options, problems) = InitOptions::read(params.initialization_options.as_ref(), &root);
    let mut server = Server {
        conn,
        setup: Setup {
            root,
            options,
            configs: HashMap::new(),
            bases: HashMap::new(),
        },
        docs: HashMap::new(),
        shown: None,
        flags: ClientFlags::of(&params.capabilities),
        watching: None,
        sent: 0,
    };
    if !problems.is_empty() {
        server.notify::<lt::notification::ShowMessage>(lt::ShowMessageParams {
            typ: lt::MessageType::ERROR,
            message: format!(
                "factlint: initializationOptions: {} (left out; the other settings apply)",
                problems.join("; ")
            ),
        });
    }
    server.watch();
    for msg in &conn.receiver {
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req).map_err(|e| e.to_string())? {
                    return Ok(());
                }
                server.request(req);
            }
            Message::Notification(n) if n.method == "exit" => {
                return Err("exit without shutdown".to_string());
            }
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn params<P: DeserializeOwned>(value: serde_json::Value) -> Result<P, String> {
    serde_json::from_value(value).map_err(|e| e.to_string())
}

impl Server<'_> {
    fn send(&self, msg: impl Into<Message>) {
        // A closed connection ends the loop on the next receive.
        let _ = self.conn.sender.send(msg.into());
    }

    fn notify<N: lt::notification::Notification>(&self, params: N::Params)
    where
        N::Params: Serialize,
    {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn log(&self, typ: lt::MessageType, message: String) {
        self.notify::<lt::notification::LogMessage>(lt::LogMessageParams { typ, message });
    }

    /// Sends a request to the client (its response is not waited for).
    fn ask<R: lt::request::Request>(&mut self, params: R::Params)
    where
        R::Params: Serialize,
    {
        self.sent += 1;
        let id = RequestId::from(format!("factlint-{}", self.sent));
        self.send(Request::new(id, R::METHOD.to_string(), params));
    }

    /// Registers the file watchers again when the files to watch changed (a client
    /// that cannot register them is not asked).
    fn watch(&mut self) {
        if !self.flags.watch {
            return;
        }
        let patterns = self.setup.watched();
        if self.watching.as_ref().is_some_and(|(_, p)| *p == patterns) {
            return;
        }
        const METHOD: &str = "workspace/didChangeWatchedFiles";
        if let Some((id, _)) = self.watching.take() {
            self.ask::<lt::request::UnregisterCapability>(lt::UnregistrationParams {
                unregisterations: vec![lt::Unregistration {
                    id,
                    method: METHOD.to_string(),
                }],
            });
        }
        let id = format!("factlint-watch-{}", self.sent + 1);
        let options = lt::DidChangeWatchedFilesRegistrationOptions {
            watchers: patterns
                .iter()
                .map(|p| lt::FileSystemWatcher {
                    glob_pattern: lt::GlobPattern::String(p.clone()),
                    kind: None,
                })
                .collect(),
        };
        self.ask::<lt::request::RegisterCapability>(lt::RegistrationParams {
            registrations: vec![lt::Registration {
                id: id.clone(),
                method: METHOD.to_string(),
                register_options: serde_json::to_value(options).ok(),
            }],
        });
        self.watching = Some((id, patterns));
    }

    /// A watched file changed: every configuration and fact base is read again, and
    /// every open document is checked again (a client that pulls is asked to pull).
    fn reload(&mut self) {
        self.setup.configs.clear();
        self.setup.bases.clear();
        self.shown = None;
        let mut uris: Vec<String> = self.docs.keys().cloned().collect();
        uris.sort();
        for key in uris {
            if let Ok(uri) = key.parse::<lt::Uri>() {
                self.lint(&uri, true);
            }
        }
        if self.flags.pull && self.flags.refresh {
            self.ask::<lt::request::WorkspaceDiagnosticRefresh>(());
        }
        self.watch();
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let response = match req.method.as_str() {
            "textDocument/codeAction" => match params::<lt::CodeActionParams>(req.params) {
                Ok(p) => Response::new_ok(id, self.code_actions(&p)),
                Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e),
            },
            "textDocument/hover" => match params::<lt::HoverParams>(req.params) {
                Ok(p) => Response::new_ok(id, self.hover(&p)),
                Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e),
            },
            "textDocument/diagnostic" => match params::<lt::DocumentDiagnosticParams>(req.params) {
                Ok(p) => {
                    let items = self
                        .check(&p.text_document.uri, true)
                        .map_or_else(Vec::new, |(items, _)| items);
                    self.watch();
                    Response::new_ok(
                        id,
                        lt::DocumentDiagnosticReportResult::Report(
                            lt::DocumentDiagnosticReport::Full(
                                lt::RelatedFullDocumentDiagnosticReport {
                                    related_documents: None,
                                    full_document_diagnostic_report:
                                        lt::FullDocumentDiagnosticReport {
                                            result_id: None,
                                            items,
                                        },
                                },
                            ),
                        ),
                    )
                }
                Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e),
            },
            other => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("factlint does not handle `{other}`"),
            ),
        };
        self.send(response);
    }

    fn notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let outcome = match method.as_str() {
            "textDocument/didOpen" => params::<lt::DidOpenTextDocumentParams>(n.params).map(|p| {
                let d = p.text_document;
                let key = d.uri.as_str().to_string();
                let mdx = d.language_id.to_ascii_lowercase().contains("mdx")
                    || key
                        .split(['?', '#'])
                        .next()
                        .is_some_and(|p| p.to_ascii_lowercase().ends_with(".mdx"));
                self.docs.insert(
                    key.clone(),
                    Document {
                        mdx,
                        markdown: is_markdown(&d.language_id, &key),
                        path: uri_to_path(&key),
                        text: d.text,
                        version: d.version,
                        findings: Vec::new(),
                        published: Vec::new(),
                    },
                );
                self.lint(&d.uri, true);
            }),
            "textDocument/didChange" => {
                params::<lt::DidChangeTextDocumentParams>(n.params).map(|p| {
                    let key = p.text_document.uri.as_str();
                    if let Some(doc) = self.docs.get_mut(key) {
                        for change in p.content_changes {
                            match change.range {
                                None => doc.text = change.text,
                                Some(r) => {
                                    let pos = Positions::new(&doc.text);
                                    let (a, b) = (pos.offset(r.start), pos.offset(r.end));
                                    let (a, b) = (a.min(b), a.max(b));
                                    doc.text.replace_range(a..b, &change.text);
                                }
                            }
                        }
                        doc.version = p.text_document.version;
                        self.lint(&p.text_document.uri, false);
                    }
                })
            }
            "textDocument/didSave" => params::<lt::DidSaveTextDocumentParams>(n.params).map(|p| {
                if let Some(text) = p.text
                    && let Some(doc) = self.docs.get_mut(p.text_document.uri.as_str())
                {
                    doc.text = text;
                }
                self.lint(&p.text_document.uri, true);
            }),
            "textDocument/didClose" => {
                params::<lt::DidCloseTextDocumentParams>(n.params).map(|p| {
                    if self.docs.remove(p.text_document.uri.as_str()).is_some() && !self.flags.pull
                    {
                        self.notify::<lt::notification::PublishDiagnostics>(
                            lt::PublishDiagnosticsParams {
                                uri: p.text_document.uri,
                                diagnostics: Vec::new(),
                                version: None,
                            },
                        );
                    }
                })
            }
            "workspace/didChangeWatchedFiles" => {
                params::<lt::DidChangeWatchedFilesParams>(n.params).map(|_| self.reload())
            }
            _ => Ok(()),
        };
        if let Err(e) = outcome {
            self.log(
                lt::MessageType::WARNING,
                format!("factlint: bad `{method}` notification: {e}"),
            );
        }
    }

    /// Shows an error once (until another one, or a success).
    fn show(&mut self, message: String) {
        if self.shown.as_ref() != Some(&message) {
            self.notify::<lt::notification::ShowMessage>(lt::ShowMessageParams {
                typ: lt::MessageType::ERROR,
                message: message.clone(),
            });
            self.shown = Some(message);
        }
    }

    /// Checks a document and publishes its diagnostics. Nothing for a client that
    /// pulls them: it asks after each change, and is checked then.
    fn lint(&mut self, uri: &lt::Uri, refresh: bool) {
        if self.flags.pull {
            return;
        }
        let Some((diagnostics, version)) = self.check(uri, refresh) else {
            return;
        };
        self.notify::<lt::notification::PublishDiagnostics>(lt::PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version: Some(version),
        });
        self.watch();
    }

    /// Checks a document: its findings are kept (for code actions) and returned in the
    /// protocol's form, with its version. `None` for a document that is not open or
    /// not Markdown. A configuration or fact base that cannot be used is shown, and
    /// the document has no findings.
    fn check(&mut self, uri: &lt::Uri, refresh: bool) -> Option<(Vec<lt::Diagnostic>, i32)> {
        let (markdown, path) = self
            .docs
            .get(uri.as_str())
            .map(|d| (d.markdown, d.path.clone()))?;
        if !markdown {
            return None;
        }
        let resolved = self.setup.resolve(path.as_deref(), refresh);
        let options = &self.setup.options;
        let doc = self.docs.get_mut(uri.as_str())?;
        let version = doc.version;
        doc.findings.clear();
        doc.published.clear();
        let (findings, published) = match resolved {
            Ok(Resolved::Check { base, opts, path }) => {
                // A bug in a rule must not take the editor's server down with it.
                // A document over the file-size limit is not checked, as on the CLI.
                let limit = opts
                    .max_file_size
                    .unwrap_or(crate::run::DEFAULT_MAX_FILE_SIZE);
                let checked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    if doc.text.len() as u64 > limit {
                        return crate::run::FileResult::default();
                    }
                    check_text(&path, &doc.text, &base.facts, &opts)
                }));
                let Ok(found) = checked else {
                    self.log(
                        lt::MessageType::ERROR,
                        format!("factlint: internal error while checking {}", uri.as_str()),
                    );
                    return Some((Vec::new(), version));
                };
                let pos = Positions::new(&doc.text);
                let published = found
                    .diagnostics
                    .iter()
                    .map(|d| to_lsp(d, uri, &pos, &base, options))
                    .collect();
                (found.diagnostics, published)
            }
            Ok(Resolved::Excluded) => (Vec::new(), Vec::new()),
            Err(message) => {
                self.show(message);
                return Some((Vec::new(), version));
            }
        };
        doc.findings = findings;
        doc.published.clone_from(&published);
        self.shown = None;
        Some((published, version))
    }

    fn code_actions(&self, p: &lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(doc) = self.docs.get(uri.as_str()) else {
            return Vec::new();
        };
        let wants = |kind: &lt::CodeActionKind| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|k| {
                    kind.as_str() == k.as_str()
                        || kind.as_str().starts_with(&format!("{}.", k.as_str()))
                })
            })
        };
        let pos = Positions::new(&doc.text);
        let (lo, hi) = (pos.offset(p.range.start), pos.offset(p.range.end));
        let edit = |edits: Vec<lt::TextEdit>| lt::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..lt::WorkspaceEdit::default()
        };
        let mut out = Vec::new();
        if wants(&lt::CodeActionKind::QUICKFIX) {
            for (d, published) in doc.findings.iter().zip(&doc.published) {
                let Some(fix) = &d.fix else { continue };
                if d.span.start > hi || lo > d.span.end {
                    continue;
                }
                let found = doc.text.get(fix.span.clone()).unwrap_or("");
                out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                    title: format!("Replace `{found}` with `{}`", fix.replacement),
                    kind: Some(lt::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![published.clone()]),
                    edit: Some(edit(vec![lt::TextEdit::new(
                        pos.range(&fix.span),
                        fix.replacement.clone(),
                    )])),
                    is_preferred: Some(true),
                    ..lt::CodeAction::default()
                }));
            }
        }
        if wants(&FIX_ALL) {
            let fixes: Vec<_> = doc.findings.iter().filter_map(|d| d.fix.clone()).collect();
            let applied = crate::fix::apply(&doc.text, &fixes).applied;
            if !applied.is_empty() {
                let edits = applied
                    .iter()
                    .map(|f| lt::TextEdit::new(pos.range(&f.span), f.replacement.clone()))
                    .collect();
                out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                    title: "factlint: fix every finding with a certain fix".to_string(),
                    kind: Some(FIX_ALL),
                    edit: Some(edit(edits)),
                    ..lt::CodeAction::default()
                }));
            }
        }
        if wants(&lt::CodeActionKind::QUICKFIX) {
            // A suppression comment at the end of the finding's first line (once per
            // rule and line). Not for the suppression findings, which comments cannot
            // hide, nor in front matter, where a comment is not read.
            let front = crate::read::markdown::scan(&doc.text)
                .front_matter
                .map(|f| f.span);
            let mut offered = BTreeSet::new();
            for (d, published) in doc.findings.iter().zip(&doc.published) {
                if d.span.start > hi || lo > d.span.end || d.rule.is_suppression() {
                    continue;
                }
                if front
                    .as_ref()
                    .is_some_and(|f| f.start <= d.span.start && d.span.start < f.end)
                {
                    continue;
                }
                let end = line_end(&doc.text, d.span.start);
                if !offered.insert((end, d.rule)) {
                    continue;
                }
                let comment = suppression_comment(d.rule, doc.mdx);
                let at = pos.position(end);
                out.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                    title: format!("Suppress `{}` on this line", d.rule.as_str()),
                    kind: Some(lt::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![published.clone()]),
                    edit: Some(edit(vec![lt::TextEdit::new(
                        lt::Range::new(at, at),
                        format!(" {comment}"),
                    )])),
                    ..lt::CodeAction::default()
                }));
            }
        }
        out
    }

    fn hover(&mut self, p: &lt::HoverParams) -> Option<lt::Hover> {
        let uri = p.text_document_position_params.text_document.uri.as_str();
        let (markdown, path) = self.docs.get(uri).map(|d| (d.markdown, d.path.clone()))?;
        if !markdown {
            return None;
        }
        let Ok(Resolved::Check { base, opts, path }) = self.setup.resolve(path.as_deref(), false)
        else {
            return None;
        };
        let doc = self.docs.get(uri)?;
        let pos = Positions::new(&doc.text);
        let offset = pos.offset(p.text_document_position_params.position);
        let e = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let mut scanned = crate::read::markdown::scan(&doc.text);
            if let Some(fm) = &mut scanned.front_matter {
                fm.apply_date_format(opts.date_format.as_deref());
            }
            let a = Analysis::new(&path, &doc.text, &scanned, &base.facts, opts.default_date);
            crate::explain::explain_at(&a, offset)
        }))
        .ok()??;
        Some(lt::Hover {
            contents: lt::HoverContents::Markup(lt::MarkupContent {
                kind: lt::MarkupKind::Markdown,
                value: e.markdown,
            }),
            range: Some(pos.range(&e.span)),
        })
    }
}

/// The end of the line that holds `offset` (before its line ending).
fn line_end(text: &str, offset: usize) -> usize {
    let offset = text.floor_char_boundary(offset.min(text.len()));
    text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| offset + i)
}

/// The comment that hides `rule`'s findings on its own line, as Markdown or MDX
/// writes it (`crate::run::suppress`).
pub fn suppression_comment(rule: RuleId, mdx: bool) -> String {
    if mdx {
        format!("{{/* factlint-disable-line {} */}}", rule.as_str())
    } else {
        format!("<!-- factlint-disable-line {} -->", rule.as_str())
    }
}

/// A finding in the protocol's form: range in UTF-16 positions, the rule id as code
/// (with `codeDescription` when `ruleDocs` is set), notes after the message, secondary
/// labels as related information. A label in the built-in fact base, which is
/// compiled in and has no file, is no location: it is told in the message (with the
/// source in the notes).
fn to_lsp(
    d: &Diagnostic,
    uri: &lt::Uri,
    pos: &Positions<'_>,
    base: &Base,
    options: &InitOptions,
) -> lt::Diagnostic {
    let mut message = d.message.clone();
    for n in &d.notes {
        message.push('\n');
        message.push_str(n);
    }
    for l in &d.related {
        if let FileKey::Fact(i) = &l.file
            && let Some(f) = base.facts.files.get(*i)
            && f.is_builtin()
        {
            let (line, column) = LineIndex::new(&f.text).line_col(&f.text, l.span.start);
            let at = crate::report::Location {
                path: f.name.clone(),
                line,
                column,
            };
            message.push('\n');
            message.push_str(&crate::report::sarif::builtin_note(&l.message, &at));
        }
    }
    let related: Vec<lt::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|l| {
            let location = match &l.file {
                FileKey::Draft => lt::Location::new(uri.clone(), pos.range(&l.span)),
                FileKey::Fact(i) => {
                    let f = base.facts.files.get(*i).filter(|f| !f.is_builtin())?;
                    let uri = path_to_uri(Path::new(&f.name))?;
                    lt::Location::new(uri, Positions::new(&f.text).range(&l.span))
                }
                FileKey::Other(p) => {
                    let text = std::fs::read_to_string(p).ok()?;
                    lt::Location::new(path_to_uri(p)?, Positions::new(&text).range(&l.span))
                }
            };
            Some(lt::DiagnosticRelatedInformation {
                location,
                message: l.message.clone(),
            })
        })
        .collect();
    lt::Diagnostic {
        range: pos.range(&d.span),
        severity: Some(match d.severity {
            Severity::Error => lt::DiagnosticSeverity::ERROR,
            Severity::Warning => lt::DiagnosticSeverity::WARNING,
            Severity::Info => lt::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lt::NumberOrString::String(d.rule.as_str().to_string())),
        code_description: options
            .rule_href(d.rule)
            .map(|href| lt::CodeDescription { href }),
        source: Some("factlint".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lt::Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_every_line_ending() {
        // "€" is 3 bytes and 1 unit; "😀" is 4 bytes and 2 units.
        let t = "a€😀b\r\nc\rd\n";
        let p = Positions::new(t);
        assert_eq!(p.position(0), lt::Position::new(0, 0));
        assert_eq!(p.position(1), lt::Position::new(0, 1));
        assert_eq!(p.position(4), lt::Position::new(0, 2));
        assert_eq!(p.position(8), lt::Position::new(0, 4), "after the emoji");
        assert_eq!(p.position(11), lt::Position::new(1, 0), "after CRLF");
        assert_eq!(p.position(13), lt::Position::new(2, 0), "after a lone CR");
        assert_eq!(
            p.position(6),
            lt::Position::new(0, 2),
            "inside the emoji: before it"
        );
        for off in [0, 1, 4, 8, 9, 11, 13, 14, 15] {
            assert_eq!(p.offset(p.position(off)), off, "round trip at {off}");
        }
        assert_eq!(p.offset(lt::Position::new(0, 99)), 9, "past the line end");
        assert_eq!(
            p.offset(lt::Position::new(0, 3)),
            8,
            "inside a pair: after it"
        );
        assert_eq!(p.offset(lt::Position::new(99, 0)), t.len());
        assert_eq!(p.position(999), lt::Position::new(3, 0));
    }

    #[test]
    fn file_uris_become_paths() {
        assert_eq!(
            uri_to_path("file:///tmp/a%20b/%C3%A9.md"),
            Some(PathBuf::from("/tmp/a b/é.md"))
        );
        assert_eq!(
            uri_to_path("file://localhost/tmp/x.md"),
            Some(PathBuf::from("/tmp/x.md"))
        );
        assert_eq!(uri_to_path("untitled:Untitled-1"), None);
        assert_eq!(uri_to_path("file://server/share/x.md"), None);
        assert_eq!(uri_to_path("file:///bad%zz"), None);
        assert_eq!(uri_to_path("file:///bad%"), None);
        let uri = path_to_uri(Path::new("/tmp/a b/é.md")).expect("a uri");
        assert_eq!(uri.as_str(), "file:///tmp/a%20b/%C3%A9.md");
        assert_eq!(
            uri_to_path(uri.as_str()),
            Some(PathBuf::from("/tmp/a b/é.md"))
        );
    }

    #[test]
    fn markdown_documents_by_language_or_extension() {
        assert!(is_markdown("markdown", "untitled:1"));
        assert!(is_markdown("mdx", "file:///x.mdx"));
        assert!(is_markdown("plaintext", "file:///x.MD"));
        assert!(!is_markdown("rust", "file:///x.rs"));
    }
}
