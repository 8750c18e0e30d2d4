//! Buffers cut to their exact size, for what is held until the report.
//!
//! `shrink_to_fit` asks the allocator to shrink the block in place, and mimalloc (the
//! binary's allocator) keeps a block whole when it shrinks by less than half: a list
//! grown by pushing, then shrunk, still held up to twice its room. A buffer that will
//! be held is copied into one of its exact size instead.

/// `list` in a buffer of exactly its length.
pub fn vec<T>(list: Vec<T>) -> Vec<T> {
    if list.capacity() == list.len() {
        return list;
    }
    let mut exact = Vec::with_capacity(list.len());
    exact.extend(list);
    exact
}

/// `list` as a boxed slice of exactly its length.
pub fn boxed<T>(list: Vec<T>) -> Box<[T]> {
    vec(list).into_boxed_slice()
}

/// `text` in a buffer of exactly its length.
pub fn string(text: String) -> String {
    if text.capacity() == text.len() {
        return text;
    }
    String::from(text.as_str())
}

/// `text` as a boxed string of exactly its length.
pub fn boxed_str(text: String) -> Box<str> {
    string(text).into_boxed_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_copy_keeps_the_contents_and_no_spare_room() {
        let mut list = Vec::with_capacity(64);
        list.extend(["a", "b", "c"].map(String::from));
        let exact = vec(list.clone());
        assert_eq!((exact.len(), exact.capacity()), (3, 3));
        assert_eq!(exact, list);
        assert_eq!(&*boxed(list.clone()), &list[..]);

        let mut text = String::with_capacity(100);
        text.push_str("Forty-two people");
        let exact = string(text.clone());
        assert_eq!((exact.as_str(), exact.capacity()), ("Forty-two people", 16));
        assert_eq!(&*boxed_str(text), "Forty-two people");
        assert_eq!(vec(Vec::<u8>::new()).capacity(), 0);
    }
}
