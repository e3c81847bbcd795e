//! The command registry (`kompis_commands::for_each_command!`) is the one
//! list of commands: this test fails when the capability file or the
//! generated TypeScript client (`ui/src/lib/commands.ts`) says otherwise.
//! Run it with `KOMPIS_BLESS=1` after adding a command to rewrite both.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kompis_core::api::wire::*;
use serde_json::Value;
use ts_rs::{Config, TS};

/// Permissions the window has besides our commands (see capabilities/README.md).
/// Only listening to events (a file dropped on the window arrives as a
/// handle); the page otherwise only invokes our commands, and the dialogs
/// open from Rust.
const OTHER_PERMISSIONS: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bless() -> bool {
    std::env::var_os("KOMPIS_BLESS").is_some_and(|v| v == "1")
}

/// Compares `path` with `expected`, or writes it when blessing.
fn check_file(path: &Path, expected: &str, how: &str) {
    let found = std::fs::read_to_string(path).unwrap_or_default();
    if found == expected {
        return;
    }
    if bless() {
        std::fs::write(path, expected).expect("write the generated file");
        return;
    }
    panic!(
        "{} differs from the command registry ({how}); run `KOMPIS_BLESS=1 cargo test -p kompis-app --test registry` and commit it",
        path.display()
    );
}

/// A command's name as Tauri's permission names it.
fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

#[test]
fn the_capability_file_grants_exactly_the_registry() {
    let path = repo().join("src-tauri/capabilities/main.json");
    let text = std::fs::read_to_string(&path).expect("capabilities/main.json");
    let mut cap: Value = serde_json::from_str(&text).expect("JSON");
    let mut permissions: Vec<Value> = OTHER_PERMISSIONS.iter().map(|p| (*p).into()).collect();
    permissions.extend(
        kompis_core::api::COMMANDS
            .iter()
            .map(|n| Value::from(permission(n))),
    );
    cap["permissions"] = Value::Array(permissions);
    let expected = serde_json::to_string_pretty(&cap).unwrap() + "\n";
    check_file(&path, &expected, "a command is missing or extra");

    let granted: BTreeSet<String> = serde_json::from_str::<Value>(&expected).unwrap()
        ["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str().map(str::to_string))
        .filter(|p| p.starts_with("allow-"))
        .collect();
    let listed: BTreeSet<String> = kompis_core::api::COMMANDS
        .iter()
        .map(|n| permission(n))
        .collect();
    assert_eq!(granted, listed);
}

/// One command as the TypeScript client sees it.
struct Command {
    name: &'static str,
    doc: String,
    args: Vec<(&'static str, String)>,
    reply: String,
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The exported types a TypeScript type expression names: its capitalised
/// identifiers, less TypeScript's own generics.
fn named_types(ts: &str) -> Vec<String> {
    ts.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        .filter(|w| !matches!(*w, "Array" | "Record" | "Partial" | "Promise"))
        .map(str::to_string)
        .collect()
}

macro_rules! describe {
    ($( $(#[doc = $doc:literal])* $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        fn commands(cfg: &Config) -> Vec<Command> {
            vec![$(Command {
                name: stringify!($name),
                doc: [$($doc),*].join(" ").trim().to_string(),
                args: vec![$((stringify!($arg), <$ty as TS>::name(cfg))),*],
                reply: <$ret as TS>::name(cfg),
            }),*]
        }
    };
}

kompis_commands::for_each_command!(describe);

fn typescript_client() -> String {
    let cfg = Config::default();
    let commands = commands(&cfg);
    let mut imports = BTreeSet::new();
    for c in &commands {
        for ty in c.args.iter().map(|(_, ty)| ty).chain([&c.reply]) {
            imports.extend(named_types(ty));
        }
    }
    let mut out = String::new();
    out.push_str("// Generated from the command registry (crates/kompis-commands) by\n");
    out.push_str("// src-tauri/tests/registry.rs; do not edit. Rewrite it with\n");
    out.push_str("// `KOMPIS_BLESS=1 cargo test -p kompis-app --test registry`.\n");
    for t in &imports {
        out.push_str(&format!("import type {{ {t} }} from \"./bindings/{t}\";\n"));
    }
    out.push_str("\n/** Every command: its arguments (camelCase keys) and its reply. */\n");
    out.push_str("export interface Commands {\n");
    for c in &commands {
        let args: Vec<String> = c
            .args
            .iter()
            .map(|(a, ty)| format!("{}: {ty}", camel(a)))
            .collect();
        let args = if args.is_empty() {
            "Record<string, never>".to_string()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        out.push_str(&format!("  /** {} */\n", c.doc));
        out.push_str(&format!(
            "  {}: {{ args: {args}; reply: {} }};\n",
            c.name, c.reply
        ));
    }
    out.push_str("}\n\n");
    out.push_str("/** A command's name. */\nexport type CommandName = keyof Commands;\n\n");
    out.push_str("/** Every command's name, in the registry's order. */\n");
    out.push_str("export const COMMAND_NAMES: readonly CommandName[] = [\n");
    for c in &commands {
        out.push_str(&format!("  \"{}\",\n", c.name));
    }
    out.push_str("];\n\n");
    out.push_str(
        "/** Sends one command and resolves with its reply (rejects with an IpcError). */\n",
    );
    out.push_str("export type Caller = <K extends CommandName>(name: K, args: Commands[K][\"args\"]) => Promise<Commands[K][\"reply\"]>;\n\n");
    out.push_str("/** One method per command, arguments in the registry's order. */\n");
    out.push_str("export interface Client {\n");
    for c in &commands {
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(a, ty)| format!("{}: {ty}", camel(a)))
            .collect();
        out.push_str(&format!("  /** {} */\n", c.doc));
        out.push_str(&format!(
            "  {}({}): Promise<{}>;\n",
            camel(c.name),
            params.join(", "),
            c.reply
        ));
    }
    out.push_str("}\n\n");
    out.push_str("/** The client over a caller (Tauri's invoke, or the preview server). */\n");
    out.push_str("export function client(call: Caller): Client {\n  return {\n");
    for c in &commands {
        let params: Vec<String> = c.args.iter().map(|(a, _)| camel(a)).collect();
        let args = if params.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", params.join(", "))
        };
        out.push_str(&format!(
            "    {}: ({}) => call(\"{}\", {args}),\n",
            camel(c.name),
            params.join(", "),
            c.name
        ));
    }
    out.push_str("  };\n}\n");
    out
}

#[test]
fn the_typescript_client_is_generated_from_the_registry() {
    let expected = typescript_client();
    let path = repo().join("ui/src/lib/commands.ts");
    check_file(&path, &expected, "a command was added, removed or changed");
    for name in kompis_core::api::COMMANDS {
        assert!(expected.contains(&format!("\"{name}\"")), "{name}");
    }
}

/// The events the app sends are the ones the page listens for: each name
/// written once in Rust and once in the module of the page that listens.
#[test]
fn the_page_listens_for_the_events_the_app_sends() {
    for (name, module) in [
        (kompis_app::FILE_DROPPED, "ui/src/lib/intake.svelte.ts"),
        (kompis_app::CLOSE_REQUESTED, "ui/src/lib/closing.svelte.ts"),
    ] {
        let text = std::fs::read_to_string(repo().join(module)).expect("the page's module");
        assert!(
            text.contains(&format!("= \"{name}\";")),
            "{module} does not listen for {name}"
        );
    }
}
