//! Where an indexed entry's words are, feature by feature, in 8 bytes a
//! feature.

/// (feature, start in the surface arena, number of words).
pub(crate) type SurfaceSpan = (u32, u32, u32);

/// The end mark's feature: past every real one.
const END: u32 = u32::MAX;

/// One indexed entry's features, sorted, each with where the words that
/// carried it start in the matcher's surface arena. The entry's words lie
/// in the arena in feature order, so a feature's words run to the next
/// feature's start, the last one's to an end mark.
#[derive(Debug, Default, Clone)]
pub(crate) struct Spans(Vec<(u32, u32)>);

impl Spans {
    /// From spans sorted by feature whose words lie back to back in the
    /// arena, in that order.
    pub fn from_sorted(spans: &[SurfaceSpan]) -> Self {
        let Some(&(_, start, len)) = spans.last() else {
            return Self::default();
        };
        debug_assert!(spans
            .windows(2)
            .all(|w| w[0].0 < w[1].0 && w[0].1 + w[0].2 == w[1].1));
        let mut marks = Vec::with_capacity(spans.len() + 1);
        marks.extend(spans.iter().map(|&(f, s, _)| (f, s)));
        marks.push((END, start + len));
        Self(marks)
    }

    /// The starts, without the end mark.
    fn starts(&self) -> &[(u32, u32)] {
        &self.0[..self.0.len().saturating_sub(1)]
    }

    /// Every feature with its words, in feature order.
    pub fn iter(&self) -> impl Iterator<Item = SurfaceSpan> + '_ {
        self.0.windows(2).map(|w| (w[0].0, w[0].1, w[1].1 - w[0].1))
    }

    /// The features, in order.
    pub fn features(&self) -> impl Iterator<Item = u32> + '_ {
        self.starts().iter().map(|x| x.0)
    }

    /// Feature `fid`'s span, if the entry has it.
    pub fn find(&self, fid: u32) -> Option<SurfaceSpan> {
        let k = self.starts().binary_search_by_key(&fid, |x| x.0).ok()?;
        Some((fid, self.0[k].1, self.0[k + 1].1 - self.0[k].1))
    }

    /// Whether the entry has feature `fid`.
    pub fn contains(&self, fid: u32) -> bool {
        self.starts().binary_search_by_key(&fid, |x| x.0).is_ok()
    }

    /// Forgets every feature (an entry taken out of the index).
    pub fn clear(&mut self) {
        self.0 = Vec::new();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_give_back_what_they_were_made_of() {
        let made = [(2, 10, 3), (5, 13, 1), (9, 14, 2)];
        let s = Spans::from_sorted(&made);
        assert_eq!(s.iter().collect::<Vec<_>>(), made);
        assert_eq!(s.features().collect::<Vec<_>>(), [2, 5, 9]);
        assert_eq!(s.find(5), Some((5, 13, 1)));
        assert_eq!(s.find(9), Some((9, 14, 2)));
        assert_eq!(s.find(3), None);
        assert!(!s.contains(END));
        let empty = Spans::from_sorted(&[]);
        assert_eq!(empty.iter().count(), 0);
        assert_eq!(empty.features().count(), 0);
        assert!(!empty.contains(0));
    }
}
