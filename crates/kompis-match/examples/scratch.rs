use kompis_match::{Doc, DocKind, Matcher, Thesaurus};
fn d(id: &str, t: &str, desc: &str) -> Doc {
    Doc { id: id.into(), organisation: Some(id.into()), kind: DocKind::Expertise, title: t.into(), description: desc.into(), keywords: vec![] }
}
fn main() {
    let offers = vec![
        d("ki", "Generativ kunstig intelligens i kontorarbeid", "Vi hjelper bedrifter å ta i bruk språkmodeller og assistenter."),
        d("hms", "Kurs i helse, miljø og sikkerhet", "Grunnkurs for verneombud og ledere."),
        d("erp", "Bytte av ERP", "Valg og innføring av forretningssystem for industribedrifter."),
        d("ce", "CE-merking av maskiner", "Maskindirektivet, risikovurdering og samsvarserklæring."),
        d("sys", "Kvalitetssystem og internrevisjon", "Vi bygger system for avvik og dokumentasjon."),
        d("kurs", "Kurs i sveising", "Praktisk kurs for nye sveisere."),
        d("ass", "Assistenter til lageret", "Vi leier ut assistenter og lagermedarbeidere."),
    ];
    let m = Matcher::new(&Thesaurus::builtin(), &offers);
    for q in ["KI-assistenter på kontoret", "HMS-kurs for nye ledere", "Vi skal bytte ERP-systemet", "CE-merking av produktet vårt", "ISO 45001"] {
        let need = d("n", q, "");
        let r = m.rank(&need, 4);
        println!("{q}: {:?}", r.iter().map(|x| (x.id.as_str(), (x.score * 100.0).round())).collect::<Vec<_>>());
        let (parts, _) = m.explain(&need, "ki");
        println!("   {}", parts.iter().map(|p| p.0.as_str()).collect::<Vec<_>>().join("  "));
    }
}
