//! The network summary: counts by kind and municipality, agreed matches,
//! needs with no live match.

use std::collections::BTreeMap;

use super::*;

/// A table row: the first cell left, the numbers right-aligned in columns.
fn count_row(fonts: &Fonts, cells: &[String], shade: bool, bold: bool) -> Block {
    const NUM_W: f32 = 90.0;
    let style = if bold { BODY_BOLD } else { BODY };
    let mut b = Block::new();
    let n = cells.len().saturating_sub(1) as f32;
    let first_w = CONTENT_W - n * NUM_W - 8.0;
    if shade {
        b.rect(MARGIN, 0.0, CONTENT_W, style.line_h() + 4.0, PANEL);
    }
    b.text_at(
        MARGIN + 4.0,
        2.0,
        style,
        fit(fonts, style, &cells[0], first_w),
    );
    for (i, c) in cells.iter().enumerate().skip(1) {
        let right = MARGIN + CONTENT_W - 4.0 - (cells.len() - 1 - i) as f32 * NUM_W;
        let w = fonts.width(c, bold, style.size);
        b.text_at(right - w, 2.0, style, c.clone());
    }
    b.preview_line(P::Body, cells.join(" | "));
    b.h = style.line_h() + 4.0;
    b
}

pub(super) fn summary(flow: &mut Flow, sel: &Selection) {
    let (fonts, cat) = (flow.fonts, flow.cat);
    let l = cat.l;
    flow.new_page();
    let agreed: Vec<&SheetMatch> = sel
        .matches
        .iter()
        .copied()
        .filter(|m| m.status == MatchStatus::Agreed)
        .collect();
    let mut head = Block::new();
    head.para(fonts, MARGIN, CONTENT_W, TITLE, l.summary_title, 2);
    let meta = format!(
        "{} {} · {} {} · {} {} · {} {} · {} {}",
        sel.organisations.len(),
        l.organisations.to_lowercase(),
        sel.needs.len(),
        l.needs.to_lowercase(),
        sel.offers.len(),
        l.offers.to_lowercase(),
        sel.matches.len(),
        l.matches.to_lowercase(),
        agreed.len(),
        l.status(MatchStatus::Agreed).to_lowercase(),
    );
    head.para(fonts, MARGIN, CONTENT_W, SMALL, &meta, 2);
    flow.place(head);

    // By kind.
    let h = flow.heading(l.by_kind);
    flow.place_keep(h, 40.0);
    flow.place(count_row(
        fonts,
        &[l.kind.into(), l.needs.into(), l.offers.into()],
        false,
        true,
    ));
    for (i, k) in kompis_model::EntryKind::ALL.iter().enumerate() {
        let n = sel.needs.iter().filter(|e| e.kind == *k).count();
        let o = sel.offers.iter().filter(|e| e.kind == *k).count();
        let row = [l.entry_kind(*k).to_string(), n.to_string(), o.to_string()];
        flow.place(count_row(fonts, &row, i % 2 == 0, false));
    }
    let total = [
        l.total.to_string(),
        sel.needs.len().to_string(),
        sel.offers.len().to_string(),
    ];
    flow.place(count_row(fonts, &total, false, true));

    // By municipality.
    let mut by_muni: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for o in &sel.organisations {
        let m = o.municipality.clone().filter(|m| !m.trim().is_empty());
        by_muni.entry(m.unwrap_or_default()).or_default()[0] += 1;
    }
    for (i, list) in [&sel.needs, &sel.offers].iter().enumerate() {
        for e in list.iter() {
            let m = cat.municipality(e).unwrap_or_default().to_string();
            by_muni.entry(m).or_default()[i + 1] += 1;
        }
    }
    let h = flow.heading(l.by_municipality);
    flow.place_keep(h, 40.0);
    let header = [
        l.municipality.into(),
        l.organisations.into(),
        l.needs.into(),
        l.offers.into(),
    ];
    flow.place(count_row(fonts, &header, false, true));
    let unknown = by_muni.remove("");
    let rows = by_muni
        .into_iter()
        .chain(unknown.map(|c| (l.unknown_municipality.to_string(), c)));
    for (i, (name, c)) in rows.enumerate() {
        let row = [name, c[0].to_string(), c[1].to_string(), c[2].to_string()];
        flow.place(count_row(fonts, &row, i % 2 == 0, false));
    }

    // Agreed matches.
    let h = flow.heading(&format!("{} ({})", l.agreed_matches, agreed.len()));
    flow.place_keep(h, 30.0);
    if agreed.is_empty() {
        let b = flow.note(l.none);
        flow.place(b);
    }
    for m in &agreed {
        let need = cat.need(&m.need);
        let offer = cat.offer(&m.offer);
        let title = |e: Option<&Entry>, id: &str| {
            e.map_or(format!("{} ({id})", l.unknown), |e| title(cat, e))
        };
        let org = |e: Option<&Entry>| {
            e.map(|e| cat.org_name(e.organisation.as_deref()))
                .unwrap_or_default()
        };
        let mut b = Block::new();
        b.gap(3.0);
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            BODY_BOLD,
            &format!("{}  →  {}", title(need, &m.need), title(offer, &m.offer)),
            2,
        );
        b.para(
            fonts,
            MARGIN,
            CONTENT_W,
            SMALL,
            &format!("{}  ↔  {}", org(need), org(offer)),
            1,
        );
        if let Some(note) = m.note.as_deref().filter(|n| !n.trim().is_empty()) {
            b.para(
                fonts,
                MARGIN,
                CONTENT_W,
                SMALL,
                &format!("{}: {note}", l.note),
                1,
            );
        }
        // "Avtalt 05.03.2026 · Utfall: Ansettelse 01.10.2026".
        let mut track = Vec::new();
        if let Some(since) = status_since(m) {
            track.push(format!("{} {}", l.status(m.status), date(since)));
        }
        let outcomes = outcomes_text(l, &m.outcomes);
        if !outcomes.is_empty() {
            track.push(format!("{}: {outcomes}", l.outcomes));
        }
        if !track.is_empty() {
            b.para(fonts, MARGIN, CONTENT_W, SMALL, &track.join(" · "), 2);
        }
        b.gap(3.0);
        b.rule(MARGIN, CONTENT_W, RULE, 0.4);
        flow.place(b);
    }

    // Needs without a live match.
    let lonely: Vec<&Entry> = sel
        .primary_needs
        .iter()
        .copied()
        .filter(|n| {
            !sel.matches
                .iter()
                .any(|m| m.need == n.id && m.status != MatchStatus::Declined)
        })
        .collect();
    let h = flow.heading(&format!("{} ({})", l.needs_without_match, lonely.len()));
    flow.place_keep(h, 30.0);
    if lonely.is_empty() {
        let b = flow.note(l.none);
        flow.place(b);
    }
    for n in lonely {
        let mut b = Block::new();
        b.gap(3.0);
        b.para(fonts, MARGIN, CONTENT_W, BODY_BOLD, &title(cat, n), 2);
        let meta = [org_line(cat, n), entry_meta(cat, n)]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        b.para(fonts, MARGIN, CONTENT_W, SMALL, &meta, 1);
        b.gap(3.0);
        flow.place(b);
    }
}
