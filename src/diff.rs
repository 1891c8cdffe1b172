//! Word-level changes between two paragraphs' texts. (Being written.)
