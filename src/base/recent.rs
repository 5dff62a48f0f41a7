//! The last few values asked for, by key: a draft read again for its lines is kept
//! while it is among the last few a run needed, never every draft of the run, so that
//! memory follows the largest file and not the corpus.

/// At most `cap` values, the one asked for last at the end.
#[derive(Debug)]
pub(crate) struct Recent<K, V> {
    kept: Vec<(K, V)>,
    cap: usize,
}

impl<K: PartialEq, V> Recent<K, V> {
    /// Keeps at most `cap` values (at least one).
    pub(crate) fn new(cap: usize) -> Recent<K, V> {
        Recent {
            kept: Vec::new(),
            cap: cap.max(1),
        }
    }

    /// The value of `key`, made by `make` if it is not kept; it becomes the last asked
    /// for, and the one asked for longest ago is dropped when more than `cap` are kept.
    pub(crate) fn get_or_insert_with(&mut self, key: &K, make: impl FnOnce() -> V) -> &V
    where
        K: Clone,
    {
        match self.kept.iter().position(|(k, _)| k == key) {
            Some(at) => {
                let kept = self.kept.remove(at);
                self.kept.push(kept);
                let last = self.kept.len() - 1;
                &self.kept[last].1
            }
            None => self.insert(key.clone(), make()),
        }
    }

    /// Removes the value of `key` and gives it back, if it is kept.
    pub(crate) fn take(&mut self, key: &K) -> Option<V> {
        let at = self.kept.iter().position(|(k, _)| k == key)?;
        Some(self.kept.remove(at).1)
    }

    /// Keeps `value` as the last asked for (replacing the value of `key`, if any).
    pub(crate) fn insert(&mut self, key: K, value: V) -> &V {
        if let Some(at) = self.kept.iter().position(|(k, _)| *k == key) {
            self.kept.remove(at);
        }
        if self.kept.len() >= self.cap {
            self.kept.remove(0);
        }
        self.kept.push((key, value));
        let last = self.kept.len() - 1;
        &self.kept[last].1
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.kept.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_asked_for_and_makes_the_others_again() {
        let mut made = Vec::new();
        let mut r = Recent::new(2);
        for key in [1, 2, 1, 3, 1, 2] {
            let v = *r.get_or_insert_with(&key, || {
                made.push(key);
                key * 10
            });
            assert_eq!(v, key * 10);
            assert!(r.len() <= 2);
        }
        // 1 and 2 made; 1 kept (asked again), 3 made and 2 dropped; 1 kept; 2 made again.
        assert_eq!(made, [1, 2, 3, 2]);
    }

    #[test]
    fn take_removes_and_insert_replaces() {
        let mut r = Recent::new(3);
        r.insert("a", 1);
        r.insert("b", 2);
        assert_eq!(r.take(&"a"), Some(1));
        assert_eq!(r.take(&"a"), None);
        assert_eq!(*r.insert("b", 5), 5);
        assert_eq!(r.len(), 1);
        assert_eq!(*r.get_or_insert_with(&"b", || 9), 5);
    }
}
