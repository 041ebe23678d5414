//! JSON Pointers (RFC 6901): parsing the ones a caller sends, and writing the ones issues carry.

use std::borrow::Cow;

/// A location being read, built on the stack as the reader descends; rendered only when an
/// issue needs it, so reading valid input allocates no paths.
#[derive(Clone, Copy, Debug)]
pub enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    pub fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    pub fn index(&'p self, i: usize) -> Path<'p> {
        Path::Index(self, i)
    }

    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                out.push('/');
                escape_into(key, out);
            }
            Path::Index(parent, i) => {
                parent.write(out);
                out.push('/');
                let _ = std::fmt::Write::write_fmt(out, format_args!("{i}"));
            }
        }
    }
}

pub fn escape_into(token: &str, out: &mut String) {
    if !token.contains(['~', '/']) {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// Joins literal tokens into a pointer: `pointer(&["a", "0"])` is `/a/0`.
pub fn pointer(tokens: &[&str]) -> String {
    let mut out = String::new();
    for t in tokens {
        out.push('/');
        escape_into(t, &mut out);
    }
    out
}

/// Splits a pointer into unescaped tokens. `None` when it is not a pointer (no leading `/`, or a
/// `~` not followed by `0` or `1`). The empty pointer names the whole document. Tokens without an
/// escape are borrowed (an editor sends a pointer on every keystroke).
pub fn parse_pointer(text: &str) -> Option<Vec<Cow<'_, str>>> {
    if text.is_empty() {
        return Some(Vec::new());
    }
    let rest = text.strip_prefix('/')?;
    rest.split('/')
        .map(|raw| {
            if !raw.contains('~') {
                return Some(Cow::Borrowed(raw));
            }
            let mut out = String::with_capacity(raw.len());
            let mut chars = raw.chars();
            while let Some(c) = chars.next() {
                if c == '~' {
                    match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return None,
                    }
                } else {
                    out.push(c);
                }
            }
            Some(Cow::Owned(out))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_indexes_follow_rfc_6901() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("12"), Some(12));
        for bad in ["", "01", "00", "+1", "-1", "1a", " 1", "1e2"] {
            assert_eq!(array_index(bad), None, "{bad:?}");
        }
        let mut doc = crate::json::parse(r#"{"a":[1,2,3]}"#).unwrap().into_owned();
        let set = |doc: &mut super::super::Json, p: &str| {
            set_at(
                doc,
                &parse_pointer(p).unwrap(),
                Some(super::super::Value::Null),
            )
        };
        assert!(set(&mut doc, "/a/01").is_err());
        assert!(set(&mut doc, "/a/+1").is_err());
        assert!(set(&mut doc, "/a/1").is_ok());
        assert!(set(&mut doc, "/a/3").is_err(), "index len names nothing");
        assert!(set(&mut doc, "/a/-").is_ok());
        assert!(set(&mut doc, "/a/3").is_ok(), "it does once `-` appended");
    }

    #[test]
    fn renders_and_parses() {
        let root = Path::Root;
        let a = root.key("access_schedule");
        let b = a.key("schedule_items");
        let c = b.index(1);
        let d = c.key("a/b~c");
        assert_eq!(d.render(), "/access_schedule/schedule_items/1/a~1b~0c");
        assert_eq!(parse_pointer("/a~1b~0c/0").unwrap(), vec!["a/b~c", "0"]);
        assert_eq!(parse_pointer("").unwrap(), Vec::<String>::new());
        assert!(parse_pointer("a").is_none());
        assert!(parse_pointer("/a~2").is_none());
        assert_eq!(pointer(&["x", "0"]), "/x/0");
    }
}

/// An RFC 6901 array index: `0`, or digits without a leading zero (`01` and `+1` are not).
pub fn array_index(token: &str) -> Option<usize> {
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    (digits && (token.len() == 1 || !token.starts_with('0')))
        .then(|| token.parse().ok())
        .flatten()
}

/// Sets (or, with `None`, removes) the value at `tokens` inside `root`. The parent must exist; `-`
/// appends to an array. `Err` when the path names nothing that can hold a value.
pub fn set_at(
    root: &mut super::Json,
    tokens: &[Cow<'_, str>],
    value: Option<super::Json>,
) -> Result<(), ()> {
    use super::Value;
    let Some((last, parents)) = tokens.split_last() else {
        return Err(());
    };
    let mut node = root;
    for t in parents {
        node = match node {
            Value::Object(entries) => entries
                .iter_mut()
                .rev()
                .find(|(k, _)| k == t)
                .map(|(_, v)| v)
                .ok_or(())?,
            Value::Array(items) => items.get_mut(array_index(t).ok_or(())?).ok_or(())?,
            _ => return Err(()),
        };
    }
    match node {
        Value::Object(entries) => {
            let at = entries.iter().rposition(|(k, _)| k == last);
            match (at, value) {
                (Some(i), Some(v)) => entries[i].1 = v,
                (None, Some(v)) => entries.push((last.to_string().into(), v)),
                (Some(i), None) => {
                    entries.remove(i);
                }
                (None, None) => {}
            }
            Ok(())
        }
        Value::Array(items) => {
            let len = items.len();
            let i = if last == "-" {
                len
            } else {
                array_index(last).ok_or(())?
            };
            match value {
                Some(v) if i < len => items[i] = v,
                // Only `-` names the place after the last element; index `len` names nothing.
                Some(v) if last == "-" => items.push(v),
                None if i < len => {
                    items.remove(i);
                }
                _ => return Err(()),
            }
            Ok(())
        }
        _ => Err(()),
    }
}
