//! `kompis serve`, the browser preview's backend: the real binary on a
//! catalogue in a temp folder, spoken to over plain HTTP on loopback.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

/// The running server, stopped when dropped.
struct Served {
    child: Child,
    addr: String,
    token: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &std::path::Path) -> Served {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kompis"))
        .args(["--db", db.to_str().unwrap(), "serve"])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("kompis serve starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("it prints one line");
    let hello: Value = serde_json::from_str(&line).expect("the line is JSON");
    let url = hello["url"].as_str().expect("a url").to_string();
    let token = hello["token"].as_str().expect("a token").to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert!(token.len() >= 32, "{token}");
    Served {
        child,
        addr: url.trim_start_matches("http://").to_string(),
        token,
    }
}

/// POSTs `body` to `path` and answers the status and the JSON reply.
fn post(addr: &str, path: &str, token: Option<&str>, body: &str) -> (u16, Value) {
    let mut s = TcpStream::connect(addr).expect("connect");
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    s.read_to_string(&mut reply).unwrap();
    let status: u16 = reply[9..12].parse().expect("a status code");
    let body = reply.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

fn rpc(s: &Served, command: &str, args: Value) -> (u16, Value) {
    let body = json!({ "command": command, "args": args }).to_string();
    post(&s.addr, "/rpc", Some(&s.token), &body)
}

#[test]
fn serve_answers_the_registry_commands_with_the_token_only() {
    let dir = tempfile::tempdir().unwrap();
    let s = serve(&dir.path().join("catalogue"));

    let (status, body) = post(&s.addr, "/rpc", None, r#"{"command":"catalogue_info"}"#);
    assert_eq!(status, 401, "{body}");
    let (status, _) = post(
        &s.addr,
        "/rpc",
        Some("wrong"),
        r#"{"command":"catalogue_info"}"#,
    );
    assert_eq!(status, 401);

    let (status, summary) = rpc(&s, "load_demo", json!({}));
    assert_eq!(status, 200, "{summary}");
    assert!(summary["needs"].as_u64().unwrap() > 10, "{summary}");

    let (status, page) = rpc(
        &s,
        "list_entries",
        json!({ "side": "need", "query": { "text": "bærekraft", "limit": 3 } }),
    );
    assert_eq!(status, 200, "{page}");
    assert!(page["rows"].as_array().unwrap().len() <= 3);
    assert!(page["total"].as_u64().unwrap() >= 1, "{page}");
    let need = page["rows"][0]["entry"]["id"].as_str().unwrap().to_string();

    let (status, ranked) = rpc(&s, "matches_for_need", json!({ "needId": need, "top": 3 }));
    assert_eq!(status, 200, "{ranked}");
    assert!(!ranked.as_array().unwrap().is_empty(), "{ranked}");

    let (status, error) = rpc(
        &s,
        "save_entry",
        json!({ "side": "need", "entry": { "id": "", "title": "", "kind": "expertise" } }),
    );
    assert_eq!(status, 400, "{error}");
    assert_eq!(error["code"], "invalid");
    assert_eq!(error["field"], "title");

    let (status, error) = rpc(&s, "drop_everything", json!({}));
    assert_eq!(status, 404, "{error}");
    assert_eq!(error["code"], "unknown_command");

    let (status, error) = rpc(&s, "get_entry", json!({ "side": "need" }));
    assert_eq!(status, 400, "{error}");
    assert_eq!(error["code"], "bad_arguments");
    assert!(
        error["message"].as_str().unwrap().contains("get_entry"),
        "{error}"
    );
}
