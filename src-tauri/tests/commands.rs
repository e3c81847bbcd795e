//! The app's commands over IPC on Tauri's mock runtime, with the app's real
//! configuration and capabilities, against a catalogue in a temp folder.

use kompis_core::Catalogue;
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewUrl, WebviewWindow, WebviewWindowBuilder};

/// The app with its commands over a fresh catalogue, and its main window.
fn app_on(catalogue: Catalogue) -> (App<MockRuntime>, WebviewWindow<MockRuntime>) {
    let app = kompis_app::with_commands(mock_builder())
        .manage(catalogue)
        .build(tauri::generate_context!(test = true))
        .expect("the app builds on the mock runtime");
    let window = WebviewWindowBuilder::new(&app, kompis_app::MAIN_WINDOW, WebviewUrl::default())
        .build()
        .expect("the main window opens");
    (app, window)
}

/// Invokes `cmd` with `args` as the page at `url` would.
fn invoke(
    window: &WebviewWindow<MockRuntime>,
    url: &str,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: url.parse().expect("a URL"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| body.deserialize().expect("JSON reply"))
}

/// The app's own pages on Linux and macOS.
const APP_URL: &str = "tauri://localhost";

/// Invokes `cmd` with `args` as the app's own page would.
fn call(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    invoke(window, APP_URL, cmd, args)
}

#[test]
fn a_need_saved_over_ipc_is_stored_and_listed() {
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());

    let need = json!({ "id": "", "title": "Hjelp med sveising av aluminium", "kind": "expertise", "keywords": ["sveising"] });
    let saved = call(
        &window,
        "save_entry",
        json!({ "side": "need", "entry": need }),
    )
    .unwrap();
    let id = saved["id"].as_str().expect("the core assigns an id");
    assert!(!id.is_empty());

    let page = call(
        &window,
        "list_entries",
        json!({ "side": "need", "query": { "text": "aluminum" } }),
    )
    .unwrap();
    assert_eq!(page["total"], 1, "{page}");
    let titles: Vec<&str> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["entry"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Hjelp med sveising av aluminium"]);

    let info = call(&window, "catalogue_info", json!({})).unwrap();
    assert_eq!(info["counts"]["needs"], 1);
}

#[test]
fn a_refused_save_answers_with_code_message_and_field() {
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());

    let need = json!({ "id": "", "title": "", "kind": "expertise" });
    let error = call(
        &window,
        "save_entry",
        json!({ "side": "need", "entry": need }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "invalid", "{error}");
    assert_eq!(error["field"], "title", "{error}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{error}"
    );
}

#[test]
fn a_page_from_another_origin_may_not_call_our_commands() {
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());

    let refused = invoke(&window, "https://example.com", "catalogue_info", json!({}));
    let refusal = refused.expect_err("a remote page called catalogue_info");
    assert!(refusal.to_string().contains("not allowed"), "{refusal}");
    assert!(call(&window, "catalogue_info", json!({})).is_ok());
}

#[test]
fn every_command_of_the_registry_is_handled_and_allowed() {
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());
    for name in kompis_core::api::COMMANDS {
        // Empty arguments: a command either answers or refuses them, but is
        // never unknown to the handler or denied by the capability file.
        let answer = call(&window, name, json!({}));
        let text = match &answer {
            Ok(v) | Err(v) => v.to_string(),
        };
        assert!(
            !text.contains("not allowed") && !text.contains("not found"),
            "{name}: {text}"
        );
    }
    let unknown = call(&window, "drop_everything", json!({})).unwrap_err();
    assert!(unknown.to_string().contains("not"), "{unknown}");
}

#[test]
fn oversized_arguments_are_refused_with_a_sentence_before_the_store() {
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());

    let huge = "å".repeat(5 * 1024 * 1024); // 10 MB of UTF-8
    let need = json!({ "id": "", "title": huge, "kind": "expertise" });
    let error = call(
        &window,
        "save_entry",
        json!({ "side": "need", "entry": need }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "invalid", "{}", &error.to_string()[..200]);
    assert_eq!(error["field"], "title");
    let message = error["message"].as_str().unwrap();
    assert!(message.len() < 300, "the sentence does not echo the title");
    assert!(message.contains("at most 300"), "{message}");
    let info = call(&window, "catalogue_info", json!({})).unwrap();
    assert_eq!(info["counts"]["needs"], 0, "nothing was stored");

    let long_query = "sveis ".repeat(200);
    let error = call(
        &window,
        "list_entries",
        json!({ "side": "offer", "query": { "text": long_query } }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "invalid", "{error}");

    let error = call(
        &window,
        "save_entry",
        json!({ "side": "sideways", "entry": {} }),
    )
    .unwrap_err();
    assert!(error.to_string().contains("side"), "{error}");
}

/// The person in the native dialog, for the mock runtime: answers with the
/// file the test tells it to choose.
struct ChoosesFile(std::sync::Mutex<Vec<std::path::PathBuf>>);

impl kompis_core::api::wire::FilePicker for ChoosesFile {
    fn pick(&self, _: &kompis_core::api::wire::PickRequest) -> Option<std::path::PathBuf> {
        self.0.lock().unwrap().pop()
    }
}

#[test]
fn no_command_takes_a_path_from_the_webview() {
    for (command, args) in kompis_commands::SIGNATURES {
        for (arg, ty) in *args {
            assert!(
                !["path", "dir", "folder", "out", "directory"].contains(arg)
                    && !ty.contains("Path"),
                "{command}({arg}: {ty}) takes a path"
            );
        }
    }
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());
    call(&window, "load_demo", json!({})).unwrap();

    // A script that names a file gets a refusal that says nothing of it,
    // and no file is read or written.
    let secret = folder.path().join("secret.json");
    std::fs::write(&secret, r#"{"format":"SECRET-4711"}"#).unwrap();
    let victim = folder.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let sheet = json!({ "format": "pdf", "scope": { "kind": "all" }, "lang": "nb" });
    let attempts = [
        (
            "review_intake",
            json!({ "file": secret.display().to_string(), "options": {} }),
        ),
        (
            "apply_intake",
            json!({ "file": secret.display().to_string(), "options": {} }),
        ),
        (
            "map_intake",
            json!({ "file": secret.display().to_string(), "options": {} }),
        ),
        (
            "save_intake_form",
            json!({ "request": { "lang": "nb" }, "file": victim.display().to_string() }),
        ),
        (
            "export_bundle",
            json!({ "file": victim.display().to_string() }),
        ),
        (
            "export_sheet",
            json!({ "request": sheet, "file": victim.display().to_string() }),
        ),
        (
            "export_job_sheet",
            json!({ "request": { "lang": "nb" }, "file": victim.display().to_string() }),
        ),
        (
            "export_bundle",
            json!({ "path": victim.display().to_string() }),
        ),
        (
            "open_saved",
            json!({ "file": victim.display().to_string(), "inFolder": false }),
        ),
    ];
    for (command, args) in attempts {
        let error = call(&window, command, args.clone()).unwrap_err();
        let text = error.to_string();
        assert!(!text.contains("SECRET"), "{command} {args}: {text}");
        // A handle that was never given out, or (a `path` key) arguments
        // Tauri itself refuses: the command has no such argument.
        assert!(
            error["code"] == "file_choice" || text.contains("missing required key file"),
            "{command} {args}: {text}"
        );
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let info = call(&window, "catalogue_info", json!({})).unwrap();
    assert!(info["counts"]["needs"].as_u64().unwrap() > 0);
}

#[test]
fn a_file_chosen_in_the_dialog_is_used_through_its_handle_once() {
    let folder = tempfile::tempdir().unwrap();
    let catalogue = Catalogue::open(&folder.path().join("catalogue")).unwrap();
    let out = folder.path().join("katalog.json");
    let person = std::sync::Arc::new(ChoosesFile(std::sync::Mutex::new(vec![out.clone()])));
    kompis_core::api::set_file_picker(&catalogue, person);
    let (_app, window) = app_on(catalogue);
    call(&window, "load_demo", json!({})).unwrap();

    let request = json!({ "purpose": "export_bundle", "title": "Eksporter katalogen",
                          "filterName": "Kompis-fil (JSON)", "suggestedName": "kompis.json" });
    let choice = call(&window, "choose_file", json!({ "request": request })).unwrap();
    assert_eq!(choice["name"], "katalog.json");
    let handle = choice["handle"].as_str().unwrap().to_string();
    assert!(!handle.contains('/'));
    let summary = call(&window, "export_bundle", json!({ "file": handle })).unwrap();
    assert!(summary["offers"].as_u64().unwrap() > 0);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .contains("kompis-bundle"));
    let again = call(&window, "export_bundle", json!({ "file": handle })).unwrap_err();
    assert_eq!(again["code"], "file_choice", "{again}");

    // Cancelled: no handle, nothing written.
    let cancelled = call(&window, "choose_file", json!({ "request": request })).unwrap();
    assert!(cancelled.is_null());
}

#[test]
fn every_argument_a_stranger_could_send_is_bounded_or_checked() {
    let folder = tempfile::tempdir().unwrap();
    let (_app, window) = app_on(Catalogue::open(&folder.path().join("catalogue")).unwrap());
    call(&window, "load_demo", json!({})).unwrap();
    let need = call(
        &window,
        "list_entries",
        json!({ "side": "need", "query": { "limit": 1 } }),
    )
    .unwrap()["rows"][0]["entry"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let offer = call(
        &window,
        "list_entries",
        json!({ "side": "offer", "query": { "limit": 1 } }),
    )
    .unwrap()["rows"][0]["entry"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let huge = "x".repeat(10 * 1024 * 1024);
    let refused = |cmd: &str, args: Value, code: &str| {
        let error = call(&window, cmd, args).unwrap_err();
        assert_eq!(
            error["code"],
            code,
            "{cmd}: {}",
            &error.to_string()[..error.to_string().len().min(300)]
        );
        let message = error["message"].as_str().unwrap();
        assert!(
            message.len() < 400,
            "{cmd}: the sentence echoes the argument"
        );
        assert!(
            message.contains("at most")
                || message.contains("longer than")
                || message.contains("does not exist"),
            "{cmd}: {message}"
        );
    };
    refused(
        "set_match_status",
        json!({ "change": { "need": need, "offer": offer, "status": "contacted", "note": huge } }),
        "invalid",
    );
    refused(
        "set_match_status",
        json!({ "change": { "need": "n-nobody", "offer": offer, "status": "contacted" } }),
        "not_found",
    );
    refused(
        "edit_thesaurus",
        json!({ "edit": { "op": "add_term", "group": "sveising", "term": huge } }),
        "invalid",
    );
    refused("find_concepts", json!({ "text": huge }), "invalid");
    let ids: Vec<String> = (0..20_000).map(|i| format!("n-{i}")).collect();
    refused(
        "sheet_preview",
        json!({ "request": { "format": "pdf", "scope": { "kind": "needs", "ids": ids }, "lang": "nb" } }),
        "invalid",
    );
    refused(
        "review_intake",
        json!({ "file": "h", "options": { "map": [{ "header": huge, "field": "title" }] } }),
        "invalid",
    );
    refused(
        "choose_file",
        json!({ "request": { "purpose": "export_bundle", "title": huge, "filterName": "x" } }),
        "invalid",
    );
    refused(
        "save_seeker",
        json!({ "seeker": { "id": "", "name": huge, "consent": { "given": true } } }),
        "invalid",
    );
    refused(
        "list_vacancies",
        json!({ "query": { "text": huge } }),
        "invalid",
    );
    refused("set_region_text", json!({ "text": huge }), "invalid");
    refused(
        "match_seeker",
        json!({ "id": "js-nobody", "top": 5 }),
        "not_found",
    );
    refused("reopen_vacancy", json!({ "id": huge }), "invalid");
    // Nothing of it was stored: the match is as the example network has it.
    let views = call(&window, "matches_for_need", json!({ "needId": need })).unwrap();
    assert!(!views.to_string().contains("xxxxxxxxxx"));
}
