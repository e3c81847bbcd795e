//! One page per need: the need, its owner and contact, the best matches,
//! and ruled lines for notes.

use super::*;

pub(super) fn per_need(flow: &mut Flow, sel: &Selection) {
    let (fonts, cat) = (flow.fonts, flow.cat);
    let l = cat.l;
    if sel.primary_needs.is_empty() {
        flow.new_page();
        let b = flow.note(l.empty_sheet);
        flow.place(b);
        return;
    }
    for need in &sel.primary_needs {
        flow.new_page();
        flow.pages.continued = None;
        let mut head = Block::new();
        let label = format!(
            "{} · {}",
            l.need.to_uppercase(),
            entry_meta(cat, need).to_uppercase()
        );
        head.para(fonts, MARGIN, CONTENT_W, LABEL, &label, 1);
        head.gap(2.0);
        head.para(fonts, MARGIN, CONTENT_W, TITLE, &title(cat, need), 3);
        head.gap(6.0);
        // Owner panel.
        let from = head.ops.len();
        let y0 = head.h + 4.0;
        head.gap(4.0);
        let inner = CONTENT_W - 16.0;
        let mut org = org_line(cat, need);
        if org.is_empty() {
            org = l.no_organisation.to_string();
        }
        key_value(
            &mut head,
            fonts,
            MARGIN + 8.0,
            inner,
            l.organisation,
            &org,
            1,
        );
        let contact = pdf_contact(cat, need);
        if !contact.is_empty() {
            key_value(
                &mut head,
                fonts,
                MARGIN + 8.0,
                inner,
                l.contact,
                &contact,
                2,
            );
        }
        head.gap(2.0);
        head.panel_behind(from, MARGIN, CONTENT_W, y0, 2.0, PANEL);
        head.gap(10.0);
        if let Some(d) = need.description.as_deref().filter(|d| !d.trim().is_empty()) {
            head.para(fonts, MARGIN, CONTENT_W, BODY, d, 8);
            head.gap(4.0);
        }
        if !need.keywords.is_empty() {
            head.para(
                fonts,
                MARGIN,
                CONTENT_W,
                SMALL,
                &format!("{}: {}", l.keywords, need.keywords.join(", ")),
                2,
            );
        }
        flow.place(head);
        let matches = sel.matches_for_need(&need.id);
        let heading = flow.heading(&format!("{} ({})", l.suggestions, matches.len()));
        flow.place(heading);
        if matches.is_empty() {
            let b = flow.note(l.no_suggestions);
            flow.place(b);
            notes_lines(flow);
            continue;
        }
        let mut shown = 0;
        for (i, m) in matches.iter().enumerate() {
            let card = match_card(fonts, cat, i + 1, m, true, 0.0);
            let reserve = if i + 1 < matches.len() { 16.0 } else { 0.0 };
            if card.h + reserve > flow.room() {
                break;
            }
            flow.place(card);
            shown += 1;
        }
        if shown < matches.len() {
            let mut b = Block::new();
            b.gap(4.0);
            b.para(
                fonts,
                MARGIN,
                CONTENT_W,
                SMALL,
                &(l.more_matches)(matches.len() - shown),
                1,
            );
            flow.place(b);
        }
        notes_lines(flow);
    }
}

/// Ruled lines for the meeting's notes in what is left of a need's page.
fn notes_lines(flow: &mut Flow) {
    const LINE_GAP: f32 = 22.0;
    let room = flow.room();
    if room < 90.0 {
        return;
    }
    let mut b = Block::new();
    b.gap(14.0);
    b.para(
        flow.fonts,
        MARGIN,
        CONTENT_W,
        SMALL_BOLD,
        flow.cat.l.meeting_notes,
        1,
    );
    while b.h + LINE_GAP <= room - 4.0 {
        b.gap(LINE_GAP);
        b.rule(MARGIN, CONTENT_W, Rgb(0xDD, 0xE1, 0xE6), 0.5);
    }
    flow.place(b);
}
