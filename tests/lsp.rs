//! `factlint lsp` driven through the real binary's standard input and output, with
//! Content-Length framed JSON-RPC, as an editor drives it. Every read has a timeout,
//! so a server that hangs fails the test instead of blocking CI.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

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
        let r = self.request(
            "initialize",
            json!({"processId": null, "rootUri": root, "capabilities": {}}),
        );
        self.notify("initialized", json!({}));
        r
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
    assert!(
        d["message"].as_str().expect("message").starts_with(
            "stated $9 billion, but Amazon's total investment in Anthropic was $8 billion"
        ),
        "{d:#}"
    );

    // The quick fix for that range, and the fix-all action.
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": [d]}}),
    );
    let actions = actions["result"].as_array().expect("actions").clone();
    assert_eq!(actions.len(), 2, "{actions:#?}");
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
