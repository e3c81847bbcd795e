//! `kompis serve`: the catalogue for the browser preview of the UI, during
//! development only. It listens on 127.0.0.1 alone, on a random port unless
//! told, wants a per-run token in every request, and hands each
//! `POST /rpc {"command", "args"}` to [`api::dispatch`], the same functions
//! the desktop app's commands call. The desktop app never contains it.

use std::io::Read;
use std::sync::Arc;

use anyhow::{Context, Result};
use kompis_core::api::{self, wire::IpcError, Catalogue};
use serde::Deserialize;
use tiny_http::{Header, Method, Request, Response, Server};

/// The largest request body accepted (a bundle-sized argument is not one).
const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Threads answering requests; a slow ranking does not hold up a keystroke.
const WORKERS: usize = 4;

/// One call from the preview.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Call {
    command: String,
    #[serde(default)]
    args: serde_json::Value,
}

/// A random token of 32 hex digits.
fn token() -> Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no random numbers: {e}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Serves until the process is stopped.
pub fn run(cat: Catalogue, port: Option<u16>) -> Result<()> {
    let server = Server::http(("127.0.0.1", port.unwrap_or(0)))
        .map_err(|e| anyhow::anyhow!("could not listen on 127.0.0.1: {e}"))?;
    let addr = server
        .server_addr()
        .to_ip()
        .context("the server has no IP address")?;
    let token = token()?;
    say!(
        "{}",
        serde_json::json!({ "url": format!("http://{addr}"), "token": token })
    );
    let server = Arc::new(server);
    let cat = Arc::new(cat);
    {
        let cat = cat.clone();
        std::thread::spawn(move || {
            if let Err(e) = api::warm_up(&cat) {
                eprintln!("kompis serve: warming up: {e}");
            }
        });
    }
    let token = Arc::new(format!("Bearer {token}"));
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, cat, token) = (server.clone(), cat.clone(), token.clone());
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    answer(&cat, &token, request);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

/// Answers one request; a failed reply (the browser went away) is dropped.
fn answer(cat: &Catalogue, token: &str, mut request: Request) {
    let (status, body) = reply(cat, token, &mut request);
    let json = Header::from_bytes("Content-Type", "application/json").expect("a valid header");
    let _ = request.respond(
        Response::from_string(body)
            .with_status_code(status)
            .with_header(json),
    );
}

fn refusal(code: &str, message: impl Into<String>) -> String {
    serde_json::to_string(&IpcError {
        code: code.into(),
        message: message.into(),
        field: None,
        problem: None,
        count: None,
        entries: Vec::new(),
    })
    .expect("an error serialises")
}

/// The status code and JSON body for a request.
fn reply(cat: &Catalogue, token: &str, request: &mut Request) -> (u16, String) {
    let authorised = request
        .headers()
        .iter()
        .any(|h| h.field.equiv("Authorization") && h.value.as_str() == token);
    if !authorised {
        return (
            401,
            refusal(
                "unauthorised",
                "This request lacks the preview server's token.",
            ),
        );
    }
    if request.method() != &Method::Post || request.url() != "/rpc" {
        return (404, refusal("not_found", "Only POST /rpc is served."));
    }
    let mut body = String::new();
    if let Err(e) = request
        .as_reader()
        .take(MAX_BODY + 1)
        .read_to_string(&mut body)
    {
        return (
            400,
            refusal(
                "bad_request",
                format!("The request could not be read: {e}."),
            ),
        );
    }
    if body.len() as u64 > MAX_BODY {
        return (
            413,
            refusal("too_large", "The request is larger than 16 MB."),
        );
    }
    let call: Call = match serde_json::from_str(&body) {
        Ok(c) => c,
        Err(e) => {
            return (
                400,
                refusal(
                    "bad_request",
                    format!("The request is not {{command, args}}: {e}."),
                ),
            )
        }
    };
    match api::dispatch(cat, &call.command, call.args) {
        Ok(value) => (200, value.to_string()),
        Err(e) => {
            let status = match e.code() {
                "unknown_command" | "not_found" => 404,
                "store" | "io" | "render" => 500,
                _ => 400,
            };
            let e = IpcError::from(e);
            (
                status,
                serde_json::to_string(&e).expect("an error serialises"),
            )
        }
    }
}
