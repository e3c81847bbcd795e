//! "Dine treff": per organisation, its needs and offers and their matches.

use super::*;

pub(super) fn per_organisation(flow: &mut Flow, sel: &Selection) {
    let (fonts, cat) = (flow.fonts, flow.cat);
    let l = cat.l;
    // Group the primary needs and offers by organisation, in catalogue order.
    let mut groups: Vec<(Option<&Organisation>, Vec<&Entry>, Vec<&Entry>)> = Vec::new();
    let orgs: Vec<&Organisation> = match sel.focus {
        Some(o) => vec![o],
        None => cat.input.organisations.iter().collect(),
    };
    for o in orgs {
        let ours = |e: &&&Entry| e.organisation.as_deref() == Some(o.id.as_str());
        let needs: Vec<&Entry> = sel.primary_needs.iter().filter(ours).copied().collect();
        let offers: Vec<&Entry> = sel.primary_offers.iter().filter(ours).copied().collect();
        if !needs.is_empty() || !offers.is_empty() || sel.focus.is_some() {
            groups.push((Some(o), needs, offers));
        }
    }
    if sel.focus.is_none() {
        let orphan = |e: &&&Entry| cat.org(e.organisation.as_deref()).is_none();
        let needs: Vec<&Entry> = sel.primary_needs.iter().filter(orphan).copied().collect();
        let offers: Vec<&Entry> = sel.primary_offers.iter().filter(orphan).copied().collect();
        if !needs.is_empty() || !offers.is_empty() {
            groups.push((None, needs, offers));
        }
    }
    if groups.is_empty() {
        flow.new_page();
        let b = flow.note(l.empty_sheet);
        flow.place(b);
        return;
    }
    for (org, needs, offers) in groups {
        flow.new_page();
        let name = match org {
            Some(o) => cat
                .org_label(Some(&o.id))
                .unwrap_or_else(|| l.unknown.to_string()),
            None => l.no_organisation.to_string(),
        };
        flow.pages.continued = Some(format!("{} – {name} ({})", l.your_matches, l.continued));
        let mut head = Block::new();
        head.para(
            fonts,
            MARGIN,
            CONTENT_W,
            LABEL,
            &l.your_matches.to_uppercase(),
            1,
        );
        head.gap(2.0);
        head.para(fonts, MARGIN, CONTENT_W, TITLE, &name, 2);
        let mut meta = Vec::new();
        if let Some(o) = org {
            meta.push(l.org_kind(o.kind).to_string());
            meta.extend(o.municipality.clone().filter(|m| !m.trim().is_empty()));
        }
        meta.push(format!("{} {}", needs.len(), l.needs.to_lowercase()));
        meta.push(format!("{} {}", offers.len(), l.offers.to_lowercase()));
        head.para(fonts, MARGIN, CONTENT_W, SMALL, &meta.join(" · "), 1);
        flow.place(head);
        for (is_need, list) in [(true, &needs), (false, &offers)] {
            if list.is_empty() {
                continue;
            }
            let section = if is_need { l.our_needs } else { l.our_offers };
            let h = flow.heading(&format!("{section} ({})", list.len()));
            flow.place_keep(h, 60.0);
            for e in list.iter() {
                let mut eb = Block::new();
                eb.gap(8.0);
                let (from, y0) = (eb.ops.len(), eb.h);
                eb.para(
                    fonts,
                    MARGIN + 6.0,
                    CONTENT_W - 12.0,
                    CARD_TITLE,
                    &title(cat, e),
                    3,
                );
                eb.para(
                    fonts,
                    MARGIN + 6.0,
                    CONTENT_W - 12.0,
                    SMALL,
                    &entry_meta(cat, e),
                    1,
                );
                eb.panel_behind(from, MARGIN, CONTENT_W, y0, 3.0, PANEL);
                eb.gap(3.0);
                let ms = if is_need {
                    sel.matches_for_need(&e.id)
                } else {
                    sel.matches_for_offer(&e.id)
                };
                let cards: Vec<Block> = ms
                    .iter()
                    .enumerate()
                    .map(|(i, m)| match_card(fonts, cat, i + 1, m, is_need, 14.0))
                    .collect();
                if cards.is_empty() {
                    eb.para(
                        fonts,
                        MARGIN + 14.0,
                        CONTENT_W - 14.0,
                        SMALL,
                        l.no_suggestions,
                        1,
                    );
                }
                let keep = cards.first().map_or(0.0, |c| c.h);
                flow.place_keep(eb, keep);
                for c in cards {
                    flow.place(c);
                }
            }
        }
    }
}
