//! `factlint lsp` driven through the real binary's standard input and output, with
//! Content-Length framed JSON-RPC, as an editor drives it. Every read has a timeout,
//! so a server that hangs fails the test instead of blocking CI.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod common;

const TIMEOUT: Duration = Duration::from_secs(30);

struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for another one.
    seen: Vec<Value>,
}

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary starts");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let Some(n) = length else { return };
                let mut body = vec![0; n];
                if r.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(v) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if tx.send(v).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 1,
            seen: Vec::new(),
        }
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self) -> Value {
        match self.rx.recv_timeout(TIMEOUT) {
            Ok(v) => v,
            Err(_) => {
                let _ = self.child.kill();
                panic!(
                    "no message from the server within {TIMEOUT:?}; seen: {:#?}",
                    self.seen
                );
            }
        }
    }

    /// Reads messages until one satisfies `pred`; the others are kept in `seen`.
    fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            let m = self.recv();
            if pred(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    /// The first message, already seen or still to come, that satisfies `pred`.
    fn take(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        match self.seen.iter().position(&pred) {
            Some(i) => self.seen.remove(i),
            None => self.wait_for(pred),
        }
    }

    /// Sends a request and returns its response (notifications before it are kept).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_for(|m| m["id"] == id && m.get("method").is_none())
    }

    fn diagnostics_for(&mut self, uri: &str) -> Value {
        self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        })["params"]
            .clone()
    }

    fn initialize(&mut self, root: &str) -> Value {
        self.initialize_with(root, json!({}), Value::Null)
    }

    /// `initialize` with these client capabilities and `initializationOptions`.
    fn initialize_with(&mut self, root: &str, capabilities: Value, options: Value) -> Value {
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": capabilities,
                   "initializationOptions": options}),
        );
        self.notify("initialized", json!({}));
        r
    }

    /// Sends a request whose answer is not read, so that everything the server sent
    /// before answering it is in `seen` (the server answers in order).
    fn sync(&mut self) {
        self.request("factlint/ping", json!({}));
    }

    /// Waits for the process to end and returns its exit code.
    fn exit_code(&mut self) -> i32 {
        drop(self.stdin.take());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().expect("an exit code");
            }
            if start.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the server did not exit within {TIMEOUT:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A `file:` URI for a path (ASCII paths only in these tests).
fn uri_of(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    if s.starts_with('/') {
        format!("file://{s}")
    } else {
        format!("file:///{s}")
    }
}

/// The LSP position (line, UTF-16 column) of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).expect("needle");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..at].matches('\n').count() as u64;
    let col = text[line_start..at].encode_utf16().count() as u64;
    (line, col)
}

fn range_of(text: &str, needle: &str) -> Value {
    let (l, c) = position_of(text, needle);
    let end = c + needle.encode_utf16().count() as u64;
    json!({"start": {"line": l, "character": c}, "end": {"line": l, "character": end}})
}

// A rocket before the value: 4 bytes, 1 character, 2 UTF-16 units.
const DRAFT: &str = "---\ndate: 2024-11-22\n---\n\n🚀 Amazon has now invested a total of $9 billion in Anthropic.\n";

#[test]
fn diagnostics_code_actions_hover_and_a_clean_shutdown() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let draft = dir.path().join("draft.md");
    let uri = uri_of(&draft);
    let mut c = Client::start(dir.path());
    let init = c.initialize(&uri_of(dir.path()));
    let caps = &init["result"]["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16", "{init:#}");
    assert_eq!(caps["textDocumentSync"]["change"], 1, "full sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(
        caps["diagnosticProvider"],
        json!({"identifier": "factlint", "interFileDependencies": false, "workspaceDiagnostics": false})
    );
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.factlint"])
    );
    assert_eq!(init["result"]["serverInfo"]["name"], "factlint");

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let published = c.diagnostics_for(&uri);
    assert_eq!(published["version"], 1);
    let diags = published["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{published:#}");
    let d = &diags[0];
    assert_eq!(d["code"], "value-mismatch");
    assert_eq!(d["source"], "factlint");
    assert_eq!(d["severity"], 1, "error");
    let range = range_of(DRAFT, "$9 billion");
    assert_eq!(
        range["start"]["character"], 38,
        "UTF-16: the rocket is two units"
    );
    assert_eq!(d["range"], range);
    let message = d["message"].as_str().expect("message");
    assert!(
        message.starts_with(
            "stated $9 billion, but Amazon's total investment in Anthropic was $8 billion"
        ),
        "{d:#}"
    );
    // The fact is built in: no location (it has no file), its text in the message,
    // with the source; no rule documentation address unless one is configured.
    assert!(d.get("relatedInformation").is_none(), "{d:#}");
    assert!(
        message.contains("\nthe fact: $8 billion (built-in fact base, <built-in>/anthropic.toml:"),
        "{message}"
    );
    assert!(message.contains("\nsource: https://"), "{message}");
    assert!(d.get("codeDescription").is_none(), "{d:#}");

    // The quick fix for that range, and the fix-all action.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [d]}}),
    );
    let actions = actions["result"].as_array().expect("actions").clone();
    assert_eq!(actions.len(), 3, "fix, fix all, suppress: {actions:#?}");
    let quick = &actions[0];
    assert_eq!(quick["kind"], "quickfix");
    assert_eq!(quick["title"], "Replace `$9 billion` with `$8 billion`");
    assert_eq!(quick["isPreferred"], true);
    assert_eq!(quick["diagnostics"][0]["code"], "value-mismatch");
    assert_eq!(
        quick["edit"]["changes"][&uri],
        json!([{"range": range, "newText": "$8 billion"}])
    );
    assert_eq!(actions[1]["kind"], "source.fixAll.factlint");
    assert_eq!(
        actions[1]["edit"]["changes"][&uri],
        json!([{"range": range, "newText": "$8 billion"}])
    );
    // Only the kinds asked for; no action away from the finding.
    let only = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range,
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    assert_eq!(only["result"].as_array().expect("actions").len(), 1);
    let elsewhere =
        json!({"start": {"line": 1, "character": 0}, "end": {"line": 1, "character": 4}});
    let none = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": elsewhere,
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert_eq!(none["result"], json!([]));

    // Hover on the value: the fact it was tied to, with its value and source.
    let (line, col) = position_of(DRAFT, "$9 billion");
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": col + 2}}),
    );
    let text = hover["result"]["contents"]["value"]
        .as_str()
        .expect("markdown");
    assert_eq!(hover["result"]["contents"]["kind"], "markdown");
    assert!(
        text.contains("contradicts **Amazon's total investment in Anthropic**"),
        "{text}"
    );
    assert!(text.contains("$8 billion from 2024-11-22"), "{text}");
    assert!(text.contains("Source: https://"), "{text}");
    assert_eq!(hover["result"]["range"], range);
    let nothing = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 4, "character": 5}}),
    );
    assert_eq!(nothing["result"], Value::Null);

    // The edit applied: the finding is gone.
    let fixed = DRAFT.replace("$9 billion", "$8 billion");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let published = c.diagnostics_for(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(published["diagnostics"], json!([]));

    // Unknown methods and bad parameters are errors, not crashes.
    let unknown = c.request("factlint/nothing", json!({}));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown:#}");
    let bad = c.request("textDocument/hover", json!({"position": "here"}));
    assert_eq!(bad["error"]["code"], -32602, "{bad:#}");

    // Closing clears the document's diagnostics.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    let published = c.diagnostics_for(&uri);
    assert_eq!(published["diagnostics"], json!([]));

    let shutdown = c.request("shutdown", Value::Null);
    assert_eq!(shutdown["result"], Value::Null);
    assert!(shutdown.get("error").is_none(), "{shutdown:#}");
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0);
}

#[test]
fn configuration_and_overrides_of_the_documents_path_apply() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("factlint.toml"),
        "exclude = [\"skip/**\"]\n[rules]\nvalue-mismatch = \"warning\"\n\n[[overrides]]\nfiles = [\"archive/**\"]\nrules = { value-mismatch = \"off\" }\n",
    )
    .expect("config");
    let mut c = Client::start(dir.path());
    c.initialize(&uri_of(dir.path()));
    let open = |c: &mut Client, rel: &str, language: &str| {
        let uri = uri_of(&dir.path().join(rel));
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": DRAFT}}),
        );
        uri
    };
    let draft = open(&mut c, "draft.md", "markdown");
    let p = c.diagnostics_for(&draft);
    let diags = p["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{p:#}");
    assert_eq!(diags[0]["severity"], 2, "configured as a warning");
    let archived = open(&mut c, "archive/old.md", "markdown");
    assert_eq!(c.diagnostics_for(&archived)["diagnostics"], json!([]));
    let skipped = open(&mut c, "skip/x.md", "markdown");
    assert_eq!(c.diagnostics_for(&skipped)["diagnostics"], json!([]));
    // An MDX file by its language id.
    let mdx = open(&mut c, "page.mdx", "mdx");
    assert_eq!(
        c.diagnostics_for(&mdx)["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .len(),
        1
    );
    // Not Markdown: nothing is published (the response to a later request comes
    // after anything the didOpen caused).
    let rust = open(&mut c, "main.rs", "rust");
    c.seen.clear();
    c.request("factlint/ping", json!({}));
    assert!(
        !c.seen.iter().any(|m| m["params"]["uri"] == rust.as_str()),
        "{:#?}",
        c.seen
    );
    // A broken configuration is shown once; the document gets no diagnostics.
    std::fs::write(dir.path().join("factlint.toml"), "rules = 3\n").expect("config");
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": draft}}),
    );
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1);
    assert!(
        shown["params"]["message"]
            .as_str()
            .expect("message")
            .contains("factlint.toml:1:"),
        "{shown:#}"
    );
    assert_eq!(c.diagnostics_for(&draft)["diagnostics"], json!([]));
    // Fixed and saved again: back to findings.
    std::fs::write(dir.path().join("factlint.toml"), "").expect("config");
    c.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": draft}}),
    );
    let p = c.diagnostics_for(&draft);
    assert_eq!(p["diagnostics"][0]["severity"], 1, "{p:#}");

    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0);
}

#[test]
fn an_undated_document_gets_missing_date() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut c = Client::start(dir.path());
    c.initialize(&uri_of(dir.path()));
    let uri = uri_of(&dir.path().join("undated.md"));
    let text = "# A draft\n\nAmazon's total investment in Anthropic stands at $4 billion.\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let p = c.diagnostics_for(&uri);
    let diags = p["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{p:#}");
    assert_eq!(diags[0]["code"], "missing-date");
    assert_eq!(diags[0]["severity"], 2);
    assert_eq!(diags[0]["range"], range_of(text, "# A draft"));
    // Dated: the finding goes, and the stale value is found.
    let dated = format!("---\ndate: Nov 22, 2024\n---\n{text}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": dated}]}),
    );
    let p = c.diagnostics_for(&uri);
    let diags = p["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{p:#}");
    assert_eq!(diags[0]["code"], "stale-value");
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0);
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut c = Client::start(dir.path());
    c.initialize(&uri_of(dir.path()));
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 1);
}

#[test]
fn a_closed_pipe_ends_the_server() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut c = Client::start(dir.path());
    c.initialize(&uri_of(dir.path()));
    // The editor died: standard input closes without shutdown or exit.
    assert_eq!(c.exit_code(), 0);
}

/// The line (0-based) after which `text` ends the line holding `needle`, as an LSP
/// position at the end of that line.
fn end_of_line_of(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect("needle");
    let line = text[..at].matches('\n').count() as u64;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let col = text[start..end].encode_utf16().count() as u64;
    json!({"line": line, "character": col})
}

/// Applies one-insertion edits (range start = end) to a text.
fn apply_insertion(text: &str, edit: &Value) -> String {
    let at = &edit["range"]["start"];
    assert_eq!(edit["range"]["start"], edit["range"]["end"], "an insertion");
    let line = at["line"].as_u64().expect("line") as usize;
    let col = at["character"].as_u64().expect("character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let line_text = &text[start..];
    let mut units = 0;
    let mut offset = line_text.len();
    for (i, c) in line_text.char_indices() {
        if units >= col {
            offset = i;
            break;
        }
        units += c.len_utf16();
    }
    let mut out = text.to_string();
    out.insert_str(start + offset, edit["newText"].as_str().expect("newText"));
    out
}

fn shutdown(c: &mut Client) {
    c.request("shutdown", Value::Null);
    c.notify("exit", Value::Null);
    assert_eq!(c.exit_code(), 0);
}

#[test]
fn a_quick_fix_writes_a_suppression_comment_for_the_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut c = Client::start(dir.path());
    c.initialize(&uri_of(dir.path()));
    for (name, language, comment) in [
        (
            "draft.md",
            "markdown",
            " <!-- factlint-disable-line value-mismatch -->",
        ),
        (
            "page.mdx",
            "mdx",
            " {/* factlint-disable-line value-mismatch */}",
        ),
    ] {
        let uri = uri_of(&dir.path().join(name));
        c.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": DRAFT}}),
        );
        let d = c.diagnostics_for(&uri)["diagnostics"][0].clone();
        assert_eq!(d["code"], "value-mismatch", "{d:#}");
        let actions = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range_of(DRAFT, "$9 billion"),
                   "context": {"diagnostics": [d], "only": ["quickfix"]}}),
        );
        let actions = actions["result"].as_array().expect("actions").clone();
        let suppress: Vec<&Value> = actions
            .iter()
            .filter(|a| {
                a["title"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Suppress"))
            })
            .collect();
        assert_eq!(suppress.len(), 1, "{actions:#?}");
        let s = suppress[0];
        assert_eq!(s["title"], "Suppress `value-mismatch` on this line");
        assert_eq!(s["kind"], "quickfix");
        assert_eq!(s["diagnostics"][0]["code"], "value-mismatch");
        let edits = s["edit"]["changes"][&uri].as_array().expect("edits");
        assert_eq!(edits.len(), 1);
        let at = end_of_line_of(DRAFT, "$9 billion");
        assert_eq!(
            edits[0],
            json!({"range": {"start": at, "end": at}, "newText": comment})
        );
        // Applied, the comment hides the finding.
        let suppressed = apply_insertion(DRAFT, &edits[0]);
        assert!(
            suppressed.contains(&format!("in Anthropic.{comment}\n")),
            "{suppressed}"
        );
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": suppressed}]}),
        );
        let p = c.diagnostics_for(&uri);
        assert_eq!(p["version"], 2);
        assert_eq!(p["diagnostics"], json!([]), "{p:#}");
    }
    // A finding in front matter gets no suppression (a comment there is not read).
    let uri = uri_of(&dir.path().join("undated.md"));
    let text =
        "---\ntitle: x\n---\n\nAmazon's total investment in Anthropic stands at $4 billion.\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let p = c.diagnostics_for(&uri);
    assert_eq!(p["diagnostics"][0]["code"], "missing-date", "{p:#}");
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": p["diagnostics"][0]["range"],
               "context": {"diagnostics": [], "only": ["quickfix"]}}),
    );
    assert_eq!(actions["result"], json!([]), "{actions:#}");
    shutdown(&mut c);
}

#[test]
fn a_client_that_pulls_diagnostics_gets_them_in_the_answer_and_none_pushed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let uri = uri_of(&dir.path().join("draft.md"));
    let mut c = Client::start(dir.path());
    c.initialize_with(
        &uri_of(dir.path()),
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        Value::Null,
    );
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let report = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    let r = &report["result"];
    assert_eq!(r["kind"], "full", "{report:#}");
    let items = r["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{report:#}");
    assert_eq!(items[0]["code"], "value-mismatch");
    assert_eq!(items[0]["range"], range_of(DRAFT, "$9 billion"));
    // Code actions work from the findings of the pull.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range_of(DRAFT, "$9 billion"),
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    assert_eq!(actions["result"].as_array().expect("actions").len(), 1);
    // Changed: the next pull has the new findings.
    let fixed = DRAFT.replace("$9 billion", "$8 billion");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let report = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(report["result"]["items"], json!([]), "{report:#}");
    // A document that is not open: an empty report, not an error.
    let other = uri_of(&dir.path().join("other.md"));
    let report = c.request(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": other}}),
    );
    assert_eq!(report["result"]["kind"], "full");
    assert_eq!(report["result"]["items"], json!([]));
    c.sync();
    assert!(
        !c.seen
            .iter()
            .any(|m| m["method"] == "textDocument/publishDiagnostics"),
        "nothing pushed to a client that pulls: {:#?}",
        c.seen
    );
    // Not asked for file watchers: the client cannot register them.
    assert!(
        !c.seen
            .iter()
            .any(|m| m["method"] == "client/registerCapability"),
        "{:#?}",
        c.seen
    );
    shutdown(&mut c);
}

const USER_DRAFT: &str =
    "---\ndate: 2025-06-01\n---\nHooli's seed investment in Initech was $45 million.\n";

/// The glob patterns of a `client/registerCapability` for watched files.
fn watchers(m: &Value) -> Vec<String> {
    let r = &m["params"]["registrations"][0];
    assert_eq!(r["method"], "workspace/didChangeWatchedFiles", "{m:#}");
    r["registerOptions"]["watchers"]
        .as_array()
        .expect("watchers")
        .iter()
        .map(|w| w["globPattern"].as_str().expect("a glob").to_string())
        .collect()
}

#[test]
fn watched_configuration_and_fact_files_re_lint_open_documents() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::write(root.join("ours.toml"), common::OWN_FACTS).expect("facts");
    std::fs::write(
        root.join("factlint.toml"),
        "default-facts = false\nfacts = [\"ours.toml\"]\n",
    )
    .expect("config");
    let uri = uri_of(&root.join("draft.md"));
    let mut c = Client::start(&root);
    c.initialize_with(
        &uri_of(&root),
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    // At once: every factlint.toml of the workspace.
    let first = c.wait_for(|m| m["method"] == "client/registerCapability");
    assert_eq!(
        watchers(&first),
        vec!["**/.factlint.toml", "**/factlint.toml"],
        "{first:#}"
    );
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": USER_DRAFT}}),
    );
    let p = c.diagnostics_for(&uri);
    let d = &p["diagnostics"][0];
    assert_eq!(d["code"], "value-mismatch", "{p:#}");
    assert_eq!(d["severity"], 1);
    // The user's fact file is a location (its real file), unlike a built-in fact.
    let amount_line = common::OWN_FACTS
        .lines()
        .position(|l| l.starts_with("amount = "))
        .expect("amount line") as u64;
    assert_eq!(
        d["relatedInformation"],
        json!([{
            "location": {
                "uri": uri_of(&root.join("ours.toml")),
                "range": {"start": {"line": amount_line, "character": 9},
                          "end": {"line": amount_line, "character": 22}},
            },
            "message": "the fact: $40 million",
        }]),
        "{d:#}"
    );
    assert!(
        !d["message"].as_str().expect("message").contains("built-in"),
        "{d:#}"
    );
    // Then the fact file in use, and the configuration read, are watched too (the
    // first registration is replaced).
    let unregister = c.take(|m| m["method"] == "client/unregisterCapability");
    assert_eq!(
        unregister["params"]["unregisterations"][0]["id"],
        first["params"]["registrations"][0]["id"]
    );
    let second = c.take(|m| m["method"] == "client/registerCapability");
    let patterns = watchers(&second);
    let fact_path = root.join("ours.toml").to_string_lossy().replace('\\', "/");
    let config_path = root
        .join("factlint.toml")
        .to_string_lossy()
        .replace('\\', "/");
    for want in [fact_path.as_str(), config_path.as_str(), "**/factlint.toml"] {
        assert!(patterns.iter().any(|p| p == want), "{want} in {patterns:?}");
    }

    // The fact file changes: the open document is checked again.
    std::fs::write(
        root.join("ours.toml"),
        common::OWN_FACTS.replace("$40 million", "$45 million"),
    )
    .expect("facts");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&root.join("ours.toml")), "type": 2}]}),
    );
    let p = c.diagnostics_for(&uri);
    assert_eq!(p["diagnostics"], json!([]), "{p:#}");
    // The configuration changes: back to the old fact, now as a warning.
    std::fs::write(root.join("ours.toml"), common::OWN_FACTS).expect("facts");
    std::fs::write(
        root.join("factlint.toml"),
        "default-facts = false\nfacts = [\"ours.toml\"]\n[rules]\nvalue-mismatch = \"warning\"\n",
    )
    .expect("config");
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri_of(&root.join("factlint.toml")), "type": 2}]}),
    );
    let p = c.diagnostics_for(&uri);
    assert_eq!(p["diagnostics"][0]["severity"], 2, "{p:#}");
    shutdown(&mut c);
}

#[test]
fn initialization_options_set_facts_date_and_rule_documentation() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::create_dir(root.join("facts")).expect("mkdir");
    std::fs::write(root.join("facts/ours.toml"), common::OWN_FACTS).expect("facts");
    let mut c = Client::start(&root);
    c.initialize_with(
        &uri_of(&root),
        json!({}),
        json!({
            "facts": ["facts/ours.toml"],
            "defaultFacts": true,
            "defaultDate": "2025-06-01",
            "ruleDocs": "https://example.org/docs/rules.md",
        }),
    );
    // An undated draft is dated by defaultDate: no missing-date, and the stale value is
    // found; the user's facts (relative to the root) apply next to the built-in ones.
    let uri = uri_of(&root.join("undated.md"));
    let text = "# A draft\n\nAmazon's total investment in Anthropic stands at $4 billion.\n\nHooli's seed investment in Initech was $45 million.\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let p = c.diagnostics_for(&uri);
    let codes: Vec<&str> = p["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().expect("code"))
        .collect();
    assert_eq!(codes, vec!["stale-value", "value-mismatch"], "{p:#}");
    assert_eq!(
        p["diagnostics"][0]["codeDescription"],
        json!({"href": "https://example.org/docs/rules.md#stale-value"})
    );
    assert_eq!(
        p["diagnostics"][1]["codeDescription"]["href"],
        "https://example.org/docs/rules.md#value-mismatch"
    );
    c.sync();
    assert!(
        !c.seen.iter().any(|m| m["method"] == "window/showMessage"),
        "good settings, no error: {:#?}",
        c.seen
    );
    shutdown(&mut c);

    // defaultFacts false: only the user's facts.
    let mut c = Client::start(&root);
    c.initialize_with(
        &uri_of(&root),
        json!({}),
        json!({"facts": "facts/ours.toml", "defaultFacts": false, "defaultDate": "2025-06-01"}),
    );
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}),
    );
    let p = c.diagnostics_for(&uri);
    let diags = p["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diags.len(), 1, "{p:#}");
    assert_eq!(diags[0]["code"], "value-mismatch");
    assert!(diags[0].get("codeDescription").is_none(), "{p:#}");
    shutdown(&mut c);
}

#[test]
fn bad_initialization_options_are_shown_and_the_rest_apply() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let mut c = Client::start(&root);
    c.initialize_with(
        &uri_of(&root),
        json!({}),
        json!({
            "facts": ["missing.toml", 3],
            "defaultFacts": "yes",
            "defaultDate": "November 22, 2024",
            "ruleDocs": "docs/rules.md",
            "colour": "red",
        }),
    );
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    assert_eq!(shown["params"]["type"], 1, "an error: {shown:#}");
    let message = shown["params"]["message"].as_str().expect("message");
    let missing = format!(
        "`facts`: cannot read {}: ",
        root.join("missing.toml").display()
    );
    for part in [
        "factlint: initializationOptions: ",
        "unknown setting `colour` (factlint reads facts, defaultFacts, defaultDate, ruleDocs)",
        "`defaultDate` must be a day (YYYY-MM-DD), not `November 22, 2024`",
        "`defaultFacts` must be true or false, not a string",
        missing.as_str(),
        "`facts` must list paths (strings), not a number",
        "`ruleDocs` must be an absolute address",
    ] {
        assert!(message.contains(part), "{part:?} in {message}");
    }
    // The server still works, with the defaults for what was left out.
    let uri = uri_of(&root.join("draft.md"));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DRAFT}}),
    );
    let p = c.diagnostics_for(&uri);
    assert_eq!(p["diagnostics"][0]["code"], "value-mismatch", "{p:#}");
    assert!(p["diagnostics"][0].get("codeDescription").is_none());
    // Not an object at all.
    shutdown(&mut c);
    let mut c = Client::start(&root);
    c.initialize_with(&uri_of(&root), json!({}), json!(["facts"]));
    let shown = c.wait_for(|m| m["method"] == "window/showMessage");
    assert!(
        shown["params"]["message"]
            .as_str()
            .expect("message")
            .contains("initializationOptions must be an object, not an array"),
        "{shown:#}"
    );
    shutdown(&mut c);
}

#[test]
fn a_malformed_initialize_is_an_error_response_and_may_be_retried() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut c = Client::start(dir.path());
    let bad = c.request("initialize", json!({"processId": "me", "capabilities": 3}));
    assert_eq!(bad["error"]["code"], -32602, "{bad:#}");
    assert!(
        bad["error"]["message"]
            .as_str()
            .expect("message")
            .starts_with("factlint: malformed `initialize` parameters: "),
        "{bad:#}"
    );
    assert!(bad.get("result").is_none());
    let good = c.initialize(&uri_of(dir.path()));
    assert_eq!(good["result"]["serverInfo"]["name"], "factlint", "{good:#}");
    shutdown(&mut c);
}
