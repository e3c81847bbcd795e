//! `kompis match --json` for every need, written as it is ranked: the
//! output of a large catalogue (10 MB at 20,000 offers × 2,000 needs) is
//! never built whole, nor are all its rankings held at once. The bytes are
//! those of `serde_json::to_string_pretty(&json!({ "needs": ranked }))`:
//! each need goes through a `serde_json::Value`, whose keys are in
//! alphabetical order, inside the same pretty printer.

use std::cell::RefCell;

use anyhow::{Context, Result};
use kompis_core::api::{self, Catalogue};
use serde::ser::{Error as _, SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// Prints `{"needs": [...]}` with each need's `top` offers.
pub fn print_all(cat: &Catalogue, top: usize) -> Result<()> {
    let failed = RefCell::new(None);
    let all = AllNeeds {
        cat,
        top,
        failed: &failed,
    };
    let written = crate::say::write_with(|out| {
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)
    });
    if let Some(e) = failed.into_inner() {
        return Err(anyhow::Error::new(e).context("could not rank the offers"));
    }
    written.context("could not write the output")
}

struct AllNeeds<'a> {
    cat: &'a Catalogue,
    top: usize,
    /// Where a failure of the ranking (not of the writing) is kept.
    failed: &'a RefCell<Option<kompis_core::Error>>,
}

impl Serialize for AllNeeds<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        map.serialize_entry("needs", &Ranked(self))?;
        map.end()
    }
}

/// The `needs` array, ranked while it is written.
struct Ranked<'a, 'b>(&'a AllNeeds<'b>);

/// Why the ranking stopped: the store, or the writer.
enum Stop<E> {
    Core(kompis_core::Error),
    Write(E),
}

impl<E> From<kompis_core::Error> for Stop<E> {
    fn from(e: kompis_core::Error) -> Self {
        Stop::Core(e)
    }
}

impl Serialize for Ranked<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        let ranked = api::rank_needs_each(self.0.cat, self.0.top, |need| {
            let value = serde_json::to_value(&need)
                .map_err(S::Error::custom)
                .map_err(Stop::Write)?;
            seq.serialize_element(&value).map_err(Stop::Write)
        });
        match ranked {
            Ok(()) => seq.end(),
            Err(Stop::Write(e)) => Err(e),
            Err(Stop::Core(e)) => {
                *self.0.failed.borrow_mut() = Some(e);
                Err(S::Error::custom("the ranking failed"))
            }
        }
    }
}
